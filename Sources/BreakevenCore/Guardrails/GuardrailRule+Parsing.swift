extension GuardrailRule {
    /// Parses a `--fail-on` rule: `OPTION.METRIC` (option id or `*`), then `>`, `>=`, `<`, `<=`
    /// and a number, or `:` and a signed change. Numbers may carry `$`, thousands separators
    /// (`,` or `_`) and a suffix `k`, `M` or `B`; `%` means a share (`utilization<40%`) or a
    /// change relative to the base (`:+10%`).
    public static func parse(_ text: String) throws(GuardrailProblem) -> GuardrailRule {
        let rule = text.trimmingSpaces
        func fail(_ message: String) -> GuardrailProblem {
            GuardrailProblem(rule: "--fail-on \(rule)", message: message, fromCommandLine: true)
        }
        guard let (left, op, right) = split(rule) else {
            throw fail("expected OPTION.METRIC, then >, >=, <, <= and a number (self.total_cost>2.5M) or : and a signed change (self.total_cost:+10%)")
        }
        guard let dot = left.lastIndex(of: "."), dot != left.startIndex, left.index(after: dot) != left.endIndex else {
            throw fail("expected OPTION.METRIC before \"\(op)\", such as self.total_cost or *.breakeven_month, found \"\(left)\"")
        }
        let option = String(left[..<dot]).trimmingSpaces
        let metricName = String(left[left.index(after: dot)...]).trimmingSpaces
        guard let metric = GuardrailMetric(rawValue: metricName) else {
            throw fail("unknown metric \"\(metricName)\"" + Suggestion.clause(for: metricName, in: GuardrailMetric.allCases.map(\.rawValue))
                       + " (metrics: \(GuardrailMetric.names))")
        }
        let origin = Origin.commandLine(rule)
        if op == ":" {
            guard let sign = right.first, sign == "+" || sign == "-" else {
                throw fail("expected a signed change after \":\", such as :+10% or :-5000, found \"\(right)\"")
            }
            guard let number = Number(String(right.dropFirst())), number.value >= 0 else {
                throw fail("expected a change such as :+10%, :-5% or :+5000 after \":\", found \"\(right)\"")
            }
            if !number.percent, number.dollar, metric.unit != .money {
                throw fail("\(metric.rawValue) is not an amount of money, found \"\(right)\"")
            }
            let by = (sign == "-" ? -1 : 1) * number.value
            return GuardrailRule(option: option, metric: metric, condition: .change(by: by, percent: number.percent), origin: origin)
        }
        guard let comparison = Comparison(rawValue: op) else { throw fail("unknown comparison \"\(op)\"") }
        guard let number = Number(right) else {
            throw fail("expected a number after \"\(op)\", such as 2500000, 2.5M, $40k or 35%, found \"\(right)\"")
        }
        let value = number.value
        switch metric.unit {
        case .money:
            if number.percent {
                throw fail("a percentage only fits utilization (utilization<40%) or a change (total_cost:+10%), found \"\(right)\"")
            }
        case .month:
            if number.percent || number.dollar {
                throw fail("expected a month number after \"\(op)\", such as 12, found \"\(right)\"")
            }
        case .share:
            if number.dollar { throw fail("expected a share such as 0.4 or 40%, found \"\(right)\"") }
            if !number.percent, !(0...1).contains(value) {
                throw fail("expected a utilization from 0 to 1 or a percentage such as 40%, found \"\(right)\"")
            }
        case .count:
            if number.percent || number.dollar || value < 0 {
                throw fail("expected a count of \(metric.countNoun)s after \"\(op)\", such as 16, found \"\(right)\"")
            }
        }
        return GuardrailRule(option: option, metric: metric, condition: .absolute(comparison, value), origin: origin)
    }

    /// "self.total_cost >= 2M" → ("self.total_cost", ">=", "2M"): the first operator splits.
    private static func split(_ rule: String) -> (String, String, String)? {
        let scalars = Array(rule)
        for (k, ch) in scalars.enumerated() where ch == ">" || ch == "<" || ch == ":" {
            var op = String(ch)
            var rest = k + 1
            if ch != ":", rest < scalars.count, scalars[rest] == "=" {
                op += "="
                rest += 1
            }
            let left = String(scalars[..<k]).trimmingSpaces
            let right = String(scalars[rest...]).trimmingSpaces
            return (left, op, right)
        }
        return nil
    }

    /// A number as `--fail-on` takes it.
    struct Number {
        /// Shares for percentages (40% → 0.4).
        var value: Double
        var percent = false
        var dollar = false

        init?(_ text: String) {
            var t = Substring(text.trimmingSpaces)
            var negative = false
            if t.hasPrefix("-") { negative = true; t = t.dropFirst() }
            // A currency sign marks an amount: $, or € and £ for scenarios counted in them.
            if let sign = t.first, "$€£".contains(sign) { dollar = true; t = t.dropFirst() }
            var scale = 1.0
            if let last = t.last {
                switch last {
                case "%": percent = true; scale = 100
                case "k", "K": scale = 1e3
                case "M": scale = 1e6
                case "B": scale = 1e9
                default: break
                }
                if scale != 1 { t = t.dropLast() }
            }
            let digits = t.filter { $0 != "," && $0 != "_" }
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }),
                  digits.first?.isNumber == true || digits.first == ".",
                  let x = Double(digits), x.isFinite else { return nil }
            if percent, dollar { return nil }
            // A percentage is divided, not multiplied by 0.01: 40% is exactly the double nearest 0.4.
            value = (negative ? -x : x) * (percent ? 1 : scale) / (percent ? scale : 1)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
