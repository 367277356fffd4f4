/// One option in one month: the demand it served and what it cost.
public struct MonthlyProjection: Sendable, Hashable {
    /// 0-based inside the engine; outputs print index + 1.
    public var index: Int
    public var date: CalendarMonth
    public var requests: Double
    /// Tokens this option processes (output after its output_token_multiplier).
    public var inputTokens: Double
    public var outputTokens: Double
    public var costs: CostLines
    public var cumulativeCost: Double
    /// Replicas (self-hosted, the month's peak) or units (owned hardware); nil for APIs.
    public var replicas: Double?
    /// Served load over provisioned capacity, averaged over the month; nil where nothing is provisioned.
    public var utilization: Double?
    public var unmetRequests: Double
    /// What keeping the option running costs this month: no one-time costs, and bought
    /// machines counted amortized, so purchases and end-of-horizon credits do not decide it.
    public var runRateCost: Double
    /// The book value of machines still owned when the option stops (the horizon ends or a switch
    /// leaves it), credited in `costs.hardware`: money back only if they are sold.
    var resaleCredit: Double
    /// GPUs paid for at the month's peak hour (rented GPUs: whole instances, reserved ones
    /// included); nil where none are rented.
    public var gpus: Double?

    init(index: Int, date: CalendarMonth, requests: Double, inputTokens: Double, outputTokens: Double,
                costs: CostLines, cumulativeCost: Double = 0, replicas: Double? = nil, utilization: Double? = nil,
                unmetRequests: Double = 0, runRateCost: Double? = nil, resaleCredit: Double = 0, gpus: Double? = nil) {
        self.index = index
        self.date = date
        self.requests = requests
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.costs = costs
        self.cumulativeCost = cumulativeCost
        self.replicas = replicas
        self.utilization = utilization
        self.unmetRequests = unmetRequests
        self.runRateCost = runRateCost ?? costs.runRate
        self.resaleCredit = resaleCredit
        self.gpus = gpus
    }

    public var totalCost: Double { costs.total }
}
