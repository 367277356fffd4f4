/// The two sides of a switch month by month, when neither carries state from month to month
/// (APIs, rented GPUs, seats): a switch at k with an overlap of m months costs `from`'s months
/// before k + m, `to` standing by (no traffic) in months k..<k + m, its one-time costs in month
/// k, and `to`'s months from k + m, each month's cost the same whatever k is. Prefix and suffix
/// sums of those months give every k (and NPV the same way, discounted).
///
/// GPUs reserved for a term are owed to its end, served or not. `from`'s reservation object
/// still bills after `from` stops serving (the same months whatever k is). A side that reserves
/// every GPU (`commitment: "reserved_1y"`) carries what it bought from month to month: `to`'s
/// purchases are replayed from each k, and `from`'s, stepped once, are owed for the rest of
/// their terms after it stops (`SwitchReservations`). `to`'s reserved replicas are bought in
/// the switch month and run their term from there: its months are priced with and without them,
/// and each k takes the first for the months of its term.
struct SwitchSides {
    let from: OptionModel
    let to: OptionModel
    let overlap: Int
    /// `from` serving from month 0, by month.
    var fromCosts: [Double] = []
    /// `to` serving, started earlier (no one-time costs), by month; without its reserved GPUs
    /// when it reserves every GPU.
    var toCosts: [Double] = []
    /// `to` standing by without traffic, started earlier, by month (only with an overlap).
    var idleCosts: [Double] = []
    /// What `from` owes in each month once it has stopped serving (a reservation's term); empty: nothing.
    var fromCommitted: [Double] = []
    /// `to` reserving every GPU: prices and what each month needs held.
    var toReserved: (prices: SwitchReservations, needs: SwitchReservations.Needs)?
    /// `from` reserving every GPU: prices and what it bought each month, serving from month 0,
    /// and its lines (an overlap month adds `to`'s to them).
    var fromReserved: (prices: SwitchReservations, bought: [Double], lines: [CostLines])?
    /// `to` reserving replicas for a term: what each month costs more with them paid, serving
    /// and standing by, than `toCosts` and `idleCosts` (which are without them).
    var toReplicas: (term: Int, serving: [Double], idle: [Double])?

