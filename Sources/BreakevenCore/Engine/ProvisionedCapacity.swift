/// Reserved model capacity bought from an API provider (Azure OpenAI provisioned throughput
/// units, OpenAI Scale Tier, Amazon Bedrock provisioned throughput), as a provisioned option's
/// declaration lowers it.
struct ProvisionedTerms: ServingTerms, Sendable {
    /// Units held every month; nil: sized for each month's peak hour ("auto").
    var units: Int?
    var unitPrice: Double
    /// The price is per unit-month (a reservation), not per unit-hour.
    var pricedPerMonth: Bool
    /// Months each purchase of units is committed for (1: month by month): a purchase is paid to
    /// the end of its own term, at the price of the month it was bought.
    var termMonths: Int
    /// Input tokens a minute one unit serves, output weighted in (Azure counts an output token as
    /// several input tokens of a PTU's capacity).
    var inputTokensPerMinute: Double
    /// A separate output limit a unit has (OpenAI Scale Tier sells input and output TPM apart).
    var outputTokensPerMinute: Double?
    var outputTokenWeight: Double
    var cachedInputWeight: Double
    var minUnits: Int
    var unitIncrement: Int
    /// Output capacity bought apart from input capacity (OpenAI Scale Tier, Bedrock's reserved
    /// tier): its own units, price and minimum; nil where one unit carries both (Azure PTU).
    var outputUnits: OutputUnits?
    var maxUtilization: Double
    /// The api option that serves what the units cannot; nil: it stays unmet.
    var overflowOptionID: String?
    var priceChangePerYear: Double
    var overheads: Overheads

    var provisioning: Provisioning? { Provisioning(throughput: nil, devices: 0, noun: "unit") }

    /// Whether a provider sells a deployment of `units`: the minimum, or a whole number of
    /// increments above it (Azure's global PTU deployments: 15, then steps of 5). The sizes
    /// `ProvisionedCapacity.units(_:forLoad:)` picks are these.
    static func sells(_ units: Int, minUnits: Int, increment: Int) -> Bool {
        units == minUnits || (units > minUnits && units % max(1, increment) == 0)
    }

    /// What a count the provider does not sell is worded as, at `units`.
    static func unsold(_ units: Int, minUnits: Int, increment: Int) -> String {
        "expected min_units (\(minUnits)) or a multiple of unit_increment (\(increment)) above it, found \(units)"
    }

    /// Separate output units: at least their minimum.
    static func outputMinimum(_ units: Int, minUnits: Int) -> FigureOrder {
        FigureOrder("min_output_units", Double(minUnits), atMost: "output_units", Double(units), blamingHigh: true)
    }

    /// Output capacity sold in units of its own.
    struct OutputUnits: Sendable {
        /// Held every month; nil: sized like the input units.
        var units: Int?
        var unitPrice: Double
        var minUnits: Int
    }

    func costModel(_ context: CostModelContext) -> any MonthlyCostModel {
        ProvisionedCapacity(self, workload: context.scenario.workload, overflow: context.overflowBill(to: overflowOptionID), trends: context.trends,
                            dayShapes: context.dayShapes)
    }
}

/// Sizes provisioned units for a month's peak hour, as rented GPUs are sized, and bills them by
/// the hour or the month; what fixed units cannot serve in busy hours goes to the overflow API.
/// Capacity comes in one pool of units, or two (input and output bought apart).
final class ProvisionedCapacity: MonthlyCostModel {
    /// Units of one kind: what a request a minute takes of them, their price and their rules.
    struct Pool {
        /// Units one request a minute takes at full use.
        var perRequestPerMinute: Double
        var fixed: Int?
        var unitPrice: Double
        var minUnits: Double
        var increment: Double
    }

    let terms: ProvisionedTerms
    let tokensPerRequest: TokenCounts
    private let pools: [Pool]
    /// Units committed for a term (`term_months` above 1), by pool: each month buys what its peak
    /// hour needs beyond what is held, and each purchase is paid to the end of its own term at
    /// the price of the month it was bought, as GPU reservations are (`ReservationLedger`):
    /// the state carried from month to month, kept in place. Empty: units are held month by month.
    @exclusivity(unchecked) private var ledgers: [ReservationLedger]
    let batchShare: Double
    /// The load shape as sizing reads it: its hourly factors and the peak.
    let day: DayProfile
    let overflow: APIBill?
    let overheads: OverheadCharges
    let trend: TrendFactors

    init(_ terms: ProvisionedTerms, workload: borrowing Workload, overflow: APIBill?, trends: TrendTableCache?, dayShapes: DayShapeMemo? = nil) {
        self.terms = terms
        tokensPerRequest = TokenCounts(perRequestOf: workload.classes, outputMultiplier: 1)
        let t = tokensPerRequest
        let input = t.uncachedInput + terms.cachedInputWeight * t.cachedInput
        let increment = Double(max(1, terms.unitIncrement))
        if let output = terms.outputUnits, let outputRate = terms.outputTokensPerMinute {
            pools = [Pool(perRequestPerMinute: input / terms.inputTokensPerMinute, fixed: terms.units, unitPrice: terms.unitPrice,
                          minUnits: Double(terms.minUnits), increment: increment),
                     Pool(perRequestPerMinute: t.output / outputRate, fixed: output.units, unitPrice: output.unitPrice,
                          minUnits: Double(output.minUnits), increment: 1)]
        } else {
            // One unit carries both: output weighted into its input rate, or bound by an output limit.
            var perRequest = (input + terms.outputTokenWeight * t.output) / terms.inputTokensPerMinute
            if let outputLimit = terms.outputTokensPerMinute { perRequest = max(perRequest, t.output / outputLimit) }
            pools = [Pool(perRequestPerMinute: perRequest, fixed: terms.units, unitPrice: terms.unitPrice,
                          minUnits: Double(terms.minUnits), increment: increment)]
        }
        batchShare = workload.batchShare
        day = dayShapes?.profile(workload.loadShape) ?? DayProfile(workload.loadShape)
        self.overflow = overflow
        overheads = OverheadCharges(terms.overheads)
        trend = TrendFactors(perYear: terms.priceChangePerYear, tables: trends)
        ledgers = terms.termMonths > 1 ? pools.map { _ in ReservationLedger(termMonths: terms.termMonths) } : []
    }

