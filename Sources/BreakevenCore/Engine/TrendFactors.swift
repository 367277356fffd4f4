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

/// Trend tables by yearly rate for one horizon, the least recently used replaced first. One per
/// thread: a Monte Carlo worker keeps it across trials, so only the rates a trial draws are computed.
final class TrendTableCache {
    let months: Int
    /// Every trend held at 0: a replay of months that happened, each priced as it was.
    let pricesAsTheyWere: Bool
    /// Used by one thread's models, one at a time: its accesses are not checked at run time.
    /// Each table with the count of lookups when it was last used: a table found is marked, not
    /// moved (moving two lists in the array retained and released both).
    @exclusivity(unchecked) private var tables: [(perYear: Double, table: [Double], used: Int)] = []
    @exclusivity(unchecked) private var lookups = 0
    static let slots = 8

    init(months: Int, pricesAsTheyWere: Bool = false) {
        self.months = months
        self.pricesAsTheyWere = pricesAsTheyWere
    }

    /// trendFactor(perYear, month: i) for every month of the horizon.
    func table(_ perYear: Double) -> [Double] {
        lookups += 1
        if let k = tables.firstIndex(where: { $0.perYear == perYear }) {
            tables[k].used = lookups
            return tables[k].table
        }
        // A new rate takes the least recently used slot, reusing its storage when no model
        // holds it any more.
        var table: [Double] = []
        var slot = tables.count
        if tables.count >= TrendTableCache.slots, let oldest = tables.indices.min(by: { tables[$0].used < tables[$1].used }) {
            slot = oldest
            swap(&table, &tables[oldest].table)
        }
        table.removeAll(keepingCapacity: true)
        for i in 0..<months { table.append(trendFactor(perYear, month: i)) }
        if slot == tables.count {
            tables.append((perYear, table, lookups))
        } else {
            tables[slot] = (perYear, table, lookups)
        }
        return table
    }
}
