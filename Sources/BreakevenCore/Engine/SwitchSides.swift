/// The two sides of a switch month by month, when neither carries state from month to month
/// (APIs, rented GPUs, seats): a switch at k with an overlap of m months costs `from`'s months
/// before k + m, `to` standing by (no traffic) in months k..<k + m, its one-time costs in month
/// k, and `to`'s months from k + m, each month's cost the same whatever k is. Prefix and suffix
/// sums of those months give every k (and NPV the same way, discounted).
///
/// A `to` that reserves every GPU for a term (`commitment: "reserved_1y"`) carries what it bought
/// from month to month, and what it buys depends on k. Its months are split: the rest of each
/// month is the same whatever k is, and the reservations are replayed from k for each candidate
/// from each month's need, a purchase costing its count × its month's price factor × the group
/// costs of the months it is held (`ReservationLedger`'s rule, summed by purchase).
struct SwitchSides {
    let from: OptionModel
    let to: OptionModel
    let overlap: Int
    /// `from` serving from month 0, by month.
    var fromCosts: [Double] = []
    /// Their lines, for a `from` whose GPUs are all reserved (stepped once, in order: its months
    /// before the switch are the same whatever k is; an overlap month adds `to`'s to them).
    var fromLines: [CostLines]?
    /// `to` serving, started earlier (no one-time costs), by month.
    var toCosts: [Double] = []
    /// `to` standing by without traffic, started earlier, by month (only with an overlap).
    var idleCosts: [Double] = []
    /// A `to` whose GPUs are all reserved for a term: what each month needs held, serving and
    /// standing by, and the prices; its costs above leave the reserved GPUs out.
    var reserved: ReservedSide?

    struct ReservedSide {
        var termMonths: Int
        var groups: [Double] = []
        var idleGroups: [Double] = []
        var factor: [Double] = []
        /// A held group's cost in each month at month-1 prices, summed over the months before each.
        var groupCostBefore: [Double] = [0]

        /// What the reservations cost from month i to the end (of `groups.count`) when `to` starts at
        /// i and serves from e (standing by before): each purchase × its price factor × the group
        /// costs of the months it is held, and the same discounted (`discountedBefore`: the group
        /// costs × the discount factors, summed over the months before each). `bought` is scratch.
        func costs(from i: Int, serving e: Int, discountedBefore: UnsafeBufferPointer<Double>,
                   bought: UnsafeMutableBufferPointer<Double>) -> (total: Double, npv: Double) {
            groups.withUnsafeBufferPointer { groups in
                idleGroups.withUnsafeBufferPointer { idleGroups in
                    factor.withUnsafeBufferPointer { factor in
                        groupCostBefore.withUnsafeBufferPointer { costBefore in
                            let n = groups.count, term = termMonths
                            var held = 0.0, total = 0.0, npv = 0.0
                            for m in i..<n {
                                if m - term >= i { held -= bought[m - term] }
                                let buy = max(0, (m < e ? idleGroups[m] : groups[m]) - held)
                                bought[m] = buy
                                held += buy
                                guard buy > 0 else { continue }
                                let end = min(m + term, n)
                                total += buy * factor[m] * (costBefore[end] - costBefore[m])
                                npv += buy * factor[m] * (discountedBefore[end] - discountedBefore[m])
                            }
                            return (total, npv)
                        }
                    }
                }
            }
        }
    }

    /// nil when either side carries state (bought machines), but for GPUs reserved for a term.
    init?(from: OptionModel, to: OptionModel, overlap: Int, demands: UnsafeBufferPointer<MonthDemand>) {
        self.from = from
        self.to = to
        self.overlap = max(overlap, 0)
        // `OptionModel.independentMonthCost` month by month, with the two cost models taken out
        // of their options once (each month would copy them out of the enum again).
        guard case .single(let f) = from.model, case .single(let t) = to.model else { return nil }
        let reservesFrom = (f as? ReplicaSizing)?.ledger != nil
        let sizing = (t as? ReplicaSizing).flatMap { $0.ledger == nil ? nil : $0 }
        guard f.isStateless || reservesFrom, t.isStateless || sizing != nil else { return nil }
        if reservesFrom { fromLines = [] }
        // `from`'s month i, in order.
        func fromMonth(_ demand: MonthDemand) -> Double {
            guard fromLines != nil else { return f.monthTotal(demand.startingIn(0), isLast: false) }
            let lines = f.monthCost(demand.startingIn(0), isLast: false).costs
            fromLines?.append(lines)
            return lines.total
        }
        fromCosts.reserveCapacity(demands.count)
        toCosts.reserveCapacity(demands.count)
        if let sizing, let term = sizing.ledger?.termMonths {
            var side = ReservedSide(termMonths: term)
            for demand in demands {
                fromCosts.append(fromMonth(demand))
                let serving = sizing.unreserved(demand.startingIn(-1))
                toCosts.append(serving.total)
                side.groups.append(serving.groups)
                side.factor.append(serving.factor)
                side.groupCostBefore.append(side.groupCostBefore[side.groupCostBefore.count - 1] + serving.groupCost)
                if self.overlap > 0 {
                    let idle = sizing.unreserved(demand.with(requests: 0).startingIn(-1))
                    idleCosts.append(idle.total)
                    side.idleGroups.append(idle.groups)
                }
            }
            reserved = side
            return
        }
        for demand in demands {
            fromCosts.append(fromMonth(demand))
            toCosts.append(t.monthTotal(demand.startingIn(-1), isLast: false))
            if self.overlap > 0 { idleCosts.append(t.monthTotal(demand.with(requests: 0).startingIn(-1), isLast: false)) }
        }
    }

