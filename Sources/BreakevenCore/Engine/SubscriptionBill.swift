/// A flat fee per seat; requests beyond the allowance go to an API option or stay unmet.
final class SubscriptionBill {
    let monthlyFee: Double
    let seats: Double
    /// Requests included per seat per month; nil: unlimited.
    let includedRequestsPerMonth: Double?
    /// The api option that serves overflow, if any.
    let overflow: APIBill?
    /// Tokens of one average request (a subscription's model is what it is: no multiplier).
    let tokensPerRequest: TokenCounts
    let feeTrend: TrendFactors

    init(terms: SubscriptionTerms, workload: borrowing Workload, overflow: APIBill?, trends: TrendTableCache? = nil) {
        monthlyFee = terms.monthlyFee
        seats = Double(terms.seats)
        includedRequestsPerMonth = terms.includedRequestsPerMonth
        self.overflow = overflow
        tokensPerRequest = TokenCounts(perRequestOf: workload.classes, outputMultiplier: 1)
        feeTrend = TrendFactors(perYear: terms.priceChangePerYear, tables: trends)
    }

    func month(_ demand: MonthDemand) -> MonthlyProjection { MonthlyProjection(demand, monthCost(demand)) }

    @inline(__always)
    func monthCost(_ demand: MonthDemand) -> MonthCost {
        var lines = CostLines()
        lines.subscription = monthlyFee * seats * feeTrend.factor(month: demand.index)
        var excess = 0.0
        if let included = includedRequestsPerMonth {
            excess = max(0, demand.requests - included * seats)
        }
        let unmet = APIBill.overflow(overflow, excess, demand, into: &lines)
        let tokens = tokensPerRequest.scaled(by: demand.requests)
        return MonthCost(costs: lines, inputTokens: tokens.input, outputTokens: tokens.output, unmetRequests: unmet)
    }
}
