/// A consumer or team subscription: a flat fee per seat with a usage allowance.
public struct SubscriptionPlan: Sendable, Hashable, Decodable {
    /// e.g. `openai/chatgpt-plus`
    public var id: String
    public var name: String
    public var provider: String
    /// USD per seat per month.
    public var monthlyFee: Double
    /// Requests included per seat per month; nil when the plan states no cap.
    public var includedRequestsPerMonth: Double?
    /// What the plan includes, in the provider's words.
    public var includes: String
    public var effectiveFrom: CalendarDay
    public var source: String

    public init(id: String, name: String, provider: String, monthlyFee: Double, includedRequestsPerMonth: Double?,
                includes: String, effectiveFrom: CalendarDay, source: String) {
        self.id = id
        self.name = name
        self.provider = provider
        self.monthlyFee = monthlyFee
        self.includedRequestsPerMonth = includedRequestsPerMonth
        self.includes = includes
        self.effectiveFrom = effectiveFrom
        self.source = source
    }
}
