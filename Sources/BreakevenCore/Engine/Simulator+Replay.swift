/// Replay: the months of `workload.actuals` as they happened, under every option.
extension Simulator {
    /// Each actual month simulated with its real volume and request mix, the API prices in effect
    /// that month (`Scenario.replayPrices`; yearly trends are forecasts and do not apply to months
    /// that happened), and capacity sized on that month's volume and the load shape. Month 1 of
    /// the replay is the first actual month: one-time costs fall there, a switch's month counts
    /// from there, and machines still owned after the last are credited at their book value.
    /// Phases do not apply (the volume is what it was). nil without actuals.
    public static func replay(_ scenario: Scenario) -> Projection? {
        let actuals = scenario.workload.actuals
        guard let first = actuals.first, let last = actuals.last else { return nil }
        var base = scenario
        base.start = first.month
        base.months = months(from: first.month, to: last.month) + 1
        base.workload = scenario.workload.mix(of: ActualMonth(month: first.month, requests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0))
        base.options = scenario.options.map(\.withoutTrends)
        let demands = actuals.map { MonthDemand(index: months(from: first.month, to: $0.month), date: $0.month, requests: $0.requests) }
        // Each month's scenario: its mix, its prices, capacity derived again for its request shape.
        let monthly = actuals.map { actual -> Scenario in
            var s = base
            s.workload = scenario.workload.mix(of: actual)
            let prices = scenario.replayPrices[actual.month] ?? [:]
            for k in s.options.indices {
                if let p = prices[s.options[k].id] { s.options[k].kind = .api(p.withoutTrend) }
                _ = s.options[k].rederiveCapacity(for: s.workload)
            }
            return s
        }
        let options = base.options.map { option in
            var switchAt: Int?
            var evaluation: SwitchEvaluation?
            if case .switchover(let plan) = option.kind, case .best = plan.at {
                let best = SwitchEvaluation.best(option, plan, in: base, demands: demands)
                evaluation = best
                switchAt = best.chosenMonth ?? base.months + 1
            }
            var previous: OptionModel?
            var cumulative = 0.0
            var months: [MonthlyProjection] = []
            for (j, demand) in demands.enumerated() {
                guard let own = monthly[j].option(option.id) else { continue }
                var model = OptionModel(own, in: monthly[j], switchAt: switchAt)
                if let previous { model.inheritState(from: previous) }
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

    /// What an option charges in month i (0-based) of the plan for an actual month's volume and
    /// request mix, at the plan's prices and trends (what `drift` compares a month with when the
    /// export carries no bill); nil for an unknown option.
    public static func planCost(of actual: ActualMonth, month i: Int, option id: String, in scenario: Scenario) -> Double? {
        var s = scenario
        s.workload = scenario.workload.mix(of: actual)
        guard let k = s.options.firstIndex(where: { $0.id == id }) else { return nil }
        _ = s.options[k].rederiveCapacity(for: s.workload)
        var model = OptionModel(s.options[k], in: s)
        return model.month(MonthDemand(index: i, date: actual.month, requests: actual.requests), isLast: false).totalCost
    }

    /// Whole months from `a` to `b`.
    static func months(from a: CalendarMonth, to b: CalendarMonth) -> Int {
        (b.year - a.year) * 12 + (b.month - a.month)
    }
}

extension ServingOption {
    /// The option with its yearly price trends at zero: replayed months are billed at the prices
    /// in effect in them.
    var withoutTrends: ServingOption {
        var o = self
        switch kind {
        case .api(let p): o.kind = .api(p.withoutTrend)
        case .selfHosted(var d):
            d.gpuPriceChangePerYear = 0
            o.kind = .selfHosted(d)
        case .ownedHardware(var p):
            p.hardwarePriceChangePerYear = 0
            o.kind = .ownedHardware(p)
        case .subscription(var t):
            t.priceChangePerYear = 0
            o.kind = .subscription(t)
        case .switchover, .mix:
            break
        }
        return o
    }
}

extension APIPricing {
    var withoutTrend: APIPricing {
        var p = self
        p.priceChangePerYear = 0
        return p
    }
}
