import Foundation

/// The workload of one month as every option sees it.
public struct MonthDemand: Sendable, Hashable {
    public var index: Int
    public var date: CalendarMonth
    public var requests: Double
    /// The month the serving option started in: its one-time costs fall there (0 for a
    /// standalone option; the switch month for the option a switch moves to).
    var firstActiveIndex: Int

    init(index: Int, date: CalendarMonth, requests: Double, firstActiveIndex: Int = 0) {
        self.index = index
        self.date = date
        self.requests = requests
        self.firstActiveIndex = firstActiveIndex
    }

    /// The same month with the volume scaled (overflow, routes of a mix, breakeven-volume search).
    public func with(requests: Double) -> MonthDemand {
        MonthDemand(index: index, date: date, requests: requests, firstActiveIndex: firstActiveIndex)
    }

    /// The same month for an option that started in month `first`.
    func startingIn(_ first: Int) -> MonthDemand {
        MonthDemand(index: index, date: date, requests: requests, firstActiveIndex: first)
    }

    var isFirstActive: Bool { index == firstActiveIndex }
}

/// Tokens of requests, summed over the request classes: worked out once for one average
/// request, then scaled by each month's volume (every token count is linear in requests).
struct TokenCounts {
    var uncachedInput = 0.0
    var cachedInput = 0.0
    /// Prompt tokens written to the cache (billed at the write price by APIs).
    var cacheWrite = 0.0
    /// Kept apart from its two parts so that reports show the exact product, not a rounded sum.
    var input = 0.0
    var output = 0.0

    /// The tokens of one average request.
    init(perRequestOf classes: [RequestClass], outputMultiplier: Double) {
        for c in classes { add(TokenCounts(perRequestOf: c, outputMultiplier: outputMultiplier), share: c.share) }
    }

    /// The tokens of one request of class c (its share not applied).
    init(perRequestOf c: RequestClass, outputMultiplier: Double) {
        input = c.inputTokens
        cachedInput = c.inputTokens * c.cachedInputShare
        cacheWrite = c.inputTokens * c.cacheWriteShare
        uncachedInput = c.inputTokens * (1 - c.cachedInputShare - c.cacheWriteShare)
        output = c.outputTokens * outputMultiplier
    }

    private init(uncachedInput: Double, cachedInput: Double, cacheWrite: Double, input: Double, output: Double) {
        self.uncachedInput = uncachedInput
        self.cachedInput = cachedInput
        self.cacheWrite = cacheWrite
        self.input = input
        self.output = output
    }

    private mutating func add(_ t: TokenCounts, share: Double) {
        uncachedInput += share * t.uncachedInput
        cachedInput += share * t.cachedInput
        cacheWrite += share * t.cacheWrite
        input += share * t.input
        output += share * t.output
    }

    /// The tokens of n requests like these.
    func scaled(by n: Double) -> TokenCounts {
        TokenCounts(uncachedInput: n * uncachedInput, cachedInput: n * cachedInput, cacheWrite: n * cacheWrite, input: n * input,
                    output: n * output)
    }
}

/// A yearly trend x applied to month i: (1 + x)^(i/12).
func trendFactor(_ perYear: Double, month i: Int) -> Double {
    perYear == 0 ? 1 : pow(1 + perYear, Double(i) / 12)
}
