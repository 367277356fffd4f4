import BreakevenCore

/// Requests of one prompt-size bin (RequestSizeBins), one UTC month and one model, from a
/// per-request source.
public struct UsageSizeBin: Sendable, Hashable {
    public var format: UsageFormat
    public var month: CalendarMonth
    public var model: String
    public var bin: Int
    public var requests: Int64
    public var inputTokens: Int64
    public var cachedInputTokens: Int64
    public var outputTokens: Int64

    public init(format: UsageFormat, month: CalendarMonth, model: String, bin: Int, requests: Int64, inputTokens: Int64,
                cachedInputTokens: Int64, outputTokens: Int64) {
        self.format = format
        self.month = month
        self.model = model
        self.bin = bin
        self.requests = requests
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.outputTokens = outputTokens
    }
}
