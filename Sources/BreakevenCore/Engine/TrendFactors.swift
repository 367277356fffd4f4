/// A yearly trend's factor for each month, (1 + x)^(i/12): worked out month by month by
/// `trendFactor`, or read from a table of the same values that the totals path keeps from one
/// trial to the next (a trend that does not vary is not recomputed 10,000 times).
struct TrendFactors {
    let perYear: Double
    /// trendFactor(perYear, month: i) at index i, or empty.
    var table: [Double] = []

    init(perYear: Double) {
        self.perYear = perYear
    }

    @inline(__always)
    func factor(month i: Int) -> Double {
        i < table.count ? table[i] : trendFactor(perYear, month: i)
    }
}
