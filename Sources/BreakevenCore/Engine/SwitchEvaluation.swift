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
    var chosenMonth: Int?
    /// Every month evaluated (for a fixed month, just that one), then never.
    public var candidates: [Candidate]

    /// The months whose NPV is within `share` of the best: how flat the optimum is.
    func monthsWithin(_ share: Double) -> [Int?] {
        guard let best = candidates.map(\.npv).min() else { return [] }
        return candidates.filter { $0.npv <= best + share * abs(best) }.map(\.month)
    }

    /// Tries every switch month the phases allow and never switching; the lowest NPV wins
    /// (the plain total when the discount rate is 0), ties to the earliest month.
    static func best(_ option: ServingOption, _ plan: SwitchPlan, in scenario: Scenario, demands: [MonthDemand]) -> SwitchEvaluation {
        let n = scenario.months
        let months = candidateMonths(plan, in: scenario)
        let candidates = independentCandidates(plan, months: months, in: scenario, demands: demands) ?? months.map { k in
            // Machines carry state (what was bought, and when): every switch month is its own projection.
            var model = OptionModel(option, in: scenario, switchAt: k)
            let costs = demands.map { model.month($0, isLast: $0.index == n - 1).totalCost }
            return Candidate(month: k <= n ? k : nil, totalCost: costs.reduce(0, +),
                             npv: BreakevenAnalysis.presentValue(costs, rate: scenario.discountRate))
        }
        return SwitchEvaluation(chosenMonth: cheapest(candidates), candidates: candidates)
    }

    /// Switch months the phases allow (`to` must be allowed from its first month to the end),
    /// then n + 1: never.
    static func candidateMonths(_ plan: SwitchPlan, in scenario: Scenario) -> [Int] {
        let phases = scenario.workload.phases
        let n = scenario.months
        guard !phases.isEmpty else { return Array(1...(n + 1)) }
        var allowedFrom = [Bool](repeating: true, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) { allowedFrom[i] = allowedFrom[i + 1] && phases.allows(plan.toID, month: i) }
        return (1...(n + 1)).filter { $0 > n || allowedFrom[$0 - 1] }
    }

    /// The month of the lowest NPV, ties to the earliest; nil: never switching.
    static func cheapest(_ candidates: [Candidate]) -> Int? {
        guard var best = candidates.first else { return nil }
        for c in candidates.dropFirst() where c.npv < best.npv - 1e-9 * max(1, abs(best.npv)) { best = c }
        return best.month
    }

    /// Every candidate in one pass when neither side carries state from month to month (see
    /// `SwitchSides`); nil when either side is bought machines.
    private static func independentCandidates(_ plan: SwitchPlan, months: [Int], in scenario: Scenario,
                                              demands: [MonthDemand]) -> [Candidate]? {
        let discount = (0..<demands.count).map { BreakevenAnalysis.discountFactor(rate: scenario.discountRate, month: $0) }
        return demands.withUnsafeBufferPointer { demands in
            discount.withUnsafeBufferPointer { discount in
                var pool = SwitchPool()
                return SwitchSides(plan, in: scenario, demands: demands, trends: nil, pool: &pool)?
                    .candidates(months: months, discount: discount, pool: &pool)
            }
        }
    }
}
