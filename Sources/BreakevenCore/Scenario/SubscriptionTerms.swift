/// A flat fee per seat with a usage allowance; what does not fit goes to an API or is unmet.
struct SubscriptionTerms: Sendable, Hashable {
    var monthlyFee: Double
    var seats: Int = 1
    /// Requests included per seat per month; nil: unlimited.
    var includedRequestsPerMonth: Double?
    /// The id of the api option that serves overflow; nil: overflow stays unmet.
    var overflowOptionID: String?
    var priceChangePerYear: Double = 0
}