    /// Units bought for a term carry what earlier months bought.
    var isStateless: Bool { ledgers.isEmpty }
    var mayOweWhenIdle: Bool { !ledgers.isEmpty }
    func restart() { for k in ledgers.indices { ledgers[k].restart() } }

    func continueFrom(_ earlier: any MonthlyCostModel) {
        guard let earlier = earlier as? ProvisionedCapacity, earlier.ledgers.count == ledgers.count else { return }
        for k in ledgers.indices { ledgers[k].continueFrom(earlier.ledgers[k]) }
    }

    /// What the units cost in a month the option does not serve, once it has: every purchase to
    /// the end of its term (nothing more is bought). nil: nothing.
    func committedCost(_ demand: MonthDemand) -> MonthCost? {
        guard !ledgers.isEmpty else { return nil }
        var owed = MonthCost()
        for k in pools.indices {
            owed.costs.provisioned += ledgers[k].hold(0, month: demand.index, factor: 0).pricedHeld * pools[k].unitPrice * unitTime(demand)
        }
        return owed.costs.provisioned > 0 ? owed : nil
    }

    /// The month in the unit price's terms: one unit-month, or its hours.
    private func unitTime(_ demand: MonthDemand) -> Double { terms.pricedPerMonth ? 1 : demand.date.hours }

    /// What the units bought for a term still owe after the horizon: each purchase for the rest
    /// of its term, at the price it was bought at.
    func owedAfter(_ horizon: HorizonEnd, startedIn start: Int) -> OwedCommitment? {
        var parts: [OwedCommitment?] = []
        for k in ledgers.indices {
            for (purchase, left) in ledgers[k].owed(after: horizon.months) {
                let time = terms.pricedPerMonth ? Double(left) : horizon.hours(left)
                parts.append(OwedCommitment(months: left, amount: purchase.count * pools[k].unitPrice * purchase.factor * time))
            }
        }
        return OwedCommitment.combining(parts)
    }

    func monthTotal(_ demand: MonthDemand, isLast: Bool) -> Double { monthCost(demand, isLast: isLast).costs.total }
    var oneTimeCost: Double { overheads.oneTime }

    /// Units of a pool for a load of `requestsPerMinute`: rounded up to the increment, at least the minimum.
    func units(_ pool: Pool, forLoad requestsPerMinute: Double) -> Double {
        let raw = (requestsPerMinute * pool.perRequestPerMinute / terms.maxUtilization * (1 - 1e-12)).rounded(.up)
        return max(pool.minUnits, (raw / pool.increment).rounded(.up) * pool.increment)
    }

    func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost {
        let minutes = demand.date.hours * 60
        let average = demand.requests / minutes
        let batch = average * batchShare, interactive = average - batch
        // Batch traffic fills the valleys: it adds to every hour and does not peak.
        let peak = interactive * day.peakFactor + batch
        let factor = trend.factor(month: demand.index), time = unitTime(demand), price = factor * time
        var lines = CostLines()
        var held = 0.0
        // Requests a minute the units serve: the scarcest pool decides.
        var capacity = Double.infinity
        for k in pools.indices {
            let need = pools[k].fixed.map(Double.init) ?? units(pools[k], forLoad: peak)
            let units: Double
            if ledgers.isEmpty {
                units = need
                lines.provisioned += units * pools[k].unitPrice * price
            } else {
                let (held, pricedHeld) = ledgers[k].hold(need, month: demand.index, factor: factor)
                units = held
                lines.provisioned += pricedHeld * pools[k].unitPrice * time
            }
            held += units
            if pools[k].perRequestPerMinute > 0 {
                capacity = min(capacity, units * terms.maxUtilization / pools[k].perRequestPerMinute)
            }
        }
        // What the units cannot take, hour by hour of a typical day (with only a peak known, its
        // one hour a day).
        var excessPerDay = 0.0
        if let factors = day.hourlyFactors {
            for f in factors { excessPerDay += max(0, interactive * f + batch - capacity) * 60 }
        } else {
            excessPerDay = max(0, peak - capacity) * 60
        }
        let excess = min(demand.requests, excessPerDay * Double(demand.date.days))
        let unmet = APIBill.overflow(overflow, excess, demand, into: &lines)
        overheads.charge(&lines, demand, team: false)
        let tokens = tokensPerRequest.scaled(by: demand.requests)
        let served = (demand.requests - excess) / minutes
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output, replicas: held,
                         utilization: capacity.isFinite && capacity > 0 ? served / (capacity / terms.maxUtilization) : nil,
                         unmetRequests: unmet)
    }
}
