/// The horizon cost of a switch as a function of its month, and the month that costs least.
public struct SwitchEvaluation: Sendable, Hashable {
    public struct Candidate: Sendable, Hashable, Codable {
        /// 1-based month `to` takes over; nil: never switching.
        public var month: Int?
        public var totalCost: Double
        public var npv: Double

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(month, forKey: .month)
            try c.encode(totalCost, forKey: .totalCost)
            try c.encode(npv, forKey: .npv)
        }

        enum CodingKeys: String, CodingKey {
            case month
            case totalCost = "total_cost"
            case npv
        }
    }

    /// nil: never switching is cheapest.
    public var chosenMonth: Int?
    /// Every month evaluated (for a fixed month, just that one), then never.
    public var candidates: [Candidate]

    /// The months whose NPV is within `share` of the best: how flat the optimum is.
    public func monthsWithin(_ share: Double) -> [Int?] {
        guard let best = candidates.map(\.npv).min() else { return [] }
        return candidates.filter { $0.npv <= best + share * abs(best) }.map(\.month)
    }

    /// Tries every switch month the phases allow and never switching; the lowest NPV wins
    /// (the plain total when the discount rate is 0), ties to the earliest month.
    static func best(_ option: ServingOption, _ plan: SwitchPlan, in scenario: Scenario, demands: [MonthDemand]) -> SwitchEvaluation {
        let phases = scenario.workload.phases
        var candidates: [Candidate] = []
        for k in 1...(scenario.months + 1) {
            if k <= scenario.months, !(k - 1..<scenario.months).allSatisfy({ phases.allows(plan.toID, month: $0) }) { continue }
            var model = OptionModel(option, in: scenario, switchAt: k)
            let costs = demands.map { model.month($0, isLast: $0.index == scenario.months - 1).totalCost }
            candidates.append(Candidate(month: k <= scenario.months ? k : nil, totalCost: costs.reduce(0, +),
                                        npv: BreakevenAnalysis.presentValue(costs, rate: scenario.discountRate)))
        }
        var best = candidates.first
        for c in candidates.dropFirst() where c.npv < (best?.npv ?? .infinity) - 1e-9 * max(1, abs(best?.npv ?? 0)) {
            best = c
        }
        return SwitchEvaluation(chosenMonth: best?.month, candidates: candidates)
    }
}
