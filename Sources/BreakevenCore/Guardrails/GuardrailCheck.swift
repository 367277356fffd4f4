/// Checks rules against a result (and, for change rules, against the base result of a diff).
/// Pure: values in, outcomes out; the executable prints them and picks the exit status.
public enum GuardrailCheck {
    /// One outcome per rule and option, in rule order then option order. Throws every rule that
    /// cannot be checked (unknown option, a metric the option does not have): never a pass.
    /// `base` is nil for `run` (change rules are refused before) and for a scenario new in HEAD
    /// (change rules are skipped).
    public static func evaluate(_ rules: [GuardrailRule], result: BreakevenResult, base: BreakevenResult? = nil)
        throws(GuardrailProblems) -> [GuardrailOutcome] {
        var outcomes: [GuardrailOutcome] = []
        var problems: [GuardrailProblem] = []
        for rule in rules {
            do throws(GuardrailProblem) {
                outcomes += try evaluate(rule, result: result, base: base)
            } catch {
                problems.append(error)
            }
        }
        if !problems.isEmpty { throw GuardrailProblems(problems) }
        return outcomes
    }

    static func evaluate(_ rule: GuardrailRule, result: BreakevenResult, base: BreakevenResult?)
        throws(GuardrailProblem) -> [GuardrailOutcome] {
        let isChange: Bool
        if case .change = rule.condition { isChange = true } else { isChange = false }
        if isChange, base == nil {
            return [skipped(rule, option: rule.option, "the scenario is new: there is no base to compare with")]
        }
        var options: [OptionResult]
        if rule.appliesToEveryOption {
            options = result.options.filter { has(rule.metric, $0, in: result) }
            if options.isEmpty {
                return [skipped(rule, option: "*", rule.metric.noneHaveIt)]
            }
        } else {
            guard let option = result.option(rule.option) else {
                let ids = result.options.map(\.id)
                throw GuardrailProblem(rule, "unknown option \"\(rule.option)\"" + Suggestion.clause(for: rule.option, in: ids)
                                       + " (options: \(ids.joined(separator: ", ")))")
            }
            if rule.metric.comparesWithBaseline, option.id == result.baseline {
                throw GuardrailProblem(rule, "\"\(option.id)\" is the baseline; \(rule.metric.rawValue) compares the other options with it")
            }
            if let missing = rule.metric.missing(option) { throw GuardrailProblem(rule, missing) }
            options = [option]
        }
        return options.map { option in
            switch rule.condition {
            case .absolute(let comparison, let limit):
                return absolute(rule, comparison, limit, option, result)
            case .change(let by, let percent):
                guard let base, let before = base.option(option.id) else {
                    return skipped(rule, option: option.id, "\"\(option.id)\" is new: there is no base value to compare with")
                }
                guard has(rule.metric, before, in: base) else {
                    return skipped(rule, option: option.id, "\"\(option.id)\" has no \(rule.metric.words) in the base")
                }
                return change(rule, by: by, percent: percent, option, before, result)
            }
        }
    }

    /// Whether the metric has a value for the option (missing breakeven months count as "never").
    static func has(_ metric: GuardrailMetric, _ option: OptionResult, in result: BreakevenResult) -> Bool {
        if metric.comparesWithBaseline { return option.id != result.baseline }
        return metric.missing(option) == nil
    }

    /// The value checked and, for monthly cost, its month. Monthly cost takes the dearest month
    /// when the limit is from above (or for a change), the cheapest when it is from below.
    static func measure(_ metric: GuardrailMetric, _ option: OptionResult, fromAbove: Bool) -> (value: Double?, month: Int?) {
        switch metric {
        case .totalCost: return (option.totalCost, nil)
        case .npv: return (option.npv, nil)
        case .savingsVsBaseline: return (option.savingsVsBaseline, nil)
        case .utilization: return (option.averageUtilization, nil)
        case .breakevenMonth: return (option.breakevenMonth.map(Double.init), nil)
        case .gpus: return (option.months.compactMap(\.gpus).max(), nil)
        case .unmetRequests: return (option.unmetRequests, nil)
        case .monthlyCost:
            var pick: MonthResult?
            for m in option.months {
                guard let p = pick else { pick = m; continue }
                if fromAbove ? m.totalCost > p.totalCost : m.totalCost < p.totalCost { pick = m }
            }
            return (pick?.totalCost ?? 0, pick?.month)
        }
    }

