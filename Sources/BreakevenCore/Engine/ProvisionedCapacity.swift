/// Reserved model capacity bought from an API provider (Azure OpenAI provisioned throughput
/// units, OpenAI Scale Tier, Amazon Bedrock provisioned throughput), as a provisioned option's
/// declaration lowers it.
struct ProvisionedTerms: ServingTerms, Sendable {
    /// Units held every month; nil: sized for each month's peak hour ("auto").
    var units: Int?
    var unitPrice: Double
    /// The price is per unit-month (a reservation), not per unit-hour.
    var pricedPerMonth: Bool
    /// Units change only at the end of a term; within one they may rise, never fall.
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
        var overflow: APIBill?
        if let id = overflowOptionID, case .single(let terms)? = context.scenario.kind(of: id), let pricing = terms as? APIPricing {
            overflow = APIBill(pricing: pricing, workload: context.workload, trends: context.trends)
        }
        return ProvisionedCapacity(self, workload: context.workload, overflow: overflow, trends: context.trends)
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
    /// Units committed for the current term, by pool (auto sizing with a term longer than a
    /// month), and what was held in the last month served: the state carried from month to
    /// month, by reference.
    private let committed = Committed()

    final class Committed {
        var units: [Double] = [0, 0]
        /// The last month served (0-based; -1: none yet), and the units held in it, by pool.
        var lastServed = -1
        var held: [Double] = [0, 0]

        func copy(_ other: Committed) {
            (units, lastServed, held) = (other.units, other.lastServed, other.held)
        }
    }
    let batchShare: Double
    let hourlyFactors: [Double]?
    let peakFactor: Double
    let overflow: APIBill?
    let overheads: OverheadCharges
    let trend: TrendFactors

    init(_ terms: ProvisionedTerms, workload: Workload, overflow: APIBill?, trends: TrendTableCache?) {
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
        hourlyFactors = workload.loadShape.hourlyFactors
        peakFactor = workload.loadShape.peakFactor
        self.overflow = overflow
        overheads = OverheadCharges(terms.overheads)
        trend = TrendFactors(perYear: terms.priceChangePerYear, tables: trends)
    }

    var isStateless: Bool { terms.termMonths <= 1 || pools.allSatisfy { $0.fixed != nil } }

    func continueFrom(_ earlier: any MonthlyCostModel) {
        guard let earlier = earlier as? ProvisionedCapacity else { return }
        committed.copy(earlier.committed)
    }

    /// Units are held for a term: leaving in its middle does not end it.
    var owesUntilTermEnd: Bool { terms.termMonths > 1 }

    /// What the units cost in a month the option does not serve, once it has: the units of the
    /// term it last served in, to that term's end (terms run from month 1, as the sizing counts
    /// them). nil: nothing.
    func committedCost(_ demand: MonthDemand) -> MonthCost? {
        let term = terms.termMonths
        guard term > 1, committed.lastServed >= 0, demand.index / term == committed.lastServed / term else { return nil }
        var owed = MonthCost()
        owed.costs.provisioned = heldCost(at: demand.index) * (terms.pricedPerMonth ? 1 : demand.date.hours)
        return owed.costs.provisioned > 0 ? owed : nil
    }

    /// What the units of the last term served still owe after the horizon: every month to the
    /// term's end, at the price of the horizon's last month.
    func owedAfter(_ horizon: HorizonEnd) -> OwedCommitment? {
        let term = terms.termMonths
        guard term > 1, committed.lastServed >= 0 else { return nil }
        let months = (committed.lastServed / term + 1) * term - horizon.months
        let perUnitTime = heldCost(at: horizon.months - 1)
        guard months > 0, perUnitTime > 0 else { return nil }
        return OwedCommitment(months: months, amount: perUnitTime * (terms.pricedPerMonth ? Double(months) : horizon.hours(months)))
    }

    /// The held units' price per month or per hour (as the unit price is quoted) in month `index`.
    private func heldCost(at index: Int) -> Double {
        var cost = 0.0
        for k in pools.indices { cost += committed.held[k] * pools[k].unitPrice }
        return cost * trend.factor(month: index)
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
        let peak = interactive * peakFactor + batch
        let price = trend.factor(month: demand.index) * (terms.pricedPerMonth ? 1 : demand.date.hours)
        var lines = CostLines()
        var held = 0.0
        // Requests a minute the units serve: the scarcest pool decides.
        var capacity = Double.infinity
        for k in pools.indices {
            let need = units(pools[k], forLoad: peak)
            let units: Double
            if let fixed = pools[k].fixed {
                units = Double(fixed)
            } else if terms.termMonths > 1 {
                committed.units[k] = demand.index % terms.termMonths == 0 ? need : max(committed.units[k], need)
                units = committed.units[k]
            } else {
                units = need
            }
            held += units
            committed.held[k] = units
            lines.provisioned += units * pools[k].unitPrice * price
            if pools[k].perRequestPerMinute > 0 {
                capacity = min(capacity, units * terms.maxUtilization / pools[k].perRequestPerMinute)
            }
        }
        // What the units cannot take, hour by hour of a typical day (with only a peak known, its
        // one hour a day).
        var excessPerDay = 0.0
        if let factors = hourlyFactors {
            for f in factors { excessPerDay += max(0, interactive * f + batch - capacity) * 60 }
        } else {
            excessPerDay = max(0, peak - capacity) * 60
        }
        committed.lastServed = demand.index
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
