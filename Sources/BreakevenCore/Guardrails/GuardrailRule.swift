/// One rule to check, from a scenario's `guardrails` or from `--fail-on` on the command line.
///
/// Command-line rules name the breach: `self.total_cost>2.5M` fails when the total cost is above
/// $2.5M (also `>=`, `<`, `<=`); `self.total_cost:+10%` (diff only) fails when it rises by more
/// than 10% against the base, `:-10%` when it falls by more than 10%, `:+2` when it rises by more
/// than 2 of the metric's unit (dollars or months). A scenario's `max: x` is `>x`, `min: x` is `<x`.
public struct GuardrailRule: Sendable, Hashable {
    /// When a value breaches an absolute limit.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case above = ">", atOrAbove = ">=", below = "<", atOrBelow = "<="

        /// Whether larger values are the bad side.
        var limitsFromAbove: Bool { self == .above || self == .atOrAbove }

        public func breached(_ value: Double, _ limit: Double) -> Bool {
            switch self {
            case .above: return value > limit
            case .atOrAbove: return value >= limit
            case .below: return value < limit
            case .atOrBelow: return value <= limit
            }
        }
    }

    public enum Condition: Sendable, Hashable {
        case absolute(Comparison, Double)
        /// A change against the base larger than `by` (positive: a rise; negative: a fall),
        /// as a share of the base value (`percent`: 0.1 for 10%) or in the metric's unit.
        case change(by: Double, percent: Bool)
    }

    enum Origin: Sendable, Hashable {
        /// `guardrails[index]` of the scenario.
        case scenario(index: Int)
        /// `--fail-on TEXT`, the text as given.
        case commandLine(String)
    }

    public var option: String
    public var metric: GuardrailMetric
    public var condition: Condition
    var origin: Origin

    /// Every rule of a result's scenario, in order.
    public static func scenarioRules(_ guardrails: [Guardrail]) -> [GuardrailRule] {
        guardrails.enumerated().map { GuardrailRule($0.element, index: $0.offset) }
    }

    var appliesToEveryOption: Bool { option == "*" }

    /// How messages name the rule: `--fail-on self.total_cost>2.5M` or
    /// `guardrails[0] self.total_cost max 2000000`.
    public var name: String {
        switch origin {
        case .commandLine(let text): return "--fail-on \(text)"
        case .scenario(let index):
            let bound: String
            switch condition {
            case .absolute(let c, let x): bound = (c.limitsFromAbove ? "max " : "min ") + GuardrailRule.plain(x)
            case .change(let by, let percent): bound = "change " + GuardrailRule.signed(by, percent: percent)
            }
            return "guardrails[\(index)] \(option).\(metric.rawValue) \(bound)"
        }
    }

    /// "+10%", "-5000": a change limit as `--fail-on` writes it.
    static func signed(_ x: Double, percent: Bool) -> String {
        (x < 0 ? "-" : "+") + (percent ? plain(abs(x) * 100) + "%" : plain(abs(x)))
    }

    /// A number as a person writes it: 2000000, 0.4, 1e+20.
    public static func plain(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }
}

extension GuardrailRule {
    /// The rule a scenario guardrail stands for.
    public init(_ guardrail: Guardrail, index: Int) {
        let condition: Condition
        switch guardrail.bound {
        case .max(let x): condition = .absolute(.above, x)
        case .min(let x): condition = .absolute(.below, x)
        }
        self.init(option: guardrail.option, metric: guardrail.metric, condition: condition, origin: .scenario(index: index))
    }
}
