/// What the tokens of an option that provisions capacity (rented GPUs, owned machines, any kind
/// that serves from replicas of a known throughput) cost month by month: the input of
/// `breakeven export prices`, which turns self-hosted costs into per-token prices for gateways
/// and observability tools that would otherwise count them at $0.
///
/// A month's cost to keep running (`run_rate_cost`: no one-time costs, bought machines
/// amortized) is split between input and output by the time each takes on a replica, the
/// capacity model's own shares: prefilled prompt tokens (uncached and written to the cache) ÷
/// the prefill rate, output tokens ÷ the decode rate. Cached prompt tokens take no replica time
/// (the prefix cache serves them), so their effective price is 0. Idle capacity is included:
/// the price is at the month's projected utilization.
public struct TokenCostBreakdown: Sendable, Hashable, Codable {
    /// One replica's prefill and decode rates, tokens per second.
    public var inputTokensPerSecond: Double
    public var outputTokensPerSecond: Double
    public var months: [Month]

    public struct Month: Sendable, Hashable, Codable {
        /// 1-based.
        public var month: Int
        public var date: CalendarMonth
        public var uncachedInputTokens: Double
        public var cachedInputTokens: Double
        public var cacheWriteTokens: Double
        public var outputTokens: Double
        public var runRateCost: Double
        public var oneTimeCost: Double
        /// Replica-hours provisioned at the month's peak (replicas × hours of the month).
        public var replicaHours: Double

        enum CodingKeys: String, CodingKey {
            case month, date
            case uncachedInputTokens = "uncached_input_tokens"
            case cachedInputTokens = "cached_input_tokens"
            case cacheWriteTokens = "cache_write_tokens"
            case outputTokens = "output_tokens"
            case runRateCost = "run_rate_cost"
            case oneTimeCost = "one_time_cost"
            case replicaHours = "replica_hours"
        }
    }

    /// USD per million tokens of each kind, and the share of the month's cost each direction carries.
    public struct Prices: Sendable, Hashable {
        /// Uncached and cache-written prompt tokens (both prefilled).
        public var input: Double
        public var cachedInput: Double
        public var output: Double
        public var inputCost: Double
        public var outputCost: Double
    }

    enum CodingKeys: String, CodingKey {
        case inputTokensPerSecond = "input_tokens_per_second"
        case outputTokensPerSecond = "output_tokens_per_second"
        case months
    }

    /// The month's effective prices; nil when it served no token (its cost is capacity held, not tokens).
    public func prices(_ m: Month) -> Prices? {
        let prefilled = m.uncachedInputTokens + m.cacheWriteTokens
        let inputTime = inputTokensPerSecond > 0 ? prefilled / inputTokensPerSecond : 0
        let outputTime = outputTokensPerSecond > 0 ? m.outputTokens / outputTokensPerSecond : 0
        guard inputTime + outputTime > 0 else { return nil }
        let inputCost = m.runRateCost * inputTime / (inputTime + outputTime)
        let outputCost = m.runRateCost - inputCost
        return Prices(input: prefilled > 0 ? inputCost / prefilled * 1e6 : 0, cachedInput: 0,
                      output: m.outputTokens > 0 ? outputCost / m.outputTokens * 1e6 : 0, inputCost: inputCost, outputCost: outputCost)
    }
}

extension TokenCostBreakdown {
    /// nil for options that do not provision capacity (APIs, subscriptions, switches, mixes).
    init?(option: ServingOption, workload: Workload, months: [MonthlyProjection]) {
        guard let provisioning = option.provisioning, let throughput = provisioning.throughput else { return nil }
        let multiplier = provisioning.outputTokenMultiplier
        inputTokensPerSecond = throughput.inputTokensPerSecond
        outputTokensPerSecond = throughput.outputTokensPerSecond
        let perRequest = TokenCounts(perRequestOf: workload.classes, outputMultiplier: multiplier)
        self.months = months.map { m in
            let t = perRequest.scaled(by: max(0, m.requests - m.unmetRequests))
            return Month(month: m.index + 1, date: m.date, uncachedInputTokens: t.uncachedInput, cachedInputTokens: t.cachedInput,
                         cacheWriteTokens: t.cacheWrite, outputTokens: t.output, runRateCost: m.runRateCost,
                         oneTimeCost: m.costs.oneTime, replicaHours: (m.replicas ?? 0) * m.date.hours)
        }
    }
}
