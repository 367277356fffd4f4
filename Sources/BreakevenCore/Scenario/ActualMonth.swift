/// A month that happened, as the usage exports counted it (`workload.actuals`).
public struct ActualMonth: Sendable, Hashable {
    public var month: CalendarMonth
    public var requests: Double
    /// Prompt tokens, cached ones included.
    public var inputTokens: Double
    public var cachedInputTokens: Double
    public var outputTokens: Double
    public var batchRequests: Double
    /// What the provider billed, in the scenario's currency; nil where the export does not say.
    public var billed: Double?

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
}
