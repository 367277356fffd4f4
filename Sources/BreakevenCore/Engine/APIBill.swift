/// What a pay-per-token API charges for a month of requests.
struct APIBill {
    let pricing: APIPricing
    let workload: Workload
    var trend: TrendFactors

    init(pricing: APIPricing, workload: Workload) {
        self.pricing = pricing
        self.workload = workload
        trend = TrendFactors(perYear: pricing.priceChangePerYear)
    }

    /// Token cost per class at its tier (a long-context cliff applies per request, by the class's
    /// prompt size, never by the month's total); batch traffic at batch prices; per-request fees;
    /// then the price trend and the negotiated discount; then the monthly minimum.
    func cost(_ demand: MonthDemand, applyMinimum: Bool = true) -> (cost: Double, tokens: TokenCounts) {
        let batch = workload.batchShare
        var tokenCost = 0.0
        var all = TokenCounts(requests: 0, classes: [], outputMultiplier: 1)
        for c in workload.classes {
            let t = TokenCounts(requests: demand.requests, class: c, outputMultiplier: pricing.outputTokenMultiplier)
            let tier = pricing.tier(forInputTokens: c.inputTokens)
            func priced(_ p: TokenPrices) -> Double {
                (t.uncachedInput * p.input + t.cachedInput * p.cachedInput + t.output * p.output) / 1e6
            }
            tokenCost += (1 - batch) * priced(tier.standard) + batch * priced(tier.batch)
            all.uncachedInput += t.uncachedInput
            all.cachedInput += t.cachedInput
            all.input += t.input
            all.output += t.output
        }
        let beforeTrend = tokenCost + demand.requests * pricing.perRequest
        let cost = beforeTrend * trend.factor(month: demand.index) * (1 - pricing.discount)
        return (applyMinimum ? max(cost, pricing.minimumMonthly) : cost, all)
    }

    func monthCost(_ demand: MonthDemand) -> MonthCost {
        let (cost, tokens) = cost(demand)
        var lines = CostLines()
        lines.api = cost
        lines.fixed = pricing.overheads.fixedPerMonth
        if demand.isFirstActive { lines.oneTime = pricing.overheads.oneTimeTotal }
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output)
    }

    func month(_ demand: MonthDemand) -> MonthlyProjection { MonthlyProjection(demand, monthCost(demand)) }
}
