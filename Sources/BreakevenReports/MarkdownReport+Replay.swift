import BreakevenCore

/// The Replay section: the months that happened under every option, and the bill beside the
/// baseline's replay (a check of the price model).
extension MarkdownReport {
    static func replay(_ r: BreakevenResult) -> String? {
        guard let actuals = r.scenario.actuals, let first = actuals.first, let last = actuals.last,
              r.options.allSatisfy({ $0.replay != nil }) else { return nil }
        let baseline = r.baselineOption
        let count = actuals.count == 1 ? "the month" : "the \(actuals.count) months"
        var out = "What \(count) that happened (\(first.month == last.month ? first.month.description : "\(first.month) to \(last.month)"), "
            + "`workload.actuals`) would have cost under every option: each month's real volume and request mix, the API prices "
            + "in effect that month, capacity sized on that month's volume and the load shape. One-time costs fall in the first of them.\n\n"
        var totals = MarkdownTable([("Option", .left), ("Total", .right), ("Savings vs baseline", .right)])
        for o in r.options {
            guard let replay = o.replay else { continue }
            totals.append([o.label, r.money.amount(replay.totalCost), o.id == r.baseline ? "baseline" : r.money.amount(replay.savingsVsBaseline)])
        }
        out += totals.text + "\n"
        let billed = actuals.contains { $0.billed != nil }
        var columns: [(String, MarkdownTable.Align)] = [("Month", .left), ("Requests", .right)]
        columns += r.options.map { ($0.label, .right) }
        if billed { columns += [("Billed", .right), ("Billed − \(baseline?.label ?? r.baseline)", .right)] }
        var t = MarkdownTable(columns)
        for (j, a) in actuals.enumerated() {
            var row = [a.month.description, Verdict.requests(a.requests)]
            row += r.options.map { o in (o.replay?.months[safe: j]).map { r.money.amount($0.totalCost) } ?? "–" }
            if billed {
                let replayed = baseline?.replay?.months[safe: j]?.totalCost
                row.append(a.billed.map(r.money.amount) ?? "–")
                row.append(a.billed.flatMap { b in replayed.map { r.money.amount(b - $0) } } ?? "–")
            }
            t.append(row)
        }
        out += t.text
        if billed, let baseline, let months = baseline.replay?.months {
            var bill = 0.0, replayed = 0.0
            for (j, a) in actuals.enumerated() {
                guard let b = a.billed, let m = months[safe: j] else { continue }
                bill += b
                replayed += m.totalCost
            }
            let gap = bill - replayed
            let relative = replayed > 0 ? " (\(Verdict.percent(abs(gap) / replayed)))" : ""
            let direction = gap > 0 ? "more than" : gap < 0 ? "less than" : "exactly"
            out += "\nThe bill against \(baseline.label)'s replay, a check of the price model: billed \(r.money.amount(bill)) in the months with a bill, "
                + "\(r.money.amount(abs(gap)))\(relative) \(direction) the replay's \(r.money.amount(replayed)).\n"
        }
        return out
    }
}

extension Array {
    subscript(safe k: Int) -> Element? { indices.contains(k) ? self[k] : nil }
}
