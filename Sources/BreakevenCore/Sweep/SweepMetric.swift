/// What a sweep's grid shows.
public enum SweepMetric: String, Sendable, Hashable, CaseIterable {
    /// The option with the lowest total cost at each point.
    case cheapest
    /// The chosen option's savings against the baseline over the horizon.
    case savings
    /// The chosen option's breakeven month against the baseline ("never" within the horizon).
    case breakevenMonth = "breakeven_month"

    /// `--metric` as given.
    public static func parse(_ text: String) throws(SweepProblem) -> SweepMetric {
        guard let metric = SweepMetric(rawValue: text) else {
            throw SweepProblem("--metric \(text): expected one of cheapest, savings, breakeven_month"
                               + Suggestion.clause(for: text, in: allCases.map(\.rawValue)))
        }
        return metric
    }
}
