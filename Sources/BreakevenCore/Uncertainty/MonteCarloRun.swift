/// Every trial of a Monte Carlo run: the values drawn and every option's totals, in trial order.
public struct MonteCarloRun: Sendable, Hashable {
    public let plan: UncertaintyPlan
    public let optionIDs: [String]
    public let baselineIndex: Int
    /// Trial-major: the value of input j in trial t is `values[t * inputs + j]`.
    public let values: [Double]
    /// Trial-major: option k in trial t is `totals[t * options + k]`; NaN totals for a failed trial.
    public let totals: [OptionTotals]
    /// Trials whose scenario could not be built (values beyond what was checked); left out.
    public let failedTrials: Int

    public var trials: Int { plan.trials }

    public func value(trial t: Int, input j: Int) -> Double { values[t * plan.inputs.count + j] }

    public func totals(trial t: Int, option k: Int) -> OptionTotals { totals[t * optionIDs.count + k] }

    /// Whether trial t was built and simulated.
    public func succeeded(_ t: Int) -> Bool { !totals(trial: t, option: 0).totalCost.isNaN }

    /// The option with the lowest total cost in trial t (ties go to the option listed first).
    public func cheapest(trial t: Int) -> Int {
        var best = 0
        for k in 1..<max(1, optionIDs.count) where totals(trial: t, option: k).totalCost < totals(trial: t, option: best).totalCost {
            best = k
        }
        return best
    }
}
