import BreakevenCore

/// The tidy tables: one row per option per month, and one summary row per option. Every row
/// names the currency its amounts are in, so tables of several scenarios can be stacked.
public enum CSVReport {
    static let monthlyColumns = ["option", "period", "month", "date", "requests", "input_tokens", "output_tokens"]
        + CostLines.lines.map { $0.key + "_cost" }
        + ["total_cost", "cumulative_cost", "replicas", "gpus", "utilization", "unmet_requests", "currency"]

    static let summaryColumns = ["option", "label", "type", "total_cost", "npv", "average_monthly_cost", "cost_per_mtok_first_month",
                                        "cost_per_mtok_last_month", "breakeven_month", "run_rate_breakeven_month", "breakeven_tokens_per_month",
                                        "cheaper_below_tokens_per_month",
                                        "savings_vs_baseline", "npv_savings_vs_baseline",
                                        "total_cost_p10", "total_cost_p50", "total_cost_p90", "npv_p10", "npv_p50", "npv_p90",
                                        "savings_vs_baseline_p10", "savings_vs_baseline_p50", "savings_vs_baseline_p90",
                                        "npv_savings_vs_baseline_p10", "npv_savings_vs_baseline_p50", "npv_savings_vs_baseline_p90",
                                        "probability_cheapest", "probability_breakeven", "currency"]

    public static func monthly(_ result: BreakevenResult) -> String {
        var table = CSVTable(header: monthlyColumns)
        for option in result.options {
            // The months that happened (replayed), then the projection.
            let months = (option.replay?.months ?? []).map { ("actual", $0) } + option.months.map { ("projected", $0) }
            for (period, m) in months {
                table.append([option.id, period, String(m.month), m.date.description, count(m.requests), count(m.inputTokens), count(m.outputTokens)]
                             + CostLines.lines.map { money(m.costs[keyPath: $0.amount]) }
                             + [money(m.totalCost), money(m.cumulativeCost),
                              m.replicas.map { Money.trimmed(Money.fixed($0, decimals: 2)) } ?? "",
                              m.gpus.map { Money.trimmed(Money.fixed($0, decimals: 2)) } ?? "",
                              m.utilization.map { Money.fixed($0, decimals: 4) } ?? "", count(m.unmetRequests), result.scenario.currency])
            }
        }
        return table.text
    }

    public static func summary(_ result: BreakevenResult) -> String {
        var table = CSVTable(header: summaryColumns)
        for o in result.options {
            table.append([o.id, o.label, o.type, money(o.totalCost), money(o.npv), money(o.averageMonthlyCost),
                          o.costPerMTokFirstMonth.map(unitPrice) ?? "", o.costPerMTokLastMonth.map(unitPrice) ?? "",
                          o.breakevenMonth.map(String.init) ?? "", o.runRateBreakevenMonth.map(String.init) ?? "",
                          o.breakevenTokensPerMonth.map { Money.fixed($0, decimals: 0) } ?? "",
                          o.cheaperBelowTokensPerMonth.map { Money.fixed($0, decimals: 0) } ?? "",
                          money(o.savingsVsBaseline), money(o.npvSavingsVsBaseline)] + odds(o, isBaseline: o.id == result.baseline)
                          + [result.scenario.currency])
        }
        return table.text
    }

    /// The Monte Carlo figures of an option: percentiles of its total, NPV, savings and NPV savings (cents),
    /// and its odds (shares to 4 decimals). Empty cells without an uncertainty block, and for
    /// the baseline's savings and breakeven, so that the summaries of every scenario stack.
    static func odds(_ o: OptionResult, isBaseline: Bool) -> [String] {
        guard let u = o.uncertainty else { return Array(repeating: "", count: 14) }
        func range(_ p: Percentiles?) -> [String] { p.map { [$0.p10, $0.p50, $0.p90].map(money) } ?? ["", "", ""] }
        return range(u.totalCost) + range(u.npv) + range(isBaseline ? nil : u.savingsVsBaseline) + range(isBaseline ? nil : u.npvSavingsVsBaseline)
            + [Money.fixed(u.probabilityCheapest, decimals: 4), isBaseline ? "" : u.probabilityBreakeven.map { Money.fixed($0, decimals: 4) } ?? ""]
    }

    /// Money rounds to cents.
    static func money(_ x: Double) -> String { Money.fixed(x, decimals: 2) }
    /// Per-million-token prices keep four decimals: 0.0525 is not 0.05.
    static func unitPrice(_ x: Double) -> String { Money.fixed(x, decimals: 4) }
    /// Requests and tokens: fractional from growth, kept to two decimals.
    static func count(_ x: Double) -> String { Money.trimmed(Money.fixed(x, decimals: 2)) }
}
