/// Buffers a totals-only projection reuses from one scenario variant to the next, one per
/// thread: after the first variant the month loop allocates nothing.
public struct TotalsWorkspace {
    /// What the demands depend on; when a variant leaves it unchanged, they are not recomputed.
    struct DemandKey: Equatable {
        var volume: Workload.Volume
        var growth: Growth
        var start: CalendarMonth
        var months: Int
        /// Phase multipliers scale the volume too.
        var phases: [WorkloadPhase]
    }

    var demandKey: DemandKey?
    var demands: [MonthDemand] = []
    var discountKey: (rate: Double, months: Int)?
    var discount: [Double] = []
    /// Cumulative cost by option (rows) and month (columns).
    var cumulative: [Double] = []
    /// The unit list an owned fleet borrows for each run.
    var units: [OwnedFleet.Batch] = []
    /// Trend tables by yearly rate, the most recently used first.
    var trends: [(perYear: Double, table: [Double])] = []
    static let trendSlots = 8

    public init() {}

    /// Demands and discount factors of this scenario, kept from the last one where they agree.
    mutating func prepare(for scenario: Scenario) {
        let key = DemandKey(volume: scenario.workload.volume, growth: scenario.workload.growth,
                            start: scenario.start, months: scenario.months, phases: scenario.workload.phases)
        if demandKey != key {
            demands.removeAll(keepingCapacity: true)
            for i in 0..<scenario.months { demands.append(Simulator.demand(month: i, of: scenario)) }
            demandKey = key
        }
        if discountKey?.rate != scenario.discountRate || discountKey?.months != scenario.months {
            discount.removeAll(keepingCapacity: true)
            for i in 0..<scenario.months { discount.append(BreakevenAnalysis.discountFactor(rate: scenario.discountRate, month: i)) }
            discountKey = (scenario.discountRate, scenario.months)
        }
        if trends.first?.table.count != scenario.months { trends.removeAll() }
        let cells = scenario.options.count * scenario.months
        if cumulative.count < cells { cumulative = [Double](repeating: 0, count: cells) }
    }

    /// trendFactor(perYear, month: i) for every month of the horizon, kept for the next trial.
    mutating func trendTable(_ perYear: Double, months: Int) -> [Double] {
        if let k = trends.firstIndex(where: { $0.perYear == perYear }) {
            if k > 0 { trends.swapAt(0, k) }
            return trends[0].table
        }
        // A new rate takes the least recently used slot, reusing its storage.
        var table: [Double] = []
        if trends.count >= TotalsWorkspace.trendSlots { table = trends.removeLast().table }
        table.removeAll(keepingCapacity: true)
        for i in 0..<months { table.append(trendFactor(perYear, month: i)) }
        trends.insert((perYear, table), at: 0)
        return table
    }

    /// The model with its trends read from tables.
    mutating func withTrendTables(_ model: OptionModel, months: Int) -> OptionModel {
        var m = model
        switch model.model {
        case .api(var bill):
            bill.trend.table = trendTable(bill.trend.perYear, months: months)
            m.model = .api(bill)
        case .selfHosted(var sizing):
            sizing.gpuTrend.table = trendTable(sizing.gpuTrend.perYear, months: months)
            m.model = .selfHosted(sizing)
        case .owned(var fleet):
            fleet.priceTrend.table = trendTable(fleet.priceTrend.perYear, months: months)
            m.model = .owned(fleet)
        case .subscription(var bill):
            bill.feeTrend.table = trendTable(bill.feeTrend.perYear, months: months)
            if let perYear = bill.overflow?.trend.perYear { bill.overflow?.trend.table = trendTable(perYear, months: months) }
            m.model = .subscription(bill)
        case .schedule, .mix:
            // Composite options compute their trends as they go.
            break
        }
        return m
    }
}
