/// A rule that cannot be checked: bad syntax, an unknown option or metric, or a metric the
/// option does not have. Never a pass: the command stops with an input error (64 for
/// `--fail-on`, 65 for a scenario's `guardrails`).
public struct GuardrailProblem: Error, Sendable, Hashable {
    /// How the rule is named: `--fail-on self.total_cost>2M` or `guardrails[0] …`.
    public var rule: String
    public var message: String
    var fromCommandLine: Bool

    public var formatted: String { "\(rule): \(message)" }

    /// `run` has no base to compare with.
    public static func changeNeedsDiff(_ rule: GuardrailRule) -> GuardrailProblem {
        GuardrailProblem(rule, "a change against the base (such as :+10%) can only be checked by breakeven diff")
    }
}

extension GuardrailProblem {
    public init(_ rule: GuardrailRule, _ message: String) {
        self.rule = rule.name
        self.message = message
        if case .commandLine = rule.origin { fromCommandLine = true } else { fromCommandLine = false }
    }
}
