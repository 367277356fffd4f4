/// One option's figures over the horizon and against the baseline.
public struct OptionResult: Sendable, Hashable, Codable {
    public var id: String
    public var label: String
    public var type: String
    /// The provider whose catalog offer set the price, where one was picked for the option.
    @ExplicitNull public var provider: String? = nil
    public var totalCost: Double
    public var npv: Double
    public var averageMonthlyCost: Double
    /// The month's running cost (no one-time costs, bought machines amortized) per million
    /// workload tokens (input + output before multipliers); nil without tokens.
    @ExplicitNull public var costPerMTokFirstMonth: Double?
    @ExplicitNull public var costPerMTokLastMonth: Double?
    /// 1-based; nil for the baseline and when the option never breaks even.
    @ExplicitNull public var breakevenMonth: Int?
    @ExplicitNull public var runRateBreakevenMonth: Int?
    /// Tokens a month above which the option stays at or below the baseline; 0: always; nil: never.
    @ExplicitNull public var breakevenTokensPerMonth: Double?
    /// The same volume in requests per day of month 1.
    @ExplicitNull public var breakevenRequestsPerDay: Double?
    /// Tokens a month below which the option stays at or below the baseline, where it is cheaper
    /// only at low volume (pay per token against a subscription's flat fee); nil otherwise.
    @ExplicitNull public var cheaperBelowTokensPerMonth: Double? = nil
    /// The same volume in requests per day of month 1.
    @ExplicitNull public var cheaperBelowRequestsPerDay: Double? = nil
    public var savingsVsBaseline: Double
    public var npvSavingsVsBaseline: Double
    /// Served over provisioned capacity across the horizon; nil for APIs and subscriptions.
    @ExplicitNull public var averageUtilization: Double?
    public var unmetRequests: Double
    /// The sizing of a derived throughput; nil when throughput was given.
    @ExplicitNull public var capacity: CapacitySummary?
    /// For a switch: its month and the cost of every other.
    @ExplicitNull public var switchPlan: SwitchResult?
    /// Payback, ownership and electricity figures for the personal profile; nil for enterprise.
    @ExplicitNull public var personal: PersonalFigures?
    public var months: [MonthResult]
    /// Ranges and odds over the Monte Carlo trials; nil without an `uncertainty` block.
    @ExplicitNull public var uncertainty: OptionUncertainty? = nil
    /// The months that happened, replayed under this option; nil without `workload.actuals`.
    @ExplicitNull public var replay: ReplayResult? = nil
    /// For options that provision capacity: tokens and cost month by month, for `export prices`.
    public var tokenCosts: TokenCostBreakdown? = nil

    enum CodingKeys: String, CodingKey {
        case id, label, type, provider
        case totalCost = "total_cost"
        case npv
        case averageMonthlyCost = "average_monthly_cost"
        case costPerMTokFirstMonth = "cost_per_mtok_first_month"
        case costPerMTokLastMonth = "cost_per_mtok_last_month"
        case breakevenMonth = "breakeven_month"
        case runRateBreakevenMonth = "run_rate_breakeven_month"
        case breakevenTokensPerMonth = "breakeven_tokens_per_month"
        case breakevenRequestsPerDay = "breakeven_requests_per_day"
        case cheaperBelowTokensPerMonth = "cheaper_below_tokens_per_month"
        case cheaperBelowRequestsPerDay = "cheaper_below_requests_per_day"
        case savingsVsBaseline = "savings_vs_baseline"
        case npvSavingsVsBaseline = "npv_savings_vs_baseline"
        case averageUtilization = "average_utilization"
        case unmetRequests = "unmet_requests"
        case capacity
        case switchPlan = "switch"
        case personal
        case months
        case uncertainty
        case replay
        case tokenCosts = "token_costs"
    }
}

/// One month of one option, as the result JSON and the CSV give it.
public struct MonthResult: Sendable, Hashable, Codable {
    /// 1-based.
    public var month: Int
    public var date: CalendarMonth
    public var requests: Double
    public var inputTokens: Double
    public var outputTokens: Double
    public var costs: CostLines
    public var totalCost: Double
    public var cumulativeCost: Double
    @ExplicitNull public var replicas: Double?
    /// GPUs paid for at the month's peak hour (whole instances, reserved ones included); nil
    /// where none are rented.
    @ExplicitNull public var gpus: Double?
    @ExplicitNull public var utilization: Double?
    public var unmetRequests: Double

    init(_ m: MonthlyProjection) {
        month = m.index + 1
        date = m.date
        requests = m.requests
        inputTokens = m.inputTokens
        outputTokens = m.outputTokens
        costs = m.costs
        totalCost = m.totalCost
        cumulativeCost = m.cumulativeCost
        replicas = m.replicas
        gpus = m.gpus
        utilization = m.utilization
        unmetRequests = m.unmetRequests
    }

    enum CodingKeys: String, CodingKey {
        case month, date, requests
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
        case costs
        case totalCost = "total_cost"
        case cumulativeCost = "cumulative_cost"
        case replicas, gpus, utilization
        case unmetRequests = "unmet_requests"
    }
}
