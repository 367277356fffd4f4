import Foundation

/// The workload of one month as every option sees it.
public struct MonthDemand: Sendable, Hashable {
    public var index: Int
    public var date: CalendarMonth
    public var requests: Double
    /// The month the serving option started in: its one-time costs fall there (0 for a
    /// standalone option; the switch month for the option a switch moves to).
    public var firstActiveIndex: Int

    public init(index: Int, date: CalendarMonth, requests: Double, firstActiveIndex: Int = 0) {
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

/// Tokens of a month's requests, summed over the request classes.
struct TokenCounts {
    var uncachedInput = 0.0
    var cachedInput = 0.0
    /// Kept apart from its two parts so that reports show the exact product, not a rounded sum.
    var input = 0.0
    var output = 0.0

    init(requests: Double, classes: [RequestClass], outputMultiplier: Double) {
        for c in classes { add(requests: requests, class: c, outputMultiplier: outputMultiplier) }
    }

    /// One class's tokens alone (no array to allocate).
    init(requests: Double, class c: RequestClass, outputMultiplier: Double) {
        add(requests: requests, class: c, outputMultiplier: outputMultiplier)
    }

    private mutating func add(requests: Double, class c: RequestClass, outputMultiplier: Double) {
        let n = requests * c.share
        let tokens = n * c.inputTokens
        input += tokens
        cachedInput += tokens * c.cachedInputShare
        uncachedInput += tokens * (1 - c.cachedInputShare)
        output += n * c.outputTokens * outputMultiplier
    }
}

/// A yearly trend x applied to month i: (1 + x)^(i/12).
func trendFactor(_ perYear: Double, month i: Int) -> Double {
    perYear == 0 ? 1 : pow(1 + perYear, Double(i) / 12)
}