    /// nil when either side carries state (bought machines, units reserved for a term), but for
    /// GPUs reserved for a term.
    ///
    /// - Parameter pool: where its lists of months come from; `recycle(into:)` gives them back.
    init?(from: OptionModel, to: OptionModel, overlap: Int, demands: UnsafeBufferPointer<MonthDemand>, pool: inout SwitchPool) {
        self.from = from
        self.to = to
        self.overlap = max(overlap, 0)
        // The two cost models taken out of their options once (each month would copy them out of
        // the enum again).
        guard case .single(let f) = from.model, case .single(let t) = to.model else { return nil }
        // The options' own runs in the same trial step these models too.
        f.restart()
        t.restart()
        let fromRented = f.rentedReplicas, toRented = t.rentedReplicas
        let fromSizing = fromRented.flatMap { $0.ledger == nil ? nil : $0 }
        let toSizing = toRented.flatMap { $0.ledger == nil ? nil : $0 }
        let toReserving = toRented.flatMap { $0.reservation == nil || $0.ledger != nil ? nil : $0 }
        let fromMayOwe = f.mayOweWhenIdle
        var reservedServing: [Double] = [], reservedIdle: [Double] = []
        guard f.isStateless || fromSizing != nil, t.isStateless || toSizing != nil else { return nil }
        let n = demands.count
        // Every list of months taken whole from the pool: grown by appending, or allocated every
        // trial, each would cost more than the months it holds.
        fromCosts = pool.months.take(capacity: n)
        toCosts = pool.months.take(capacity: n)
        if self.overlap > 0 { idleCosts = pool.months.take(capacity: n) }
        if toReserving != nil {
            reservedServing = pool.months.take(capacity: n)
            if self.overlap > 0 { reservedIdle = pool.months.take(capacity: n) }
        }
        var toPrices = toSizing?.ledger.map { SwitchReservations(termMonths: $0.termMonths, months: n, pool: &pool) }, needs = SwitchReservations.Needs()
        var fromPrices = fromSizing?.ledger.map { SwitchReservations(termMonths: $0.termMonths, months: n, pool: &pool) }, bought: [Double] = []
        var fromLines: [CostLines] = []
        if toSizing != nil {
            needs.groups = pool.months.take(capacity: n)
            if self.overlap > 0 { needs.idleGroups = pool.months.take(capacity: n) }
        }
        if fromSizing != nil {
            bought = pool.months.take(capacity: n)
            fromLines.reserveCapacity(n)
        }
        // Each side's months in a loop of its own (neither side reads the other's state), its
        // model and bindings taken once.
        if let fromSizing, fromSizing.ledger != nil {
            // `from` stepped in order: what it holds before k is the same whatever k is.
            for demand in demands {
                let lines = f.monthCost(demand.startingIn(0), isLast: false).costs
                fromCosts.append(lines.total)
                fromLines.append(lines)
                // Read where it lies: the month just stepped changed it.
                bought.append(fromSizing.ledger?.purchase(in: demand.index) ?? 0)
                fromPrices?.append(factor: fromSizing.priceFactor(demand), groupCost: fromSizing.reservedGroupCost(demand))
            }
        } else {
            f.monthTotals(demands, startingIn: 0, idle: false, into: &fromCosts)
            // Kept only where `from` owes anything: most sides never do (and those that do
            // here carry no state: asked in any order).
            if fromMayOwe {
                for (i, demand) in demands.enumerated() {
                    if let owed = f.committedCost(demand)?.costs.total, owed != 0 {
                        if fromCommitted.isEmpty { fromCommitted = pool.months.take(repeating: 0, count: n) }
                        fromCommitted[i] = owed
                    }
                }
            }
        }
        if let toSizing {
            for demand in demands {
                let serving = toSizing.unreserved(demand.startingIn(-1))
                toCosts.append(serving.total)
                needs.groups.append(serving.groups)
                toPrices?.append(factor: toSizing.priceFactor(demand), groupCost: toSizing.reservedGroupCost(demand))
                if self.overlap > 0 {
                    let idle = toSizing.unreserved(demand.with(requests: 0).startingIn(-1))
                    idleCosts.append(idle.total)
                    needs.idleGroups.append(idle.groups)
                }
            }
        } else if let toReserving {
            for demand in demands {
                let serving = toReserving.monthTotal(demand.startingIn(-1), reserving: false)
                toCosts.append(serving)
                reservedServing.append(toReserving.monthTotal(demand.startingIn(-1), reserving: true) - serving)
                if self.overlap > 0 {
                    let idle = toReserving.monthTotal(demand.with(requests: 0).startingIn(-1), reserving: false)
                    idleCosts.append(idle)
                    reservedIdle.append(toReserving.monthTotal(demand.with(requests: 0).startingIn(-1), reserving: true) - idle)
                }
            }
        } else {
            t.monthTotals(demands, startingIn: -1, idle: false, into: &toCosts)
            if self.overlap > 0 { t.monthTotals(demands, startingIn: -1, idle: true, into: &idleCosts) }
        }
        toReserved = toPrices.map { ($0, needs) }
        fromReserved = fromPrices.map { ($0, bought, fromLines) }
        toReplicas = toReserving?.reservation.map { ($0.termMonths, reservedServing, reservedIdle) }
    }

    /// The sides of a switch between two options of the scenario; nil when either is missing or carries state.
    init?(_ plan: SwitchPlan, in scenario: Scenario, demands: UnsafeBufferPointer<MonthDemand>, trends: TrendTableCache?, pool: inout SwitchPool) {
        self.init(plan, CostModelContext(scenario: scenario, trends: trends), demands: demands, pool: &pool)
    }

    /// The same, with the models built in a trial's context (its trend tables and day shapes).
    init?(_ plan: SwitchPlan, _ context: borrowing CostModelContext, demands: UnsafeBufferPointer<MonthDemand>, pool: inout SwitchPool) {
        guard let from = context.scenario.kind(of: plan.fromID), let to = context.scenario.kind(of: plan.toID) else { return nil }
        self.init(from: OptionModel(leaf: from, context), to: OptionModel(leaf: to, context), overlap: plan.overlapMonths, demands: demands,
                  pool: &pool)
    }

