/// Where the trials' values of one figure fall: the 10th, 50th and 90th percentiles and the mean.
public struct Percentiles: Sendable, Hashable, Codable {
    public var p10: Double
    public var p50: Double
    public var p90: Double
    public var mean: Double
}

extension Percentiles {
    /// Of finite values, in any order: percentiles interpolated between order statistics
    /// (x at rank (n − 1)·p, as numpy and spreadsheets' PERCENTILE.INC), the mean taken from
    /// the first value so that equal values give that value exactly.
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first else { return nil }
        func at(_ p: Double) -> Double { Quantile.interpolated(sorted, p) }
        let offsets = values.reduce(0.0) { $1.isFinite ? $0 + ($1 - first) : $0 }
        self.init(p10: at(0.1), p50: at(0.5), p90: at(0.9), mean: first + offsets / Double(sorted.count))
    }
}

/// The same for a breakeven month, where "never" is later than any month: a percentile that
/// lands on trials that never break even is null, and the mean is over the trials that do.
public struct MonthPercentiles: Sendable, Hashable, Codable {
    @ExplicitNull public var p10: Int?
    @ExplicitNull public var p50: Int?
    @ExplicitNull public var p90: Int?
    /// Over the trials that break even; nil if none does.
    @ExplicitNull public var mean: Double?

    enum CodingKeys: String, CodingKey { case p10, p50, p90, mean }
}

extension MonthPercentiles {
    /// Percentiles by nearest rank (the smallest month at or below which a share p of the
    /// trials break even), so that they are months.
    init?(_ months: [Int?]) {
        guard !months.isEmpty else { return nil }
        let sorted = months.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        func at(_ p: Double) -> Int? { sorted[Quantile.nearestRank(p, of: sorted.count) - 1] }
        let found = months.compactMap { $0 }
        self.init(p10: at(0.1), p50: at(0.5), p90: at(0.9),
                  mean: found.isEmpty ? nil : Double(found.reduce(0, +)) / Double(found.count))
    }
}
