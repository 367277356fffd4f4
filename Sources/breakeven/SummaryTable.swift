import Foundation
import BreakevenCore
import BreakevenReports

/// The short aligned summary `run` prints: options by label, with the odds and the p10–p90
/// savings when the scenario has uncertainty, volumes as people say them (15.9B tokens a
/// month), and the files written.
enum SummaryTable {
    /// Labels longer than this are cut with an ellipsis, so a row fits a terminal.
    static let labelWidth = 42

    static func render(_ result: BreakevenResult, files: [String] = [], color: Bool = false) -> String {
        let money = result.money
        let uncertain = result.uncertainty != nil
        var columns: [(String, TerminalTable.Align)] = [("option", .left), ("total", .right), ("savings", .right), ("breakeven", .right),
                                                        ("volume, tokens/mo", .right)]
        if uncertain { columns += [("savings p10–p90", .right), ("cheapest", .right), ("breaks even", .right)] }
        var t = TerminalTable(columns)
        for o in result.options {
            let name = label(o.label) + (o.provider.map { " (\($0))" } ?? "")
            var row: [TerminalTable.Cell]
            if o.id == result.baseline {
                row = [.init(name), .init(money.compact(o.totalCost)), .init("baseline", .dim), .init(""), .init("")]
            } else {
                let savings = o.savingsVsBaseline
                row = [.init(name), .init(money.compact(o.totalCost)),
                       .init(money.compact(savings), savings > 0 ? .green : savings < 0 ? .red : nil),
                       o.breakevenMonth.map { .init("month \($0)", .green) } ?? .init("never", .yellow),
                       o.breakevenTokensPerMonth.map { .init($0 == 0 ? "any" : Money.count($0)) }
                           ?? o.cheaperBelowTokensPerMonth.map { .init("below " + Money.count($0)) } ?? .init("never", .yellow)]
            }
            if uncertain {
                let odds = o.uncertainty
                let range = o.id == result.baseline ? "" : odds.map { "\(money.significant($0.savingsVsBaseline.p10))–\(money.significant($0.savingsVsBaseline.p90))" } ?? "–"
                row += [.init(range), .init(odds.map { Verdict.percent($0.probabilityCheapest) } ?? "–"),
                        .init(o.id == result.baseline ? "" : odds?.probabilityBreakeven.map(Verdict.percent) ?? "–")]
            }
            t.append(row)
        }
        var title = "\(result.scenario.name) (\(result.scenario.months) months)"
        if let u = result.uncertainty { title += ", \(Money.grouped(String(u.trials))) trials" }
        title = Terminal.visible(title)
        var out = (color ? TerminalStyle.bold.apply(title) : title) + "\n" + t.render(color: color)
        if !files.isEmpty { out += Terminal.visible("written: " + files.joined(separator: ", ")) + "\n" }
        return out
    }

    static func label(_ text: String) -> String {
        text.count > labelWidth ? String(text.prefix(labelWidth - 1)) + "…" : text
    }
}
