import BreakevenCore

/// Every Monte Carlo trial as one CSV row (RFC 4180): the values drawn, then each option's
/// total, NPV, savings against the baseline and breakeven month, then the cheapest option.
public enum TrialsCSV {
    public static func render(_ run: MonteCarloRun) -> String {
        var header = ["trial"] + run.plan.inputs.map(\.path)
        for id in run.optionIDs {
            header += ["\(id).total_cost", "\(id).npv", "\(id).savings_vs_baseline", "\(id).breakeven_month"]
        }
        header.append("cheapest")
        var table = CSVTable(header: header)
        for t in 0..<run.trials {
            var row = [String(t + 1)]
            for j in run.plan.inputs.indices { row.append("\(run.value(trial: t, input: j))") }
            guard run.succeeded(t) else {
                table.append(row + Array(repeating: "", count: header.count - row.count))
                continue
            }
            let baseline = run.totals(trial: t, option: run.baselineIndex).totalCost
            for k in run.optionIDs.indices {
                let o = run.totals(trial: t, option: k)
                row += [CSVReport.money(o.totalCost), CSVReport.money(o.npv),
                        k == run.baselineIndex ? "" : CSVReport.money(baseline - o.totalCost),
                        o.breakevenMonth.map(String.init) ?? ""]
            }
            row.append(run.optionIDs[run.cheapest(trial: t)])
            table.append(row)
        }
        return table.text
    }
}
