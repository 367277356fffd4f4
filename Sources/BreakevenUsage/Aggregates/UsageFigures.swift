/// Usage summed over buckets: what a month of a model (or of a selection) adds up to. A figure
/// some bucket lacks is unknown for the sum (nil), never counted as 0.
public struct UsageFigures: Sendable, Hashable {
    /// nil where some bucket has no request count (Anthropic, Bedrock and most FOCUS rows).
    public var requests: Int64?
    public var inputTokens: Int64 = 0
    public var cachedInputTokens: Int64 = 0
    public var cacheWriteTokens: Int64?
    public var outputTokens: Int64 = 0
    /// Requests of batch buckets; nil where a bucket's batch is unknown or requests are not counted.
    public var batchRequests: Int64?
    /// Prompt and output tokens of batch buckets; nil where a bucket's batch is unknown.
    var batchTokens: Int64?
    /// nil where some bucket carries no amount.
    public var billed: Double?
    public var currency: String?
    /// Buckets summed (0: no usage at all).
    public var buckets = 0

    init() {}

    public var tokens: Int64 { inputTokens + outputTokens }

    /// Adds one bucket's figures.
    mutating func add(batch: Bool?, requests: Int64?, input: Int64, cached: Int64, cacheWrite: Int64?, output: Int64,
                      billedMicros: Int64?, currency: String?) {
        let first = buckets == 0
        buckets += 1
        self.requests = first ? requests : self.requests.flatMap { r in requests.map { r + $0 } }
        inputTokens += input
        cachedInputTokens += cached
        cacheWriteTokens = first ? cacheWrite : cacheWriteTokens.flatMap { w in cacheWrite.map { w + $0 } }
        outputTokens += output
        let batchRequestsHere = batch.flatMap { b in requests.map { b ? $0 : 0 } }
        batchRequests = first ? batchRequestsHere : batchRequests.flatMap { r in batchRequestsHere.map { r + $0 } }
        let batchTokensHere = batch.map { $0 ? input + output : 0 }
        batchTokens = first ? batchTokensHere : batchTokens.flatMap { t in batchTokensHere.map { t + $0 } }
        let amount = billedMicros.map { Double($0) / 1_000_000 }
        if first || currency == self.currency {
            billed = first ? amount : billed.flatMap { b in amount.map { b + $0 } }
            self.currency = currency
        } else {
            // Amounts in two currencies do not add up.
            billed = nil
        }
    }

    /// Both sums together.
    mutating func add(_ o: UsageFigures) {
        guard o.buckets > 0 else { return }
        guard buckets > 0 else {
            self = o
            return
        }
        requests = requests.flatMap { a in o.requests.map { a + $0 } }
        inputTokens += o.inputTokens
        cachedInputTokens += o.cachedInputTokens
        cacheWriteTokens = cacheWriteTokens.flatMap { a in o.cacheWriteTokens.map { a + $0 } }
        outputTokens += o.outputTokens
        batchRequests = batchRequests.flatMap { a in o.batchRequests.map { a + $0 } }
        batchTokens = batchTokens.flatMap { a in o.batchTokens.map { a + $0 } }
        billed = currency == o.currency ? billed.flatMap { a in o.billed.map { a + $0 } } : nil
        buckets += o.buckets
    }

    /// Batch share of the traffic: by requests where counted, else by tokens; nil if unknown.
    public var batchShare: Double? {
        if let b = batchRequests, let r = requests { return r > 0 ? Double(b) / Double(r) : 0 }
        if let t = batchTokens { return tokens > 0 ? Double(t) / Double(tokens) : 0 }
        return nil
    }

    /// Cache reads over prompt tokens.
    public var cachedShare: Double { inputTokens > 0 ? Double(cachedInputTokens) / Double(inputTokens) : 0 }
}
