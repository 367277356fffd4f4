/// The tornado of one option's savings against the baseline: each input moved to its low and
/// its high value alone, the rest at their scenario values, biggest swing first.
///
/// The inputs are the scenario's uncertain ones, low and high at the 10th and 90th percentile
/// of their distributions; without an `uncertainty` block, every numeric input ±25% (clamped to
/// its valid range), keeping those the savings or the breakeven month depend on.
public enum Tornado {
    public static let share = 0.25

    /// nil when the scenario has only its baseline.
    public static func analyse(_ loaded: LoadedScenario) -> Sensitivity? {
        let scenario = loaded.scenario
        var workspace = TotalsWorkspace()
        let count = scenario.options.count
        var slots = [OptionTotals](repeating: OptionTotals(totalCost: 0, npv: 0, breakevenMonth: nil), count: count)
        func evaluate(_ s: Scenario) -> [OptionTotals] {
            slots.withUnsafeMutableBufferPointer { Simulator.totals(s, workspace: &workspace, into: $0) }
            return slots
        }
        let nominal = evaluate(scenario)
        let b = scenario.baselineIndex
        let savings = nominal.map { nominal[b].totalCost - $0.totalCost }
        guard let k = OptionTotals.bestAlternative(nominal, in: scenario) else { return nil }

        let method: Sensitivity.Method
        var candidates: [(input: NumericInput, low: Double, high: Double)] = []
        if let plan = scenario.uncertainty {
            method = .percentiles
            candidates = plan.inputs.map { ($0.input, $0.quantile(0.1), $0.quantile(0.9)) }
        } else {
            method = .plusMinus25
            for input in ScenarioInputs(loaded.resolved).all {
                let a = input.range.clamped(input.nominal * (1 - share)), c = input.range.clamped(input.nominal * (1 + share))
                guard a != c else { continue }
                candidates.append((input, min(a, c), max(a, c)))
            }
        }
        var bars: [TornadoBar] = []
        for (input, low, high) in candidates {
            guard let setter = loaded.resolved.input(input.path),
                  let atLow = Tornado.variant(loaded.resolved, setter, low), let atHigh = Tornado.variant(loaded.resolved, setter, high)
            else { continue }
            let l = evaluate(atLow), h = evaluate(atHigh)
            let bar = TornadoBar(path: input.path, nominal: input.nominal, low: low, high: high,
                                 savingsAtLow: l[b].totalCost - l[k].totalCost, savingsAtHigh: h[b].totalCost - h[k].totalCost,
                                 breakevenMonthAtLow: l[k].breakevenMonth, breakevenMonthAtHigh: h[k].breakevenMonth)
            if method == .percentiles || bar.movesSavings || bar.breakevenSwing(months: scenario.months) > 0 { bars.append(bar) }
        }
        bars.sort {
            ($0.swing, $0.breakevenSwing(months: scenario.months), $1.path) > ($1.swing, $1.breakevenSwing(months: scenario.months), $0.path)
        }
        return Sensitivity(option: scenario.options[k].id, baseline: scenario.baselineID, method: method,
                           savings: savings[k], breakevenMonth: nominal[k].breakevenMonth, bars: bars)
    }

    /// The scenario with one input moved; nil if it cannot run with the value.
    static func variant(_ resolved: ResolvedScenario, _ setter: SettingInput<ResolvedScenario>, _ value: Double) -> Scenario? {
        var r = resolved
        setter.set(&r, value)
        return try? r.scenario()
    }
}
