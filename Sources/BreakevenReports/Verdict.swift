import BreakevenCore

/// The answer in plain words, first thing in every report.
public enum Verdict {
    static func sentences(_ result: BreakevenResult) -> String {
        ([comparison(result)] + paybackSentences(result)).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// The cheapest option against the baseline, and why it wins or loses.
    private static func comparison(_ result: BreakevenResult) -> String {
        guard let baseline = result.baselineOption else { return "" }
        let money = result.money
        let months = result.scenario.months
        let others = result.options.filter { $0.id != result.baseline }
        guard let best = others.max(by: { ($0.savingsVsBaseline, $1.id) < ($1.savingsVsBaseline, $0.id) }) else {
            return "\(baseline.label) is the only option: it costs \(money.compact(baseline.totalCost)) over \(months) months."
        }
        if best.savingsVsBaseline > 0, let month = best.breakevenMonth {
            // The provider whose offer the price rests on, where the catalog's cheapest was picked.
            let named = best.label + (best.provider.map { " (at \($0)'s price)" } ?? "")
            var text = month == 1
                ? "\(named) is cheaper from month 1 and saves \(money.compact(best.savingsVsBaseline)) over \(months) months against \(baseline.label)"
                : "\(named) breaks even in month \(month) and saves \(money.compact(best.savingsVsBaseline)) over \(months) months against \(baseline.label)"
            text += " (\(percent(best.savingsVsBaseline / baseline.totalCost)) of its cost)."
            if let volume = best.breakevenTokensPerMonth, volume > 0 {
                text += " At month-1 prices it stays cheaper above \(tokens(volume)) tokens a month"
                if let perDay = best.breakevenRequestsPerDay { text += " (about \(requests(perDay)) requests a day)" }
                text += "."
            } else if let below = cheaperBelow(best, result) {
                text += " At month-1 prices it is cheaper only \(below)."
            }
            let alsoSaving = others.filter { $0.id != best.id && $0.savingsVsBaseline > 0 }
            if !alsoSaving.isEmpty {
                text += " " + alsoSaving.map { "\($0.label) saves \(money.compact($0.savingsVsBaseline))" }.joined(separator: "; ") + "."
            }
            return text
        }
        var text = "\(baseline.label) stays the cheapest over \(months) months: the best alternative, \(best.label), costs \(money.compact(-best.savingsVsBaseline)) more (\(percent(-best.savingsVsBaseline / max(baseline.totalCost, 0.01))))."
        text += " " + reason(best, baseline, result)
        return text
    }

    /// Why an alternative loses, in the order a reader can act on.
    static func reason(_ option: OptionResult, _ baseline: OptionResult, _ result: BreakevenResult) -> String {
        let money = result.money
        let oneTime = option.months.reduce(0) { $0 + $1.costs.oneTime }
        // Cheaper to run at the volume the horizon reaches, yet not cheaper over the horizon.
        let lastVolume = option.months.last.map { result.scenario.workloadTokens(requests: $0.requests) } ?? 0
        let cheaperToRun = option.breakevenTokensPerMonth.map { $0 <= lastVolume } ?? false
        if cheaperToRun, let volume = option.breakevenTokensPerMonth {
            let costs = oneTime > 0 ? " and its one-time costs (\(money.compact(oneTime)))" : ""
            if volume == 0 {
                return "It is cheaper to run at any volume, but\(costs.isEmpty ? " its early months" : costs.dropFirst(4)) do not pay back within \(result.scenario.months) months."
            }
            let month = option.months.first { result.scenario.workloadTokens(requests: $0.requests) >= volume }?.month
            return "At month-1 prices it becomes cheaper to run above \(tokens(volume)) tokens a month\(month.map { ", which the workload reaches in month \($0)" } ?? ""); the dearer months before\(costs) do not pay back within \(result.scenario.months) months."
        }
        var parts: [String] = []
        let overheads = option.months.reduce(0) { $0 + $1.costs.team + $1.costs.fixed + $1.costs.oneTime }
        if overheads >= baseline.totalCost {
            parts.append("Its team, fixed and one-time costs alone (\(money.compact(overheads))) exceed the whole \(baseline.label) bill (\(money.compact(baseline.totalCost))).")
        }
        if let u = option.averageUtilization, u < 0.35 {
            parts.append("Its capacity averages \(percent(u)) utilization, so most of what it pays for sits idle.")
        }
        if let volume = option.breakevenTokensPerMonth, let first = baseline.months.first {
            let today = result.scenario.workloadTokens(requests: first.requests)
            let multiple = today > 0 ? volume / today : 0
            var sentence = "It would pay off above \(tokens(volume)) tokens a month"
            if multiple > 1 { sentence += ", \(Money.trimmed(Money.fixed(multiple, decimals: multiple < 10 ? 1 : 0)))× today's volume" }
            parts.append(sentence + ".")
        } else if let below = cheaperBelow(option, result) {
            parts.append("At month-1 prices it is cheaper only \(below).")
        } else {
            parts.append("At month-1 prices, no growth in volume makes it the cheaper option.")
        }
        return parts.joined(separator: " ")
    }

    /// "below 16.37M tokens a month (about 21.2 requests a day); month 1 runs 32.37M": where an
    /// option is cheaper only at low volume, as pay per token is against a flat fee.
    static func cheaperBelow(_ o: OptionResult, _ result: BreakevenResult) -> String? {
        guard let below = o.cheaperBelowTokensPerMonth else { return nil }
        let today = o.months.first.map { result.scenario.workloadTokens(requests: $0.requests) } ?? 0
        return "below \(tokens(below)) tokens a month" + (o.cheaperBelowRequestsPerDay.map { " (about \(requests($0)) requests a day)" } ?? "")
            + "; month 1 runs \(tokens(today))"
    }

    public static func percent(_ share: Double) -> String {
        Money.trimmed(Money.fixed(share * 100, decimals: 1)) + "%"
    }

    /// 1.5e9 → "1.5B", 240e6 → "240M".
    static func tokens(_ x: Double) -> String {
        let a = abs(x)
        if a >= 1e12 { return Money.trimmed(Money.fixed(x / 1e12, decimals: 2)) + "T" }
        if a >= 1e9 { return Money.trimmed(Money.fixed(x / 1e9, decimals: 2)) + "B" }
        if a >= 1e6 { return Money.trimmed(Money.fixed(x / 1e6, decimals: 2)) + "M" }
        if a >= 1e3 { return Money.trimmed(Money.fixed(x / 1e3, decimals: 1)) + "k" }
        return Money.fixed(x, decimals: 0)
    }

    static func requests(_ x: Double) -> String {
        x >= 100 ? Money.grouped(Money.fixed(x, decimals: 0)) : Money.trimmed(Money.fixed(x, decimals: 1))
    }
}
