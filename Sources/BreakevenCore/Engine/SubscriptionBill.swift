/// A flat fee per seat; requests beyond the allowance go to an API option or stay unmet.
struct SubscriptionBill {
    let terms: SubscriptionTerms
    let workload: Workload
    /// The api option that serves overflow, if any.
    var overflow: APIBill?
    var feeTrend: TrendFactors

    init(terms: SubscriptionTerms, workload: Workload, overflow: APIBill?) {
        self.terms = terms
        self.workload = workload
        self.overflow = overflow
        feeTrend = TrendFactors(perYear: terms.priceChangePerYear)
    }

    func month(_ demand: MonthDemand) -> MonthlyProjection { MonthlyProjection(demand, monthCost(demand)) }

    func monthCost(_ demand: MonthDemand) -> MonthCost {
        var lines = CostLines()
        lines.subscription = terms.monthlyFee * Double(terms.seats) * feeTrend.factor(month: demand.index)
        var excess = 0.0
        if let included = terms.includedRequestsPerMonth {
            excess = max(0, demand.requests - included * Double(terms.seats))
        }
        var unmet = 0.0
        if excess > 0 {
            if let overflow {
                // Priced as that api option would price just these requests; its monthly
                // minimum belongs to its own contract and is not charged here.
                lines.api = overflow.cost(demand.with(requests: excess), applyMinimum: false).cost
            } else {
                unmet = excess
            }
        }
        let tokens = TokenCounts(requests: demand.requests, classes: workload.classes, outputMultiplier: 1)
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output, unmetRequests: unmet)
    }
}
