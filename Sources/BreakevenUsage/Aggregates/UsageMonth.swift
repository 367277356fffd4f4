import BreakevenCore

/// One UTC month of one model from one export format.
public struct UsageMonth: Sendable, Hashable {
    public var month: CalendarMonth
    public var model: String
    public var format: UsageFormat
    public var figures: UsageFigures
    /// The files its rows came from.
    public var sourceIDs: [Int64]
    /// The narrowest bucket (seconds): 3600 or less gives an hourly load shape.
    public var finestBucket: Int64

    public init(month: CalendarMonth, model: String, format: UsageFormat, figures: UsageFigures, sourceIDs: [Int64], finestBucket: Int64) {
        self.month = month
        self.model = model
        self.format = format
        self.figures = figures
        self.sourceIDs = sourceIDs
        self.finestBucket = finestBucket
    }
}
