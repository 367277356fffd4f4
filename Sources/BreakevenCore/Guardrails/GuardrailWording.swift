/// How guardrail messages write values, limits and misses: fixed formats, so the messages can
/// be tested as exact strings and stay the same on every machine. Amounts in the result's currency.
struct GuardrailWording {
    let money: MoneyFormat

    init(_ result: BreakevenResult) {
        money = MoneyFormat(code: result.scenario.currency)
    }

    func value(_ x: Double?, _ metric: GuardrailMetric, months: Int) -> String {
        guard let x else { return "never (no breakeven within \(months) months)" }
        switch metric.unit {
        case .money: return money.amount(x)
        case .month: return "month \(Self.number(x))"
        case .share: return Self.percent(x)
        case .count: return Self.count(x, metric)
        }
    }

    /// An amount in the metric's unit, without sign: "$381,110.97", "3 months", "12.6 points".
    func amount(_ x: Double, _ metric: GuardrailMetric) -> String {
        switch metric.unit {
        case .money: return money.amount(abs(x))
        case .month: return Self.number(abs(x)) + (abs(x) == 1 ? " month" : " months")
        case .share: return Self.number(abs(x) * 100) + (abs(x) * 100 == 1 ? " point" : " points")
        case .count: return Self.count(abs(x), metric)
        }
    }

    /// A signed amount: "+$2,400.00", "-3 months", "+5.1 points".
    func signedAmount(_ x: Double, _ metric: GuardrailMetric) -> String {
        (x < 0 ? "-" : "+") + amount(x, metric)
    }

    /// What the limit allows: "at most $2,000,000.00", "less than month 6".
    func allowed(_ comparison: GuardrailRule.Comparison, _ limit: Double, _ metric: GuardrailMetric) -> String {
        let shown: String
        switch metric.unit {
        case .money: shown = money.amount(limit)
        case .month: shown = "month \(Self.number(limit))"
        case .share: shown = Self.percent(limit)
        case .count: shown = Self.count(limit, metric)
        }
        switch comparison {
        case .above: return "at most \(shown)"
        case .atOrAbove: return "less than \(shown)"
        case .below: return "at least \(shown)"
        case .atOrBelow: return "more than \(shown)"
        }
    }

    /// 2 → "2 GPUs", 1 → "1 request", 12345.6 → "12,345.6 requests".
    static func count(_ x: Double, _ metric: GuardrailMetric) -> String {
        Money.grouped(number(x)) + " " + metric.countNoun + (x == 1 ? "" : "s")
    }

    /// 0.274 → "27.4%".
    static func percent(_ share: Double) -> String {
        Self.number(share * 100) + "%"
    }

    /// One decimal at most: 3, 2.5, 12.6.
    static func number(_ x: Double) -> String {
        Money.trimmed(Money.fixed(x, decimals: 1))
    }
}
