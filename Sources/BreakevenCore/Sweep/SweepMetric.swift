/// What a sweep's grid shows.
public enum SweepMetric: String, Sendable, Hashable, CaseIterable {
    /// The option with the lowest total cost at each point.
    case cheapest
    /// The chosen option's savings against the baseline over the horizon.
    case savings
    /// The chosen option's breakeven month against the baseline ("never" within the horizon).
    case breakevenMonth = "breakeven_month"
}
