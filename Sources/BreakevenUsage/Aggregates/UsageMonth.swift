import BreakevenCore

/// One UTC month of one model from one export format.
public struct UsageMonth: Sendable, Hashable {
    public var month: CalendarMonth
    public var model: String
    public var format: UsageFormat
    public var figures: UsageFigures
    /// The files its rows came from.
    var sourceIDs: [Int64]
    /// The narrowest bucket (seconds): 3600 or less gives an hourly load shape.
    var finestBucket: Int64
    /// The cost report the billed amount was taken from, where the traffic's own export carries
    /// none (`UsageHistory.chosen`), and its files.
    public var billedFrom: UsageFormat?
    var billedSourceIDs: [Int64] = []
}
