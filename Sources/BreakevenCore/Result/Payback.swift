/// When a bought machine has paid for itself against one other option: what a person weighing a
/// machine for the desk asks of every alternative, not only the baseline ("never against the $20
/// plan; month 36 against pay-per-token").
public struct Payback: Sendable, Hashable, Codable {
    /// The other option's id.
    public var against: String
    /// The first month from which the machine's cumulative cash cost (resale not counted) stays at
    /// or below the other option's; nil: not within the horizon.
    @ExplicitNull public var paybackMonth: Int?
    /// The other option's total cost over the horizon less the machine's (as `savings_vs_baseline`:
    /// resale and the book value at the end credited).
    public var savings: Double

    enum CodingKeys: String, CodingKey {
        case against
        case paybackMonth = "payback_month"
        case savings
    }
}
