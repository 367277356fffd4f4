/// Bought machines over time: units bought when first needed, replaced at the end of their
/// lifetime, paid in cash or amortized, and powered while on.
struct OwnedFleet {
    /// Units bought together: they age, and are replaced, together.
    struct Batch {
        var purchaseIndex: Int
        var price: Double
        var count: Double
    }

    let plan: OwnedHardwarePlan
    let workload: Workload
    let accounting: OwnedHardwarePlan.Accounting
    let units: OwnedHardwarePlan.Units
    private(set) var owned: [Batch] = []

    /// Units owned: kept beside the batches so a month does not sum them again.
    private(set) var unitCount = 0.0
    var priceTrend: TrendFactors

    init(plan: OwnedHardwarePlan, workload: Workload, accounting: OwnedHardwarePlan.Accounting? = nil, units: OwnedHardwarePlan.Units? = nil) {
        self.plan = plan
        self.workload = workload
        self.accounting = accounting ?? plan.accounting
        self.units = units ?? plan.units
        priceTrend = TrendFactors(perYear: plan.hardwarePriceChangePerYear)
    }

    /// Swaps the unit list with `storage`, emptied but keeping its capacity: the totals path lends
    /// the fleet the same list trial after trial, so buying units allocates nothing.
    mutating func swapUnitStorage(_ storage: inout [Batch]) {
        storage.removeAll(keepingCapacity: true)
        unitCount = 0
        swap(&owned, &storage)
    }

    /// Straight-line book value: price·(1 − (1 − resale)·min(age, lifetime)/lifetime).
    static func bookValue(price: Double, ageMonths: Int, lifetime: Int, resale: Double) -> Double {
        price * (1 - (1 - resale) * Double(min(ageMonths, lifetime)) / Double(lifetime))
    }

    mutating func month(_ demand: MonthDemand, isLast: Bool) -> MonthlyProjection {
        MonthlyProjection(demand, monthCost(demand, isLast: isLast))
    }

    mutating func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost {
        let i = demand.index
        let tokens = TokenCounts(requests: demand.requests, classes: workload.classes, outputMultiplier: plan.outputTokenMultiplier)
        let work = ReplicaSizing.work(tokens, plan.throughput)
        let secondsOnPerUnit = plan.hoursOn(in: demand.date) * 3600
        // Sized on monthly busy time: a local machine can queue, so peaks within the day do not count.
        let needed = max(1, (work / (secondsOnPerUnit * plan.maxUtilization) * (1 - 1e-12)).rounded(.up))
        let price = plan.purchasePrice * priceTrend.factor(month: i)
        var lines = CostLines()
        var credit = 0.0

        // Units at the end of their lifetime are sold for their resale share and replaced.
        for k in owned.indices where i - owned[k].purchaseIndex >= plan.lifetimeMonths {
            if accounting == .cash { lines.hardware += owned[k].count * (price - plan.resaleShare * owned[k].price) }
            owned[k] = Batch(purchaseIndex: i, price: price, count: owned[k].count)
        }
        let wanted: Double
        switch units {
        case .auto: wanted = needed
        case .fixed(let n): wanted = Double(n)
        }
        if unitCount < wanted {
            let bought = wanted - unitCount
            owned.append(Batch(purchaseIndex: i, price: price, count: bought))
            unitCount = wanted
            if accounting == .cash { lines.hardware += bought * price }
        }
        let amortization = owned.reduce(0) { $0 + $1.count * $1.price * (1 - plan.resaleShare) / Double(plan.lifetimeMonths) }
        switch accounting {
        case .amortized:
            lines.hardware += amortization
        case .cash:
            if isLast {
                credit = owned.reduce(0) {
                    $0 + $1.count * OwnedFleet.bookValue(price: $1.price, ageMonths: i - $1.purchaseIndex + 1,
                                                         lifetime: plan.lifetimeMonths, resale: plan.resaleShare)
                }
                lines.hardware -= credit
            }
        }

        let count = unitCount
        let capacity = count * secondsOnPerUnit * plan.maxUtilization
        let served = min(work, capacity)
        let unmetShare = work > 0 ? 1 - served / work : 0
        let busyHours = served / 3600
        let onHours = count * plan.hoursOn(in: demand.date)
        lines.energy = (busyHours * plan.wattsBusy + (onHours - busyHours) * plan.wattsIdle) / 1000 * plan.electricityPerKWh
        lines.team = plan.overheads.teamPerMonth
        lines.fixed = plan.overheads.fixedPerMonth
        if demand.isFirstActive { lines.oneTime = plan.overheads.oneTimeTotal }
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output,
                         replicas: count, utilization: onHours > 0 ? busyHours / onHours : nil,
                         unmetRequests: demand.requests * unmetShare,
                         runRateCost: lines.runRate - lines.hardware + amortization, resaleCredit: credit)
    }
}
