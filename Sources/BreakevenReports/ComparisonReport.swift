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
        out += b.text + "\n## Reproduce\n\n" + MarkdownText.block(command, language: "sh")
        return out
    }

    public static func csv(_ c: ScenarioComparison) -> String {
        var t = CSVTable(header: ["scenario", "profile", "months", "tokens_per_month", "cheapest_option", "cheapest_total_cost",
                                  "cost_per_mtok", "cost_per_request", "cost_per_seat_month", "option", "breakeven_month",
                                  "breakeven_tokens_per_month", "cheaper_below_tokens_per_month", "savings_vs_baseline", "switch_month"])
        for e in c.entries {
            for o in e.result.options where o.id != e.result.baseline {
                t.append([e.name, e.result.scenario.profile, String(e.result.scenario.months), Money.fixed(e.monthlyTokens, decimals: 0),
                          e.cheapest.id, Money.fixed(e.cheapest.totalCost, decimals: 2),
                          e.costPerMTok.map { Money.fixed($0, decimals: 4) } ?? "", e.costPerRequest.map { Money.fixed($0, decimals: 6) } ?? "",
                          e.costPerSeatMonth.map { Money.fixed($0, decimals: 2) } ?? "", o.id, o.breakevenMonth.map(String.init) ?? "",
                          o.breakevenTokensPerMonth.map { Money.fixed($0, decimals: 0) } ?? "",
                          o.cheaperBelowTokensPerMonth.map { Money.fixed($0, decimals: 0) } ?? "", Money.fixed(o.savingsVsBaseline, decimals: 2),
                          o.switchPlan.flatMap { $0.switchMonth.map(String.init) } ?? ""])
            }
        }
        return t.text
    }
}
