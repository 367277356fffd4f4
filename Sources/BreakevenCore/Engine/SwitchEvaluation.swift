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
        let n = scenario.months
        // Switch months the phases allow: `to` must be allowed from its first month to the end.
        var allowedFrom = [Bool](repeating: true, count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) { allowedFrom[i] = allowedFrom[i + 1] && phases.allows(plan.toID, month: i) }
        let months = (1...(n + 1)).filter { $0 > n || allowedFrom[$0 - 1] }
        let candidates = independentCandidates(plan, months: months, in: scenario, demands: demands) ?? months.map { k in
            // Machines carry state (what was bought, and when): every switch month is its own projection.
            var model = OptionModel(option, in: scenario, switchAt: k)
            let costs = demands.map { model.month($0, isLast: $0.index == n - 1).totalCost }
            return Candidate(month: k <= n ? k : nil, totalCost: costs.reduce(0, +),
                             npv: BreakevenAnalysis.presentValue(costs, rate: scenario.discountRate))
        }
        var best = candidates.first
        for c in candidates.dropFirst() where c.npv < (best?.npv ?? .infinity) - 1e-9 * max(1, abs(best?.npv ?? 0)) {
            best = c
        }
        return SwitchEvaluation(chosenMonth: best?.month, candidates: candidates)
    }

    /// Every candidate in one pass when neither side carries state from month to month: a
    /// switch at k with an overlap of m months costs `from`'s months before k + m, `to` standing
    /// by (no traffic) in months k..<k + m, its one-time costs in month k, and `to`'s months
    /// from k + m, each month's cost the same whatever k is. Prefix and suffix sums of those
    /// months give every k (and NPV the same way, discounted); nil when either side is bought
    /// machines.
    private static func independentCandidates(_ plan: SwitchPlan, months: [Int], in scenario: Scenario,
                                              demands: [MonthDemand]) -> [Candidate]? {
        guard let fromOption = scenario.option(plan.fromID), let toOption = scenario.option(plan.toID) else { return nil }
        let from = OptionModel(leaf: fromOption, scenario), to = OptionModel(leaf: toOption, scenario)
        let n = demands.count
        let discount = (0..<n).map { BreakevenAnalysis.discountFactor(rate: scenario.discountRate, month: $0) }
        // Sums of `from` over months before k, and of a continuing `to` (started earlier: no
        // one-time costs) over months after k; in its first month `to` adds its one-time costs.
        var fromBefore = [(total: 0.0, npv: 0.0)], toAfter = [(total: Double, npv: Double)](repeating: (0, 0), count: n + 1)
        var toContinuing = [Double](repeating: 0, count: n)
        let overlap = max(plan.overlapMonths, 0)
        // `to` standing by, summed over the months before each: only with an overlap.
        var standbyBefore = [(total: 0.0, npv: 0.0)]
        for (i, demand) in demands.enumerated() {
            guard let f = from.independentMonthCost(demand.startingIn(0)),
                  let c = to.independentMonthCost(demand.startingIn(-1)),
                  let idle = overlap > 0 ? to.independentMonthCost(demand.with(requests: 0).startingIn(-1)) : 0 else { return nil }
            fromBefore.append((fromBefore[i].total + f, fromBefore[i].npv + f * discount[i]))
            toContinuing[i] = c
            standbyBefore.append((standbyBefore[i].total + idle, standbyBefore[i].npv + idle * discount[i]))
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            toAfter[i] = (toAfter[i + 1].total + toContinuing[i], toAfter[i + 1].npv + toContinuing[i] * discount[i])
        }
        let oneTime = to.oneTimeCost
        return months.map { k in
            guard k <= n else { return Candidate(month: nil, totalCost: fromBefore[n].total, npv: fromBefore[n].npv) }
            let i = k - 1
            guard overlap > 0 else {
                let start = toContinuing[i] + oneTime
                return Candidate(month: k, totalCost: fromBefore[i].total + start + toAfter[i + 1].total,
                                 npv: fromBefore[i].npv + start * discount[i] + toAfter[i + 1].npv)
            }
            // `to` serves alone from month e; before it, `from` serves and `to` stands by from i.
            let e = min(i + overlap, n)
            return Candidate(month: k, totalCost: fromBefore[e].total + (standbyBefore[e].total - standbyBefore[i].total) + oneTime + toAfter[e].total,
                             npv: fromBefore[e].npv + (standbyBefore[e].npv - standbyBefore[i].npv) + oneTime * discount[i] + toAfter[e].npv)
        }
    }
}
