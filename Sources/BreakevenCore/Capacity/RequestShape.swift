/// The mean request a replica serves, as the workload describes it.
public struct RequestShape: Sendable, Hashable {
    public var inputTokens: Double
    public var outputTokens: Double
    /// Share of input tokens served from the prefix cache: they skip prefill but stay in the KV cache.
    public var cachedInputShare: Double

    public init(inputTokens: Double, outputTokens: Double, cachedInputShare: Double = 0) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cachedInputShare = cachedInputShare
    }

    /// The mean request over the workload's classes; the cached share weighted by prompt tokens.
    init(meanOf workload: borrowing Workload) {
        let tokens = workload.tokensPerRequest
        let cachedTokens = workload.classes.reduce(0) { $0 + $1.share * $1.inputTokens * $1.cachedInputShare }
        self.init(inputTokens: tokens.input, outputTokens: tokens.output,
                  cachedInputShare: tokens.input > 0 ? cachedTokens / tokens.input : 0)
    }

    /// Prompt tokens that go through prefill.
    public var uncachedInputTokens: Double { inputTokens * (1 - cachedInputShare) }

    /// Tokens a request holds in the KV cache when it finishes.
    var fullContextTokens: Double { inputTokens + outputTokens }

    /// Mean context a decode step attends to: the prompt plus half the answer.
    var meanDecodeContextTokens: Double { inputTokens + outputTokens / 2 }
}
