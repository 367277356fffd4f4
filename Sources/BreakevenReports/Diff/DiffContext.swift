/// Where the two sides of a diff came from and how to render it: no clock, no machine names.
public struct DiffContext: Sendable, Hashable {
    /// "main:scenarios/x.json", "base/x.json"; nil when the scenario is new.
    public var baseSource: String?
    public var headSource: String
    /// Add the before/after cumulative-cost chart (`--chart`).
    public var chart: Bool
    /// The comment stays under this many characters (UTF-16 code units, as GitHub counts):
    /// GitHub refuses comments over 65,536.
    public var limit: Int

    public init(baseSource: String?, headSource: String, chart: Bool = false, limit: Int = 65_000) {
        self.baseSource = baseSource
        self.headSource = headSource
        self.chart = chart
        self.limit = limit
    }
}