    /// Gives every list of months back to the pool, for the next trial's switch.
    mutating func recycle(into pool: inout SwitchPool) {
        pool.months.give(&fromCosts)
        pool.months.give(&toCosts)
        pool.months.give(&idleCosts)
        pool.months.give(&fromCommitted)
        // Moved out of their optionals (`take`), not copied: the pool's lists are then the only ones.
        if var (prices, needs) = toReserved.take() {
            prices.recycle(into: &pool)
            pool.months.give(&needs.groups)
            pool.months.give(&needs.idleGroups)
        }
        if var (prices, bought, _) = fromReserved.take() {
            prices.recycle(into: &pool)
            pool.months.give(&bought)
        }
        if var (_, serving, idle) = toReplicas.take() {
            pool.months.give(&serving)
            pool.months.give(&idle)
        }
    }

    /// The total and NPV of a switch at each of `months` (1-based; past the horizon: never).
    /// Its working lists come from `pool` and go back to it.
    func candidates(months: [Int], discount: UnsafeBufferPointer<Double>, pool: inout SwitchPool) -> [SwitchEvaluation.Candidate] {
        let n = fromCosts.count
        // Sums of `from` over months before k, and of a continuing `to` over months after k; in
        // its first month `to` adds its one-time costs.
        var fromBefore = SwitchSides.before(fromCosts, discount, into: pool.sums.take(capacity: n + 1))
        var toAfter = pool.sums.take(repeating: (0, 0), count: n + 1)
        // `to` standing by, summed over the months before each: only with an overlap.
        var standbyBefore = overlap > 0 ? SwitchSides.before(idleCosts, discount, into: pool.sums.take(capacity: n + 1)) : []
        // What `from` owes after it stops, summed over the months from each.
        var committedAfter = fromCommitted.isEmpty ? [] : pool.sums.take(repeating: (0, 0), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            toAfter[i] = (toAfter[i + 1].total + toCosts[i], toAfter[i + 1].npv + toCosts[i] * discount[i])
            if !fromCommitted.isEmpty {
                committedAfter[i] = (committedAfter[i + 1].total + fromCommitted[i], committedAfter[i + 1].npv + fromCommitted[i] * discount[i])
            }
        }
        let oneTime = to.oneTimeCost
        // What the sides' reservations cost when `to` starts at i and `from` stops at e, for every k.
        var switches: [(start: Int, serving: Int)] = []
        switches.reserveCapacity(months.count)
        for k in months where k <= n { switches.append((start: k - 1, serving: min(k - 1 + overlap, n))) }
        var reservations = pool.sums.take(repeating: (0, 0), count: switches.count)
        var toDiscounted: [Double] = []
        if let (prices, needs) = toReserved {
            toDiscounted = prices.discountedBefore(discount, into: pool.months.take(capacity: n + 1))
            prices.starting(switches, needs, discountedBefore: toDiscounted, into: &reservations, pool: &pool)
        }
        var fromDiscounted = fromReserved.map { $0.prices.discountedBefore(discount, into: pool.months.take(capacity: n + 1)) } ?? []
        // `to`'s reserved replicas: what they add in the months of their term from each k, serving
        // and standing by, from sums over the months before each.
        var servingExtra: [(total: Double, npv: Double)] = [], idleExtra: [(total: Double, npv: Double)] = []
        if let (_, serving, idle) = toReplicas {
            servingExtra = SwitchSides.before(serving, discount, into: pool.sums.take(capacity: n + 1))
            if overlap > 0 { idleExtra = SwitchSides.before(idle, discount, into: pool.sums.take(capacity: n + 1)) }
        }
        defer {
            pool.sums.give(&fromBefore)
            pool.sums.give(&toAfter)
            pool.sums.give(&standbyBefore)
            pool.sums.give(&committedAfter)
            pool.sums.give(&reservations)
            pool.sums.give(&servingExtra)
            pool.sums.give(&idleExtra)
            pool.months.give(&toDiscounted)
            pool.months.give(&fromDiscounted)
        }
        // Each part added to every switch in turn, in the order a switch adds them up; each
        // part's bindings taken once, not once a switch.
        if let term = toReplicas?.term {
            for (j, s) in switches.enumerated() {
                let end = min(s.start + term, n)
                if end > s.serving {
                    reservations[j] = (reservations[j].total + servingExtra[end].total - servingExtra[s.serving].total,
                                       reservations[j].npv + servingExtra[end].npv - servingExtra[s.serving].npv)
                }
                if overlap > 0 {
                    let idleEnd = min(s.serving, end)
                    reservations[j] = (reservations[j].total + idleExtra[idleEnd].total - idleExtra[s.start].total,
                                       reservations[j].npv + idleExtra[idleEnd].npv - idleExtra[s.start].npv)
                }
            }
        }
        // `from` owes after it stops only if it served: switching in month 1 never reserves.
        if !committedAfter.isEmpty {
            for (j, s) in switches.enumerated() where s.serving > 0 {
                reservations[j] = (reservations[j].total + committedAfter[s.serving].total, reservations[j].npv + committedAfter[s.serving].npv)
            }
        }
        if let (prices, bought, _) = fromReserved {
            for (j, s) in switches.enumerated() {
                let owed = prices.owedLeaving(at: s.serving, bought: bought, discountedBefore: fromDiscounted)
                reservations[j] = (reservations[j].total + owed.total, reservations[j].npv + owed.npv)
            }
        }
        var next = 0
        return months.map { k in
            guard k <= n else { return .init(month: nil, totalCost: fromBefore[n].total, npv: fromBefore[n].npv) }
            let i = k - 1
            let held = reservations[next]
            next += 1
            guard overlap > 0 else {
                let start = toCosts[i] + oneTime
                return .init(month: k, totalCost: fromBefore[i].total + start + toAfter[i + 1].total + held.total,
                             npv: fromBefore[i].npv + start * discount[i] + toAfter[i + 1].npv + held.npv)
            }
            // `to` serves alone from month e; before it, `from` serves and `to` stands by from i.
            let e = min(i + overlap, n)
            return .init(month: k, totalCost: fromBefore[e].total + (standbyBefore[e].total - standbyBefore[i].total) + oneTime + toAfter[e].total
                             + held.total,
                         npv: fromBefore[e].npv + (standbyBefore[e].npv - standbyBefore[i].npv) + oneTime * discount[i] + toAfter[e].npv
                             + held.npv)
        }
    }