    static func skipped(_ rule: GuardrailRule, option: String, _ reason: String) -> GuardrailOutcome {
        GuardrailOutcome(rule: rule.name, option: option, metric: rule.metric, status: .skipped, message: "\(rule.name): skipped: \(reason)")
    }

    static func subject(_ metric: GuardrailMetric, _ option: OptionResult) -> String {
        "\(metric.words) of \(option.id)"
    }

    static func absolute(_ rule: GuardrailRule, _ comparison: GuardrailRule.Comparison, _ limit: Double,
                         _ option: OptionResult, _ result: BreakevenResult) -> GuardrailOutcome {
        let months = result.scenario.months
        let wording = GuardrailWording(result)
        let (value, month) = measure(rule.metric, option, fromAbove: comparison.limitsFromAbove)
        // "Never breaks even" is later than any month: it breaches a max and passes a min.
        let breached = value.map { comparison.breached($0, limit) } ?? comparison.limitsFromAbove
        var text = "\(subject(rule.metric, option)) is \(wording.value(value, rule.metric, months: months))"
        if let month { text += " in month \(month) (\(result.scenario.start.adding(months: month - 1)))" }
        text += "; \(wording.allowed(comparison, limit, rule.metric)) allowed"
        if breached, let value {
            let miss = abs(value - limit)
            text += ", \(comparison.limitsFromAbove ? "over" : "under") by \(wording.amount(miss, rule.metric))"
            if rule.metric.unit == .money, limit != 0 {
                text += " (\(GuardrailWording.percent(miss / abs(limit))))"
            }
        }
        return GuardrailOutcome(rule: rule.name, option: option.id, metric: rule.metric, status: breached ? .breached : .passed,
                                value: value, month: month, message: "\(rule.name): \(text)")
    }

    static func change(_ rule: GuardrailRule, by: Double, percent: Bool, _ option: OptionResult, _ before: OptionResult,
                       _ result: BreakevenResult) -> GuardrailOutcome {
        let old = measure(rule.metric, before, fromAbove: true).value
        let new = measure(rule.metric, option, fromAbove: true).value
        // A change to or from "never" is infinite: later than any month, or earlier.
        let measured: Double
        switch (old, new) {
        case (let o?, let n?):
            if percent {
                measured = o != 0 ? (n - o) / abs(o) : (n == o ? 0 : (n > o ? .infinity : -.infinity))
            } else {
                measured = n - o
            }
        case (_?, nil): measured = .infinity
        case (nil, _?): measured = -.infinity
        case (nil, nil): measured = 0
        }
        let breached = by >= 0 ? measured > by : measured < by
        let months = result.scenario.months
        let wording = GuardrailWording(result)
        let shown = { (x: Double?) in wording.value(x, rule.metric, months: months) }
        var text = subject(rule.metric, option)
        if measured == 0 {
            text += " stays at \(shown(new))"
        } else {
            text += " \(measured > 0 ? "rises" : "falls") from \(shown(old)) to \(shown(new))"
            if measured.isFinite {
                text += " (" + (percent ? (measured < 0 ? "-" : "+") + GuardrailWording.percent(abs(measured))
                                : wording.signedAmount(measured, rule.metric)) + ")"
            }
        }
        let limit = percent ? GuardrailWording.percent(abs(by)) : wording.amount(by, rule.metric)
        text += "; a \(by >= 0 ? "rise" : "fall") of at most \(limit) allowed"
        if breached, measured.isFinite {
            let miss = abs(measured - by)
            text += ", over by " + (percent ? GuardrailWording.number(miss * 100) + (miss * 100 == 1 ? " point" : " points")
                                    : wording.amount(miss, rule.metric))
        }
        return GuardrailOutcome(rule: rule.name, option: option.id, metric: rule.metric, status: breached ? .breached : .passed,
                                value: new, baseValue: old, message: "\(rule.name): \(text)")
    }
}
