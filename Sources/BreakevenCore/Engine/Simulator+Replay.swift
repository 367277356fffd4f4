/// Replay: the months of `workload.actuals` as they happened, under every option.
extension Simulator {
    /// Each month that happened simulated with its real volume and request mix, the catalog
    /// prices in effect that month and capacity sized for its requests (`Scenario.replay`, built
    /// by the loader); yearly trends are forecasts and do not apply to months that happened.
    /// Month 1 of the replay is the first actual month: one-time costs fall there, a switch's
    /// month counts from there, and machines still owned after the last are credited at their
    /// book value. Phases do not apply (the volume is what it was). nil without actuals.
    static func replay(_ scenario: Scenario) -> Projection? {
        let replay = scenario.replay
        guard let first = replay.first, let last = replay.last else { return nil }
        let span = months(from: first.actual.month, to: last.actual.month) + 1
        let demands = replay.map { MonthDemand(index: months(from: first.actual.month, to: $0.actual.month), date: $0.actual.month,
                                               requests: $0.actual.requests) }
        let trends = TrendTableCache(months: span, pricesAsTheyWere: true)
        let base = first.scenario
        let options = base.options.map { option in
            var switchAt: Int?
            var evaluation: SwitchEvaluation?
            if case .switchover(let plan) = option.kind, case .best = plan.at {
                let best = SwitchEvaluation.best(option, plan, in: base, demands: demands)
                evaluation = best
                switchAt = best.chosenMonth ?? span + 1
            }
            var previous: OptionModel?
            var cumulative = 0.0
            var months: [MonthlyProjection] = []
            for (j, demand) in demands.enumerated() {
                let scenario = replay[j].scenario
                guard let own = scenario.option(option.id) else { continue }
                var model = OptionModel(own, in: scenario, switchAt: switchAt, trends: trends)
                if let previous { model.continueFrom(previous) }
                var m = model.month(demand, isLast: j == demands.count - 1)
                cumulative += m.totalCost
                m.cumulativeCost = cumulative
                months.append(m)
                previous = model
            }
            return OptionProjection(optionID: option.id, months: months, switchEvaluation: evaluation)
        }
        return Projection(demands: demands, options: options)
    }

    /// Whole months from `a` to `b`.
    static func months(from a: CalendarMonth, to b: CalendarMonth) -> Int {
        (b.year - a.year) * 12 + (b.month - a.month)
    }
}
