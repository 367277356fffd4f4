/// Projects every option of a scenario month by month.
public enum Simulator {
    public static func project(_ scenario: Scenario) -> Projection {
        let demands = (0..<scenario.months).map { demand(month: $0, of: scenario) }
        let options = scenario.options.map { option in
            var evaluation: SwitchEvaluation?
            var switchAt: Int?
            if case .switchover(let plan) = option.kind {
                switch plan.at {
                case .best:
                    let best = SwitchEvaluation.best(option, plan, in: scenario, demands: demands)
                    evaluation = best
                    switchAt = best.chosenMonth ?? scenario.months + 1
                case .month(let k):
                    evaluation = SwitchEvaluation(chosenMonth: k, candidates: [])
                }
            }
            var model = OptionModel(option, in: scenario, switchAt: switchAt)
            var cumulative = 0.0
            let months = demands.map { demand in
                var m = model.month(demand, isLast: demand.index == scenario.months - 1)
                cumulative += m.totalCost
                m.cumulativeCost = cumulative
                return m
            }
            return OptionProjection(optionID: option.id, months: months, switchEvaluation: evaluation,
                                    owedAfterHorizon: model.owedAfter(HorizonEnd(months: scenario.months, start: scenario.start)))
        }
        return Projection(demands: demands, options: options)
    }

    /// The workload of month i (0-based) as every option sees it.
    static func demand(month i: Int, of scenario: Scenario) -> MonthDemand {
        MonthDemand(index: i, date: scenario.start.adding(months: i), requests: scenario.workload.requests(month: i, start: scenario.start))
    }

    /// Month 1's cost of one option if the whole workload were scaled to `requests`, at month-1
    /// prices, without one-time costs, owned hardware amortized; nil if demand would go unmet.
    static func monthOneRunRate(_ option: ServingOption, in scenario: Scenario, requests: Double) -> Double? {
        var model = OptionModel(option, in: scenario, amortizedAuto: true)
        let demand = MonthDemand(index: 0, date: scenario.start, requests: requests)
        let m = model.month(demand, isLast: false)
        return m.unmetRequests > 0 ? nil : m.runRateCost
    }
}

/// Every option's months.
public struct Projection: Sendable, Hashable {
    public var demands: [MonthDemand]
    public var options: [OptionProjection]
}

public struct OptionProjection: Sendable, Hashable {
    public var optionID: String
    public var months: [MonthlyProjection]
    /// For a switch: when it happens, and what every other month would have cost.
    var switchEvaluation: SwitchEvaluation?
    /// What its commitments still owe after the horizon (reserved GPUs, provisioned units).
    var owedAfterHorizon: OwedCommitment? = nil
}
