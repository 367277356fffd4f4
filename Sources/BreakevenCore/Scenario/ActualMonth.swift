/// A month that happened, as the usage exports counted it (`workload.actuals`); the result
/// lists it as written (`scenario.actuals`), beside the replays.
public struct ActualMonth: Sendable, Hashable, Codable {
    public var month: CalendarMonth
    public var requests: Double
    /// Prompt tokens, cached ones included.
    public var inputTokens: Double
    public var cachedInputTokens: Double
    public var outputTokens: Double
    public var batchRequests: Double
    /// What the provider billed, in the scenario's currency; nil where the export does not say.
    @ExplicitNull public var billed: Double?

    public init(month: CalendarMonth, requests: Double, inputTokens: Double, cachedInputTokens: Double, outputTokens: Double,
                batchRequests: Double = 0, billed: Double? = nil) {
        self.month = month
        self.requests = requests
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.outputTokens = outputTokens
        self.batchRequests = batchRequests
        self.billed = billed
    }

    enum CodingKeys: String, CodingKey {
        case month, requests
        case inputTokens = "input_tokens"
        case cachedInputTokens = "cached_input_tokens"
        case outputTokens = "output_tokens"
        case batchRequests = "batch_requests"
        case billed
    }
}
