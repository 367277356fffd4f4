/// What the months that happened (`workload.actuals`) would have cost under one option
/// (`Simulator.replay`): the same figures as the projection's months, their total, and the
/// savings against the baseline's replay.
public struct ReplayResult: Sendable, Hashable, Codable {
    public var months: [MonthResult]
    public var totalCost: Double
    public var savingsVsBaseline: Double

    public init(months: [MonthResult], totalCost: Double, savingsVsBaseline: Double) {
        self.months = months
        self.totalCost = totalCost
        self.savingsVsBaseline = savingsVsBaseline
    }

    enum CodingKeys: String, CodingKey {
        case months
        case totalCost = "total_cost"
        case savingsVsBaseline = "savings_vs_baseline"
    }
}

/// A month that happened, as the result lists it beside the replays: what was used and, where
/// the export says, what the provider billed.
public struct ActualInfo: Sendable, Hashable, Codable {
    public var month: CalendarMonth
    public var requests: Double
    public var inputTokens: Double
    public var cachedInputTokens: Double
    public var outputTokens: Double
    public var batchRequests: Double
    public var billed: Double?

    public init(_ a: ActualMonth) {
        month = a.month
        requests = a.requests
        inputTokens = a.inputTokens
        cachedInputTokens = a.cachedInputTokens
        outputTokens = a.outputTokens
        batchRequests = a.batchRequests
        billed = a.billed
    }

    enum CodingKeys: String, CodingKey {
        case month, requests
        case inputTokens = "input_tokens"
        case cachedInputTokens = "cached_input_tokens"
        case outputTokens = "output_tokens"
        case batchRequests = "batch_requests"
        case billed
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(month, forKey: .month)
        try c.encode(requests, forKey: .requests)
        try c.encode(inputTokens, forKey: .inputTokens)
        try c.encode(cachedInputTokens, forKey: .cachedInputTokens)
        try c.encode(outputTokens, forKey: .outputTokens)
        try c.encode(batchRequests, forKey: .batchRequests)
        try c.encode(billed, forKey: .billed)
    }
}
