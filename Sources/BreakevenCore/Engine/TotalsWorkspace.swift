/// Buffers a totals-only projection reuses from one scenario variant to the next, one per
/// thread: after the first variant the month loop allocates nothing.
struct TotalsWorkspace {
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
    /// What cost models borrow for each run (an owned fleet's unit list).
    var storage = CostModelStorage()
    /// Trend tables of the horizon, kept from one variant to the next.
    var trends = TrendTableCache(months: 0)
    /// The load shape's distinct factors, kept from one variant to the next.
    let dayShapes = DayShapeMemo()

    /// Demands and discount factors of this scenario, kept from the last one where they agree.
    mutating func prepare(for scenario: Scenario) {
        let key = DemandKey(volume: scenario.workload.volume, growth: scenario.workload.growth,
                            start: scenario.start, months: scenario.months, phases: scenario.workload.phases)
        // Written in place month by month: appending checked the list's uniqueness each month.
        if demandKey != key {
            if demands.count != scenario.months {
                demands = [MonthDemand](repeating: MonthDemand(index: 0, date: scenario.start, requests: 0), count: scenario.months)
            }
            demands.withUnsafeMutableBufferPointer { demands in
                for i in demands.indices { demands[i] = Simulator.demand(month: i, of: scenario) }
            }
            demandKey = key
        }
        if discountKey?.rate != scenario.discountRate || discountKey?.months != scenario.months {
            if discount.count != scenario.months { discount = [Double](repeating: 0, count: scenario.months) }
            let rate = scenario.discountRate
            discount.withUnsafeMutableBufferPointer { discount in
                for i in discount.indices { discount[i] = BreakevenAnalysis.discountFactor(rate: rate, month: i) }
            }
            discountKey = (scenario.discountRate, scenario.months)
        }
        if trends.months != scenario.months { trends = TrendTableCache(months: scenario.months) }
        let cells = scenario.options.count * scenario.months
        if cumulative.count < cells { cumulative = [Double](repeating: 0, count: cells) }
    }
}
