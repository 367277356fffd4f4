import BreakevenCore
import Foundation

/// What `fit` is asked: which months, in which time zone, how to count requests the exports do
/// not count, and which long-context thresholds request classes must respect.
public struct FitOptions: Sendable {
    public var since: CalendarMonth?
    public var until: CalendarMonth?
    /// Where the hourly load shape's hours are counted (IANA name; default UTC).
    public var timeZone: TimeZone
    /// Write an `uncertainty` block of the fitted figures with their standard errors.
    public var uncertainty: Bool
    /// Prompt tokens per request, to count the requests of exports that carry none.
    public var tokensPerRequest: Double?
    /// A format whose request counts give the prompt tokens per request for those exports.
    public var requestsFrom: UsageFormat?
    /// Prompt-token thresholds of long-context prices (from the catalog): request classes split there.
    public var longContextThresholds: [Int]
    /// The currency of the scenario the workload goes into (billed amounts in another are left out);
    /// nil: written as exported.
    public var currency: String?

    public init(since: CalendarMonth? = nil, until: CalendarMonth? = nil, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current,
                uncertainty: Bool = false, tokensPerRequest: Double? = nil, requestsFrom: UsageFormat? = nil,
                longContextThresholds: [Int] = [], currency: String? = nil) {
        self.since = since
        self.until = until
        self.timeZone = timeZone
        self.uncertainty = uncertainty
        self.tokensPerRequest = tokensPerRequest
        self.requestsFrom = requestsFrom
        self.longContextThresholds = longContextThresholds
        self.currency = currency
    }
}
