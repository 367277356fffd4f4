/// One option's figures over the Monte Carlo trials: ranges and odds instead of one number.
public struct OptionUncertainty: Sendable, Hashable, Codable {
    public var totalCost: Percentiles
    public var npv: Percentiles
    public var savingsVsBaseline: Percentiles
    /// Savings in present value (the baseline's NPV less this option's, trial by trial); nil for
    /// the baseline, and in result files written before it was kept.
    @ExplicitNull public var npvSavingsVsBaseline: Percentiles?
    /// nil for the baseline.
    @ExplicitNull public var breakevenMonth: MonthPercentiles?
    /// Share of trials in which the option breaks even within the horizon; nil for the baseline.
    @ExplicitNull public var probabilityBreakeven: Double?
    /// Share of trials in which it has the lowest total cost (a tie goes to the option listed first).
    public var probabilityCheapest: Double
    /// Savings against the baseline, counted into equal bins; nil for the baseline.
    @ExplicitNull public var savingsHistogram: Histogram?

    enum CodingKeys: String, CodingKey {
        case totalCost = "total_cost"
        case npv
        case savingsVsBaseline = "savings_vs_baseline"
        case npvSavingsVsBaseline = "npv_savings_vs_baseline"
        case breakevenMonth = "breakeven_month"
        case probabilityBreakeven = "probability_breakeven"
        case probabilityCheapest = "probability_cheapest"
        case savingsHistogram = "savings_histogram"
    }
}

/// Values counted into equal bins between their 1st and 99th percentiles: bin i holds
/// lower + i·width ≤ x < lower + (i + 1)·width, and the first and last bins also hold the values
/// beyond them, so a long tail does not squeeze the rest into a few bins.
public struct Histogram: Sendable, Hashable, Codable {
    public var lower: Double
    public var width: Double
    public var counts: [Int]
}

extension Histogram {
    /// `bins` equal bins; one bin if the values are all equal.
    public init?(_ values: [Double], bins: Int) {
        let sorted = values.filter(\.isFinite).sorted()
        guard !sorted.isEmpty, bins > 0 else { return nil }
        var lo = Quantile.interpolated(sorted, 0.01), hi = Quantile.interpolated(sorted, 0.99)
        if !(hi > lo) { lo = sorted[0]; hi = sorted[sorted.count - 1] }
        let count = hi > lo ? bins : 1
        let width = hi > lo ? (hi - lo) / Double(bins) : 0
        var counts = [Int](repeating: 0, count: count)
        for x in sorted {
            let k = width > 0 ? min(count - 1, max(0, Int(((x - lo) / width).rounded(.down)))) : 0
            counts[k] += 1
        }
        self.init(lower: lo, width: width, counts: counts)
    }
}
