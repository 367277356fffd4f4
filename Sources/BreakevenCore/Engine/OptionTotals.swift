/// One option's figures over the horizon without its months: what a Monte Carlo trial or a
/// sweep point keeps of a projection.
public struct OptionTotals: Sendable, Hashable {
    public var totalCost: Double
    public var npv: Double
    /// 1-based, as `BreakevenAnalysis.breakevenMonth` gives it; nil for the baseline and when never.
    public var breakevenMonth: Int?

}

extension OptionTotals {
    /// The alternative the verdict names: the most savings against the baseline (a tie goes to
    /// the smaller id); nil when the baseline is the only option.
    static func bestAlternative(_ totals: [OptionTotals], in scenario: Scenario) -> Int? {
        let b = scenario.baselineIndex
        let savings = totals.map { totals[b].totalCost - $0.totalCost }
        return scenario.options.indices.filter { $0 != b }.max {
            (savings[$0], scenario.options[$1].id) < (savings[$1], scenario.options[$0].id)
        }
    }
}
