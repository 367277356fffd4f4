/// Usage of one model in one bucket of an hour or less, from one format: what the load shape
/// over the day is fitted from.
public struct UsageHour: Sendable, Hashable {
    public var format: UsageFormat
    public var model: String
    /// Unix seconds, UTC.
    public var start: Int64
    public var seconds: Int64
    public var requests: Int64?
    public var tokens: Int64
}
