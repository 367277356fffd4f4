/// What is asked of the model: how many requests, of what size, growing how, arriving when.
struct Workload: Sendable, Hashable {
    enum Volume: Sendable, Hashable {
        case perMonth(Double)
        /// Per day × the days of each month.
        case perDay(Double)
    }

    var volume: Volume
    /// At least one; shares sum to 1. A single-size workload is one class named "all".
    var classes: [RequestClass]
    /// Share of traffic that can wait: batch prices on APIs, valleys on GPUs.
    var batchShare: Double = 0
    var growth: Growth = .flat
    var loadShape: LoadShape = .flat
    /// Maturity phases; empty: one phase, every option allowed.
    var phases: [WorkloadPhase] = []
    /// Months that happened, oldest first (`workload.actuals`): replayed, and compared by `drift`.
    var actuals: [ActualMonth] = []

    /// Requests in month i (0-based) starting at `start`: base volume × growth(i) × phase multiplier(i).
    func requests(month i: Int, start: CalendarMonth) -> Double {
        let base: Double
        switch volume {
        case .perMonth(let n): base = n
        case .perDay(let n): base = n * Double(start.adding(months: i).days)
        }
        return base * growth.factor(month: i) * phases.volumeMultiplier(month: i)
    }

    /// Mean input and output tokens of one request, over the classes.
    var tokensPerRequest: (input: Double, output: Double) {
        classes.reduce((0, 0)) { ($0.0 + $1.share * $1.inputTokens, $0.1 + $1.share * $1.outputTokens) }
    }
}

/// A kind of request with its own size and cache behaviour (chat, RAG, summarise…).
struct RequestClass: Sendable, Hashable {
    var name: String
    var share: Double
    var inputTokens: Double
    var outputTokens: Double
    /// Share of prompt tokens read from the prompt cache.
    var cachedInputShare: Double = 0
    /// Share of prompt tokens written to the prompt cache (billed at the write price); with the
    /// cached share at most 1, the rest is uncached input.
    var cacheWriteShare: Double = 0
    /// The lifetime the writes ask for, which some providers price apart (Anthropic: 1 hour at 2× input).
    var cacheWriteTTL: CacheWriteTTL = .fiveMinutes
}

/// How long a prompt-cache write is kept: genai-prices `cache_write_5m`/`cache_write_1h`, LiteLLM
/// `cache_creation_input_token_cost` and `…_above_1hr`.
public enum CacheWriteTTL: String, Sendable, Hashable, CaseIterable {
    case fiveMinutes = "5m"
    case oneHour = "1h"
}
