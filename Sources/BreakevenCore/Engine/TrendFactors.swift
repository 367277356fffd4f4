/// A yearly trend's factor for each month, (1 + x)^(i/12): worked out month by month by
/// `trendFactor`, or read from a table of the same values that the totals path keeps from one
/// trial to the next (a trend that does not vary is not recomputed 10,000 times).
struct TrendFactors {
    let perYear: Double
    /// trendFactor(perYear, month: i) at index i, or empty.
    private let table: [Double]

    /// - Parameter tables: where to take (or keep) the table of this rate; nil: computed as needed.
    init(perYear: Double, tables: TrendTableCache? = nil) {
        // Months that happened were billed at the prices in effect then: no forecast applies.
        self.perYear = tables?.pricesAsTheyWere == true ? 0 : perYear
        table = tables?.table(self.perYear) ?? []
    }

    @inline(__always)
    func factor(month i: Int) -> Double {
        i < table.count ? table[i] : trendFactor(perYear, month: i)
    }
}

/// Trend tables by yearly rate for one horizon, the most recently used first. One per thread:
/// a Monte Carlo worker keeps it across trials, so only the rates a trial draws are computed.
final class TrendTableCache {
    let months: Int
    /// Every trend held at 0: a replay of months that happened, each priced as it was.
    let pricesAsTheyWere: Bool
    /// Used by one thread's models, one at a time: its accesses are not checked at run time.
    @exclusivity(unchecked) private var tables: [(perYear: Double, table: [Double])] = []
    static let slots = 8

    init(months: Int, pricesAsTheyWere: Bool = false) {
        self.months = months
        self.pricesAsTheyWere = pricesAsTheyWere
    }

    /// trendFactor(perYear, month: i) for every month of the horizon.
    func table(_ perYear: Double) -> [Double] {
        if let k = tables.firstIndex(where: { $0.perYear == perYear }) {
            if k > 0 { tables.swapAt(0, k) }
            return tables[0].table
        }
        // A new rate takes the least recently used slot, reusing its storage when no model
        // holds it any more.
        var table: [Double] = []
        if tables.count >= TrendTableCache.slots { table = tables.removeLast().table }
        table.removeAll(keepingCapacity: true)
        for i in 0..<months { table.append(trendFactor(perYear, month: i)) }
        tables.insert((perYear, table), at: 0)
        return table
    }
}