    /// Sums of `costs` over the months before each, plain and discounted.
    static func before(_ costs: [Double], _ discount: UnsafeBufferPointer<Double>,
                       into sums: consuming [(total: Double, npv: Double)]) -> [(total: Double, npv: Double)] {
        sums.removeAll(keepingCapacity: true)
        sums.append((0, 0))
        for i in costs.indices { sums.append((sums[i].total + costs[i], sums[i].npv + costs[i] * discount[i])) }
        return sums
    }

    /// The switch's cost in month i when `to` takes over in 1-based month `at` (past the horizon:
    /// never), exactly as `OptionModel`'s schedule of the two sides adds it up. Called for the
    /// months in order: a side that reserves GPUs is stepped as the schedule steps it.
    func monthTotal(_ demand: MonthDemand, switchAt at: Int) -> Double {
        let n = fromCosts.count, i = demand.index
        let k = min(max(at - 1, 0), n), alone = min(k + overlap, n)
        if i < k { return fromCosts[i] }
        guard i >= alone else {
            // The overlap: `from` serving and `to` standing by from month k, their lines added.
            let serving = fromReserved?.lines[i] ?? from.monthCostAlone(demand.startingIn(0)).costs
            let idle = to.monthCostAlone(demand.with(requests: 0).startingIn(k)).costs
            var costs = CostLines()
            costs = costs + serving
            costs = costs + idle
            return costs.total
        }
        // What `from` still owes, once it has served: its purchases replayed up to the month it stopped.
        var owed: CostLines?
        if alone > 0, fromReserved != nil || !fromCommitted.isEmpty, case .single(let f) = from.model {
            if let (prices, bought, _) = fromReserved, i == alone, let sizing = f.rentedReplicas {
                for m in 0..<alone { sizing.ledger?.buy(bought[m], month: m, factor: prices.factor[m]) }
            }
            owed = f.committedCost(demand)?.costs
        }
        guard let owed else {
            return i == k || toReserved != nil || toReplicas != nil ? to.monthCostAlone(demand.startingIn(k)).costs.total : toCosts[i]
        }
        return (to.monthCostAlone(demand.startingIn(k)).costs + owed).total
    }
}
