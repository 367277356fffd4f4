/// What a pay-per-token API charges for a month of requests. A value (it carries no state):
/// a subscription's overflow bill is read in place, not retained every month.
struct APIBill {
    /// USD for one average request at list prices: each class's tokens at its tier (a
    /// long-context cliff applies per request, by the class's prompt size, never by the month's
    /// total; the prompt counts cached and written tokens too, as genai-prices' `input_tokens`
    /// and LiteLLM's `prompt_tokens` do), uncached, cache-read and cache-written prompt tokens
    /// each at their price (the write price of the class's cache lifetime), batch traffic at
    /// batch prices, plus the per-request fee. The bill is linear in requests, so this is worked
    /// out once, not every month.
    let costPerRequest: Double
    /// Tokens of one average request, output after the option's multiplier.
    let tokensPerRequest: TokenCounts
    let discount: Double
    let minimumMonthly: Double
    let overheads: OverheadCharges
    let trend: TrendFactors

    init(pricing: APIPricing, workload: borrowing Workload, trends: TrendTableCache? = nil) {
        let batch = workload.batchShare
        var tokenCost = 0.0
        for c in workload.classes {
            let t = TokenCounts(perRequestOf: c, outputMultiplier: pricing.outputTokenMultiplier)
            let tier = pricing.tier(forInputTokens: c.inputTokens)
            func priced(_ p: TokenPrices) -> Double {
                (t.uncachedInput * p.input + t.cachedInput * p.cachedInput + t.cacheWrite * p.cacheWrite(c.cacheWriteTTL)
                    + t.output * p.output) / 1e6
            }
            tokenCost += c.share * ((1 - batch) * priced(tier.standard) + batch * priced(tier.batch))
        }
        costPerRequest = tokenCost + pricing.perRequest
        tokensPerRequest = TokenCounts(perRequestOf: workload.classes, outputMultiplier: pricing.outputTokenMultiplier)
        discount = pricing.discount
        minimumMonthly = pricing.minimumMonthly
        overheads = OverheadCharges(pricing.overheads)
        trend = TrendFactors(perYear: pricing.priceChangePerYear, tables: trends)
    }

    /// requests × cost per request, then the price trend and the negotiated discount; then the
    /// monthly minimum.
    func cost(_ demand: MonthDemand, applyMinimum: Bool = true) -> Double {
        let cost = demand.requests * costPerRequest * trend.factor(month: demand.index) * (1 - discount)
        return applyMinimum ? max(cost, minimumMonthly) : cost
    }

    @inline(__always)
    func monthCost(_ demand: MonthDemand) -> MonthCost {
        var lines = CostLines()
        lines.api = cost(demand)
        overheads.charge(&lines, demand, team: false)
        let tokens = tokensPerRequest.scaled(by: demand.requests)
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output)
    }

    func month(_ demand: MonthDemand) -> MonthlyProjection { MonthlyProjection(demand, monthCost(demand)) }
}

extension APIBill {
    /// Requests an option cannot take itself (past a subscription's allowance, above provisioned
    /// units): billed to its `overflow` api option as that option prices just these requests
    /// (its monthly minimum belongs to its own contract and is not charged here), or unmet
    /// without one. Returns the unmet requests.
    static func overflow(_ bill: APIBill?, _ excess: Double, _ demand: MonthDemand, into lines: inout CostLines) -> Double {
        guard excess > 0 else { return 0 }
        guard let bill else { return excess }
        lines.api = bill.cost(demand.with(requests: excess), applyMinimum: false)
        return 0
    }
}
