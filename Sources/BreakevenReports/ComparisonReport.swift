import BreakevenCore

/// The side-by-side report of `breakeven compare`.
public enum ComparisonReport {
    public static func markdown(_ c: ScenarioComparison, command: String) -> String {
        let money = c.money
        let text = { (s: String) in MarkdownText.text(s) }
        var out = "# Comparison: " + text(c.entries.map(\.name).joined(separator: " vs ")) + "\n\n"
        out += text(c.explanation) + "\n\n## Side by side\n\n"
        var columns: [(String, MarkdownTable.Align)] = [("", .left)]
        columns += c.entries.map { (text($0.name), .right) }
        var t = MarkdownTable(columns)
        func row(_ title: String, _ value: (ScenarioComparison.Entry) -> String) { t.append([title] + c.entries.map(value)) }
        row("Profile") { text($0.result.scenario.profile) }
        row("Horizon") { "\($0.result.scenario.months) months from \($0.result.scenario.start)" }
        row("Tokens a month (average)") { Money.scientific($0.monthlyTokens) }
        row("Cheapest option") { text($0.cheapest.label) }
        row("Its total") { money.amount($0.cheapest.totalCost) }
        row("Per million tokens") { $0.costPerMTok.map { money.price($0, decimals: 4) } ?? "–" }
        row("Per request") { $0.costPerRequest.map { money.price($0, decimals: 5) } ?? "–" }
        row("Per seat a month") { $0.costPerSeatMonth.map(money.amount) ?? "–" }
        row("Baseline") { text($0.result.baselineOption?.label ?? $0.result.baseline) }
        out += t.text + "\n## Breakeven against each baseline\n\n"
        var b = MarkdownTable([("Scenario", .left), ("Option", .left), ("Breakeven month", .right),
                               ("Breakeven volume, tokens a month", .right), ("Savings", .right), ("Switch month", .right)])
        for e in c.entries {
            for o in e.result.options where o.id != e.result.baseline {
                b.append([text(e.name), text(o.label), o.breakevenMonth.map(String.init) ?? "never",
                          VolumeWords.tokens(o),
                          money.amount(o.savingsVsBaseline),
                          o.switchPlan.map { $0.switchMonth.map(String.init) ?? "never" } ?? "–"])
            }
        }
        out += b.text + trials(c)
        out += "\n## Reproduce\n\n" + MarkdownText.block(command, language: "sh")
        return out
    }

    /// The Monte Carlo figures of the scenarios that have an `uncertainty` block, as `run`'s
    /// report gives them: savings at the trials' percentiles and the odds; nothing without one.
    static func trials(_ c: ScenarioComparison) -> String {
        let uncertain = c.entries.filter { $0.result.uncertainty != nil }
        guard !uncertain.isEmpty else { return "" }
        let text = { (s: String) in MarkdownText.text(s) }
        let runs = uncertain.compactMap { e in
            e.result.uncertainty.map { "\(text(e.name)): \(Money.grouped(String($0.trials))) trials, seed \($0.seed)" }
        }
        let certain = c.entries.filter { $0.result.uncertainty == nil }.map { text($0.name) }
        var out = "\n## Over the trials\n\n" + runs.joined(separator: "; ") + ". "
        if !certain.isEmpty {
            out += certain.joined(separator: ", ") + (certain.count == 1 ? " has" : " have") + " no `uncertainty` block: no trials, no rows. "
        }
        out += "Savings against the scenario's baseline at the 10th, 50th and 90th percentile of its trials; "
            + "the share of trials in which the option breaks even within the horizon, and in which it is the cheapest.\n\n"
        var t = MarkdownTable([("Scenario", .left), ("Option", .left), ("Savings p10", .right), ("p50", .right), ("p90", .right),
                               ("Breaks even", .right), ("Cheapest", .right)])
        for e in uncertain {
            for o in e.result.options {
                guard let u = o.uncertainty else { continue }
                t.append([text(e.name), text(o.label)] + MarkdownReport.savingsCells(u, isBaseline: o.id == e.result.baseline, c.money)
                         + MarkdownReport.oddsCells(u))
            }
        }
        return out + t.text
    }

    public static func csv(_ c: ScenarioComparison) -> String {
        var t = CSVTable(header: ["scenario", "profile", "months", "tokens_per_month", "cheapest_option", "cheapest_total_cost",
                                  "cost_per_mtok", "cost_per_request", "cost_per_seat_month", "option", "breakeven_month",
                                  "breakeven_tokens_per_month", "cheaper_below_tokens_per_month", "savings_vs_baseline", "switch_month",
                                  "savings_p10", "savings_p50", "savings_p90", "probability_breakeven", "probability_cheapest"])
        for e in c.entries {
            for o in e.result.options where o.id != e.result.baseline {
                t.append([e.name, e.result.scenario.profile, String(e.result.scenario.months), Money.fixed(e.monthlyTokens, decimals: 0),
                          e.cheapest.id, Money.fixed(e.cheapest.totalCost, decimals: 2),
                          e.costPerMTok.map { Money.fixed($0, decimals: 4) } ?? "", e.costPerRequest.map { Money.fixed($0, decimals: 6) } ?? "",
                          e.costPerSeatMonth.map { Money.fixed($0, decimals: 2) } ?? "", o.id, o.breakevenMonth.map(String.init) ?? "",
                          o.breakevenTokensPerMonth.map { Money.fixed($0, decimals: 0) } ?? "",
                          o.cheaperBelowTokensPerMonth.map { Money.fixed($0, decimals: 0) } ?? "", Money.fixed(o.savingsVsBaseline, decimals: 2),
                          o.switchPlan.flatMap { $0.switchMonth.map(String.init) } ?? ""]
                         + trialColumns(o.uncertainty))
            }
        }
        return t.text
    }

    /// Empty without an `uncertainty` block; shares to four decimals (one trial in 10,000).
    static func trialColumns(_ u: OptionUncertainty?) -> [String] {
        guard let u else { return ["", "", "", "", ""] }
        return [u.savingsVsBaseline.p10, u.savingsVsBaseline.p50, u.savingsVsBaseline.p90].map { Money.fixed($0, decimals: 2) }
            + [u.probabilityBreakeven.map { Money.fixed($0, decimals: 4) } ?? "", Money.fixed(u.probabilityCheapest, decimals: 4)]
    }
}
