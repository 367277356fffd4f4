import Foundation
import BreakevenCore
import BreakevenReports

/// The short aligned summary `run` prints.
enum SummaryTable {
    static func render(_ result: BreakevenResult, color: Bool = false) -> String {
        let money = result.money
        var t = TerminalTable([("option", .left), ("total", .right), ("savings", .right), ("breakeven", .right), ("volume (tokens/mo)", .right)])
        for o in result.options {
            if o.id == result.baseline {
                t.append([.init(o.id), .init(money.compact(o.totalCost)), .init("baseline", .dim), .init(""), .init("")])
                continue
            }
            let savings = o.savingsVsBaseline
            t.append([.init(o.id + (o.provider.map { " (\($0))" } ?? "")), .init(money.compact(o.totalCost)),
                      .init(money.compact(savings), savings > 0 ? .green : savings < 0 ? .red : nil),
                      o.breakevenMonth.map { .init("month \($0)", .green) } ?? .init("never", .yellow),
                      o.breakevenTokensPerMonth.map { .init(Money.grouped(Money.fixed($0, decimals: 0))) } ?? .init("never", .yellow)])
        }
        let title = Terminal.visible("\(result.scenario.name) (\(result.scenario.months) months)")
        return (color ? TerminalStyle.bold.apply(title) : title) + "\n" + t.render(color: color)
    }
}
