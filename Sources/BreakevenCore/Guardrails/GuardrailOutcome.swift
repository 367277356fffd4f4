/// What checking one rule on one option found.
public struct GuardrailOutcome: Sendable, Hashable, Encodable {
    public enum Status: String, Sendable, Hashable, Encodable {
        case passed, breached
        /// Nothing to check: a change rule on an option new in HEAD, or `*` matching no option.
        case skipped
    }

    /// How the rule is named: `--fail-on self.total_cost>2M` or `guardrails[0] …`.
    public var rule: String
    /// The option checked; `*` when a rule matched none.
    public var option: String
    public var metric: GuardrailMetric
    public var status: Status
    /// The value checked (HEAD's for a change rule); nil for "never breaks even" or when skipped.
    @ExplicitNull public var value: Double?
    /// The base value a change rule compares with.
    @ExplicitNull var baseValue: Double?
    /// The 1-based month of a `monthly_cost` value.
    @ExplicitNull public var month: Int?
    /// The whole sentence: `--fail-on …: total cost of self is $2.1M; at most $2M allowed, over by …`.
    public var message: String

    enum CodingKeys: String, CodingKey {
        case rule, option, metric, status, value
        case baseValue = "base_value"
        case month, message
    }
}
