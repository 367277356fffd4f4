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
    var maxUtilization: Double
    /// The api option that serves what the units cannot; nil: it stays unmet.
    var overflowOptionID: String?
    var priceChangePerYear: Double
    var overheads: Overheads

    var provisioning: Provisioning? { Provisioning(throughput: nil, devices: 0, noun: "unit") }

    func costModel(_ context: CostModelContext) -> any MonthlyCostModel {
        var overflow: APIBill?
        if let id = overflowOptionID, case .single(let terms)? = context.scenario.option(id)?.kind, let pricing = terms as? APIPricing {
            overflow = APIBill(pricing: pricing, workload: context.workload, trends: context.trends)
        }
        return ProvisionedCapacity(self, workload: context.workload, overflow: overflow, trends: context.trends)
    }
}

/// Sizes provisioned units for a month's peak hour, as rented GPUs are sized, and bills them by
/// the hour or the month; what fixed units cannot serve in busy hours goes to the overflow API.
struct ProvisionedCapacity: MonthlyCostModel {
    let terms: ProvisionedTerms
    let tokensPerRequest: TokenCounts
    /// Units one request a minute takes at full use: its weighted input against a unit's input
    /// rate, or its output against the output rate, whichever binds.
    let unitsPerRequestPerMinute: Double
    let batchShare: Double
    let hourlyFactors: [Double]?
    let peakFactor: Double
    let overflow: APIBill?
    let overheads: OverheadCharges
    let trend: TrendFactors
    /// Units committed for the current term (auto sizing with a term longer than a month).
    private var committed = 0.0

    init(_ terms: ProvisionedTerms, workload: Workload, overflow: APIBill?, trends: TrendTableCache?) {
        self.terms = terms
        tokensPerRequest = TokenCounts(perRequestOf: workload.classes, outputMultiplier: 1)
        let t = tokensPerRequest
        let weighted = t.uncachedInput + terms.cachedInputWeight * t.cachedInput + terms.outputTokenWeight * t.output
        var perRequest = weighted / terms.inputTokensPerMinute
        if let outputLimit = terms.outputTokensPerMinute { perRequest = max(perRequest, t.output / outputLimit) }
        unitsPerRequestPerMinute = perRequest
        batchShare = workload.batchShare
        hourlyFactors = workload.loadShape.hourlyFactors
        peakFactor = workload.loadShape.peakFactor
        self.overflow = overflow
        overheads = OverheadCharges(terms.overheads)
        trend = TrendFactors(perYear: terms.priceChangePerYear, tables: trends)
    }

    var isStateless: Bool { terms.units != nil || terms.termMonths <= 1 }
    var oneTimeCost: Double { overheads.oneTime }

    /// Units for a load of `requestsPerMinute`: rounded up to the increment, at least the minimum.
    func units(forLoad requestsPerMinute: Double) -> Double {
        let raw = (requestsPerMinute * unitsPerRequestPerMinute / terms.maxUtilization * (1 - 1e-12)).rounded(.up)
        let step = Double(max(1, terms.unitIncrement))
        return max(Double(terms.minUnits), (raw / step).rounded(.up) * step)
    }

    mutating func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost {
        let minutes = demand.date.hours * 60
        let average = demand.requests / minutes
        let batch = average * batchShare, interactive = average - batch
        // Batch traffic fills the valleys: it adds to every hour and does not peak.
        let need = units(forLoad: interactive * peakFactor + batch)
        let units: Double
        if let fixed = terms.units {
            units = Double(fixed)
        } else if terms.termMonths > 1 {
            committed = demand.index % terms.termMonths == 0 ? need : max(committed, need)
            units = committed
        } else {
            units = need
        }
        // Requests the units cannot take, hour by hour of a typical day (with only a peak known,
        // its one hour a day).
        let capacity = unitsPerRequestPerMinute > 0 ? units * terms.maxUtilization / unitsPerRequestPerMinute : .infinity
        var excessPerDay = 0.0
        if let factors = hourlyFactors {
            for f in factors { excessPerDay += max(0, interactive * f + batch - capacity) * 60 }
        } else {
            excessPerDay = max(0, interactive * peakFactor + batch - capacity) * 60
        }
        let excess = min(demand.requests, excessPerDay * Double(demand.date.days))

        var lines = CostLines()
        let price = terms.unitPrice * trend.factor(month: demand.index)
        lines.provisioned = units * (terms.pricedPerMonth ? price : price * demand.date.hours)
        var unmet = 0.0
        if excess > 0 {
            if let overflow {
                lines.api = overflow.cost(demand.with(requests: excess), applyMinimum: false)
            } else {
                unmet = excess
            }
        }
        overheads.charge(&lines, demand, team: false)
        let served = demand.requests - excess
        let tokens = tokensPerRequest.scaled(by: demand.requests)
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output, replicas: units,
                         utilization: units > 0 ? served / minutes * unitsPerRequestPerMinute / units : nil, unmetRequests: unmet)
    }
}
