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
}