    /// The sides of a switch between two options of the scenario; nil when either is missing or carries state.
    init?(_ plan: SwitchPlan, in scenario: Scenario, demands: UnsafeBufferPointer<MonthDemand>, trends: TrendTableCache?) {
        guard let fromOption = scenario.option(plan.fromID), let toOption = scenario.option(plan.toID) else { return nil }
        self.init(from: OptionModel(leaf: fromOption, scenario, trends: trends), to: OptionModel(leaf: toOption, scenario, trends: trends),
                  overlap: plan.overlapMonths, demands: demands)
    }

    /// The total and NPV of a switch at each of `months` (1-based; past the horizon: never).
    func candidates(months: [Int], discount: UnsafeBufferPointer<Double>) -> [SwitchEvaluation.Candidate] {
        let n = fromCosts.count
        // Sums of `from` over months before k, and of a continuing `to` over months after k; in
        // its first month `to` adds its one-time costs.
        var fromBefore = [(total: 0.0, npv: 0.0)], toAfter = [(total: Double, npv: Double)](repeating: (0, 0), count: n + 1)
        // `to` standing by, summed over the months before each: only with an overlap.
        var standbyBefore = [(total: 0.0, npv: 0.0)]
        fromBefore.reserveCapacity(n + 1)
        standbyBefore.reserveCapacity(n + 1)
        for i in 0..<n {
            let f = fromCosts[i], idle = overlap > 0 ? idleCosts[i] : 0
            fromBefore.append((fromBefore[i].total + f, fromBefore[i].npv + f * discount[i]))
            standbyBefore.append((standbyBefore[i].total + idle, standbyBefore[i].npv + idle * discount[i]))
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            toAfter[i] = (toAfter[i + 1].total + toCosts[i], toAfter[i + 1].npv + toCosts[i] * discount[i])
        }
        let oneTime = to.oneTimeCost
        // A reserved `to`: a held group's cost discounted, summed over the months before each.
        var discountedBefore: [Double] = [], bought: [Double] = []
        if let side = reserved {
            discountedBefore = [0]
            for m in 0..<n { discountedBefore.append(discountedBefore[m] + (side.groupCostBefore[m + 1] - side.groupCostBefore[m]) * discount[m]) }
            bought = Array(repeating: 0, count: n)
        }
        func reservations(from i: Int, serving e: Int) -> (total: Double, npv: Double) {
            guard reserved != nil else { return (0, 0) }
            return discountedBefore.withUnsafeBufferPointer { discounted in
                bought.withUnsafeMutableBufferPointer { reserved?.costs(from: i, serving: e, discountedBefore: discounted, bought: $0) ?? (0, 0) }
            }
        }
        return months.map { k in
            guard k <= n else { return .init(month: nil, totalCost: fromBefore[n].total, npv: fromBefore[n].npv) }
            let i = k - 1
            guard overlap > 0 else {
                let start = toCosts[i] + oneTime
                let held = reservations(from: i, serving: i)
                return .init(month: k, totalCost: fromBefore[i].total + start + toAfter[i + 1].total + held.total,
                             npv: fromBefore[i].npv + start * discount[i] + toAfter[i + 1].npv + held.npv)
            }
            // `to` serves alone from month e; before it, `from` serves and `to` stands by from i.
            let e = min(i + overlap, n)
            let held = reservations(from: i, serving: e)
            return .init(month: k, totalCost: fromBefore[e].total + (standbyBefore[e].total - standbyBefore[i].total) + oneTime + toAfter[e].total
                             + held.total,
                         npv: fromBefore[e].npv + (standbyBefore[e].npv - standbyBefore[i].npv) + oneTime * discount[i] + toAfter[e].npv
                             + held.npv)
        }
    }

    /// The switch's cost in month i when `to` takes over in 1-based month `at` (past the horizon:
    /// never), exactly as `OptionModel`'s schedule of the two sides adds it up.
    func monthTotal(_ demand: MonthDemand, switchAt at: Int) -> Double {
        let n = fromCosts.count, i = demand.index
        let k = min(max(at - 1, 0), n), alone = min(k + overlap, n)
        if i < k { return fromCosts[i] }
        // A reserved `to` is stepped month by month from k: what it holds depends on when it started.
        if i >= alone { return i == k || reserved != nil ? to.monthCostAlone(demand.startingIn(k)).costs.total : toCosts[i] }
        // The overlap: `from` serving and `to` standing by from month k, their lines added.
        let serving = fromLines?[i] ?? from.monthCostAlone(demand.startingIn(0)).costs
        let idle = to.monthCostAlone(demand.with(requests: 0).startingIn(k)).costs
        var costs = CostLines()
        costs = costs + serving
        costs = costs + idle
        return costs.total
    }
}
