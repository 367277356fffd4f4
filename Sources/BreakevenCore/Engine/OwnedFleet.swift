/// Bought machines over time: units bought when first needed, replaced at the end of their
/// lifetime, paid in cash or amortized, and powered while on.
final class OwnedFleet {
    /// Units bought together: they age, and are replaced, together.
    struct Batch {
        var purchaseIndex: Int
        var price: Double
        var count: Double
    }

    /// Tokens of one average request, output after the option's multiplier.
    let tokensPerRequest: TokenCounts
    /// Unit-seconds of work one average request takes.
    let workPerRequest: Double
    /// The machines' terms (price at month-1 prices before the trend, power, lifetime, resale,
    /// accounting, units), with the accounting and units this fleet runs under.
    let plan: OwnedHardwarePlan
    let overheads: OverheadCharges
    let priceTrend: TrendFactors
    /// What has been bought so far: the only state the fleet carries from month to month, held by
    /// reference so that stepping a month changes no copy of the fleet's constants.
    let bought = Bought()

    final class Bought {
        // Stepped every month of every trial by the fleet that holds it, never by two at once: its
        // accesses are not checked at run time (the checks took 6% of the benchmark's trial loop).
        @exclusivity(unchecked) var batches: [Batch] = []
        /// Units owned: kept beside the batches so a month does not sum them again.
        @exclusivity(unchecked) var count = 0.0
    }

    init(plan: OwnedHardwarePlan, workload: borrowing Workload, accounting: OwnedHardwarePlan.Accounting? = nil,
         units: OwnedHardwarePlan.Units? = nil, trends: TrendTableCache? = nil) {
        var terms = plan
        if let accounting { terms.accounting = accounting }
        if let units { terms.units = units }
        self.plan = terms
        tokensPerRequest = TokenCounts(perRequestOf: workload.classes, outputMultiplier: plan.outputTokenMultiplier)
        workPerRequest = ReplicaSizing.work(tokensPerRequest, plan.throughput)
        overheads = OverheadCharges(plan.overheads)
        priceTrend = TrendFactors(perYear: plan.hardwarePriceChangePerYear, tables: trends)
    }

    /// Swaps the unit list with `storage`, emptied but keeping its capacity: the totals path lends
    /// the fleet the same list trial after trial, so buying units allocates nothing.
    func swapUnitStorage(_ storage: inout [Batch]) {
        storage.removeAll(keepingCapacity: true)
        bought.count = 0
        swap(&bought.batches, &storage)
    }

    /// Straight-line book value: price·(1 − (1 − resale)·min(age, lifetime)/lifetime).
    static func bookValue(price: Double, ageMonths: Int, lifetime: Int, resale: Double) -> Double {
        price * (1 - (1 - resale) * Double(min(ageMonths, lifetime)) / Double(lifetime))
    }

    func month(_ demand: MonthDemand, isLast: Bool) -> MonthlyProjection {
        MonthlyProjection(demand, monthCost(demand, isLast: isLast))
    }

    func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost { monthCost(demand, isLast: isLast, withRunRate: true) }

    /// - Parameter withRunRate: work out the run rate (in cash accounting it needs the
    ///   amortization, a division per batch a month, which a total alone does not).
    @inline(__always)
    func monthCost(_ demand: MonthDemand, isLast: Bool, withRunRate: Bool) -> MonthCost {
        let i = demand.index
        let bought = self.bought
        let work = demand.requests * workPerRequest
        let hoursOnPerUnit = OwnedHardwarePlan.hoursOn(in: demand.date, perDay: plan.hoursOnPerDay, perMonth: plan.hoursOnPerMonth)
        let secondsOnPerUnit = hoursOnPerUnit * 3600
        // Sized on monthly busy time: a local machine can queue, so peaks within the day do not count.
        let needed = max(1, (work / (secondsOnPerUnit * plan.maxUtilization) * (1 - 1e-12)).rounded(.up))
        let price = plan.purchasePrice * priceTrend.factor(month: i)
        var lines = CostLines()
        var credit = 0.0

        // Units at the end of their lifetime are sold for their resale share and replaced.
        for k in bought.batches.indices where i - bought.batches[k].purchaseIndex >= plan.lifetimeMonths {
            if plan.accounting == .cash { lines.hardware += bought.batches[k].count * (price - plan.resaleShare * bought.batches[k].price) }
            bought.batches[k] = Batch(purchaseIndex: i, price: price, count: bought.batches[k].count)
        }
        let wanted: Double
        switch plan.units {
        case .auto: wanted = needed
        case .fixed(let n): wanted = Double(n)
        }
        if bought.count < wanted {
            let added = wanted - bought.count
            bought.batches.append(Batch(purchaseIndex: i, price: price, count: added))
            bought.count = wanted
            if plan.accounting == .cash { lines.hardware += added * price }
        }
        let amortization = withRunRate || plan.accounting == .amortized
            ? bought.batches.reduce(0) { $0 + $1.count * $1.price * (1 - plan.resaleShare) / Double(plan.lifetimeMonths) } : 0
        switch plan.accounting {
        case .amortized:
            lines.hardware += amortization
        case .cash:
            if isLast {
                credit = bought.batches.reduce(0) {
                    $0 + $1.count * OwnedFleet.bookValue(price: $1.price, ageMonths: i - $1.purchaseIndex + 1,
                                                         lifetime: plan.lifetimeMonths, resale: plan.resaleShare)
                }
                lines.hardware -= credit
            }
        }

        let count = bought.count
        let capacity = count * secondsOnPerUnit * plan.maxUtilization
        let served = min(work, capacity)
        let unmetShare = work > 0 ? 1 - served / work : 0
        let busyHours = served / 3600
        let onHours = count * hoursOnPerUnit
        lines.energy = (busyHours * plan.wattsBusy + (onHours - busyHours) * plan.wattsIdle) / 1000 * plan.electricityPerKWh
        overheads.charge(&lines, demand)
        let tokens = tokensPerRequest.scaled(by: demand.requests)
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output,
                         replicas: count, utilization: onHours > 0 ? busyHours / onHours : nil,
                         unmetRequests: demand.requests * unmetShare,
                         runRateCost: lines.runRate - lines.hardware + amortization, resaleCredit: credit)
    }
}
