import Foundation
import BreakevenCore
import BreakevenReports

/// The short aligned summary `run` prints.
enum SummaryTable {
    static func render(_ result: BreakevenResult) -> String {
        let header = ["option", "total", "savings", "breakeven", "volume (tokens/mo)"]
        var rows = [header]
        for o in result.options {
            let isBaseline = o.id == result.baseline
            rows.append([o.id, Money.compact(o.totalCost),
                         isBaseline ? "baseline" : Money.compact(o.savingsVsBaseline),
                         isBaseline ? "" : o.breakevenMonth.map { "month \($0)" } ?? "never",
                         isBaseline ? "" : o.breakevenTokensPerMonth.map { Money.grouped(Money.fixed($0, decimals: 0)) } ?? "never"])
        }
        let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        let lines = rows.map { row in
            row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ")
        }
        return "\(result.scenario.name) (\(result.scenario.months) months)\n" + lines.joined(separator: "\n") + "\n"
    }
}
