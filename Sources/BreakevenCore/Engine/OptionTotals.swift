/// One option's figures over the horizon without its months: what a Monte Carlo trial or a
/// sweep point keeps of a projection.
public struct OptionTotals: Sendable, Hashable {
    public var totalCost: Double
    public var npv: Double
    /// 1-based, as `BreakevenAnalysis.breakevenMonth` gives it; nil for the baseline and when never.
    public var breakevenMonth: Int?

    public init(totalCost: Double, npv: Double, breakevenMonth: Int?) {
        self.totalCost = totalCost
        self.npv = npv
        self.breakevenMonth = breakevenMonth
    }
}
