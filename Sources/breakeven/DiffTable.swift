import BreakevenCore
import BreakevenReports

/// The aligned summary `diff` prints on a terminal when the comment goes to a file.
enum DiffTable {
    static func render(_ d: ResultDiff, color: Bool = false) -> String {
        let money = d.head.money
        var t = TerminalTable([("option", .left), ("status", .left), ("total before", .right), ("total after", .right),
                               ("change", .right), ("breakeven", .right)])
        for o in d.options {
            let total = o.figure(.totalCost)
            let status: TerminalTable.Cell
            switch o.status {
            case .added: status = .init("new", .green)
            case .removed: status = .init("removed", .red)
            case .changed: status = .init("changed", .yellow)
            case .unchanged: status = .init("unchanged", .dim)
            }
            var change = TerminalTable.Cell("")
            if let delta = total?.change, delta != 0 {
                let pct = total?.relativeChange.map { " (" + (delta < 0 ? "-" : "+") + Money.trimmed(Money.fixed(abs($0) * 100, decimals: 1)) + "%" + ")" } ?? ""
                // A dearer option is red, a cheaper one green.
                change = .init((delta < 0 ? "-" : "+") + money.compact(abs(delta)) + pct, delta < 0 ? .green : .red)
            }
            t.append([.init(SummaryTable.label(o.label)), status, .init(total?.old.map(money.compact) ?? "–"), .init(total?.new.map(money.compact) ?? "–"),
                      change, .init(breakeven(o))])
        }
        let title = Terminal.visible(d.head.scenario)
        var out = (color ? TerminalStyle.bold.apply(title) : title) + "\n"
        out += Terminal.visible(d.headline) + "\n" + t.render(color: color)
        if !d.guardrails.isEmpty {
            let line = "guardrails: " + GuardrailTable.summary(d.guardrails)
            out += (color ? (d.breachedGuardrails.isEmpty ? TerminalStyle.green : TerminalStyle.red).apply(line) : line) + "\n"
        }
        return out
    }

    /// "baseline", "3 → 5", "never → 4".
    static func breakeven(_ o: OptionDiff) -> String {
        if o.isBaseline { return "baseline" }
        let f = o.figure(.breakevenMonth)
        func month(_ x: Double?) -> String { x.map { String(Int($0)) } ?? "never" }
        switch o.status {
        case .added: return month(f?.new)
        case .removed: return month(f?.old)
        default: return f?.old == f?.new ? month(f?.new) : "\(month(f?.old)) → \(month(f?.new))"
        }
    }
}
