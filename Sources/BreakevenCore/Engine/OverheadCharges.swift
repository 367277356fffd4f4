/// An option's overheads as its months charge them, summed once when the model is built rather
/// than every month.
struct OverheadCharges {
    /// engineers × yearly cost / 12
    let teamPerMonth: Double
    let fixedPerMonth: Double
    /// Charged in the month the option starts serving.
    let oneTime: Double

    init(_ overheads: Overheads) {
        teamPerMonth = overheads.teamPerMonth
        fixedPerMonth = overheads.fixedPerMonth
        oneTime = overheads.oneTimeTotal
    }

    /// Fixed monthly costs, and the one-time costs in the option's first month; `team` only for
    /// options that need their own people (an API needs none).
    func charge(_ lines: inout CostLines, _ demand: MonthDemand, team: Bool = true) {
        if team { lines.team = teamPerMonth }
        lines.fixed = fixedPerMonth
        if demand.isFirstActive { lines.oneTime = oneTime }
    }
}
