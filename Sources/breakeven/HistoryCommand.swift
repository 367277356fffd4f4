import ArgumentParser
import BreakevenCatalog
import BreakevenCore
import BreakevenReports
import Foundation

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "How a scenario's estimates moved from run to run."
    )

    @Argument(help: "A scenario name (as in its \"name\"); default: every scenario.")
    var scenario: String?

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let entries = try CommandFailure.reading(history.resolvedPath) { try history.openForReading().entries(scenario: scenario) }
        guard !entries.isEmpty else {
            Terminal.out(scenario.map { "no runs of \"\($0)\" recorded in \(history.resolvedPath)" } ?? "no runs recorded in \(history.resolvedPath)")
            return
        }
        Terminal.out(Self.render(entries))
    }

    /// One row per option of each run, numbered; when the run was made (UTC), its scenario's
    /// digest, the catalog and its --set values on the first row of the run.
    static func render(_ entries: [HistoryEntry], color: Bool = Terminal.colorsOnStandardOutput) -> String {
        // The trials' columns only where some run has trials.
        let trials = entries.contains { $0.options.contains { $0.trials != nil } }
        var header = ["run", "when (UTC)", "scenario", "option", "total", "npv", "breakeven", "volume, tokens/mo"]
        if trials { header += ["savings p10–p90", "breaks even"] }
        let left = header.count
        var table = TerminalTable(header + ["scenario sha256", "catalog", "--set"], left: [1, 2, 3, left, left + 1, left + 2])
        for e in entries {
            let money = MoneyFormat(code: e.currency)
            for (k, o) in e.options.enumerated() {
                let first = k == 0
                var row = [String(e.sequence), first ? e.recordedAt.map(time) ?? "–" : "", e.scenarioName, o.id,
                           money.compact(o.totalCost), money.compact(o.npv), o.breakevenMonth.map { "month \($0)" } ?? "–",
                           o.breakevenTokensPerMonth.map { $0 == 0 ? "any" : Money.count($0) } ?? "–"]
                if trials {
                    row += [o.trials.map { "\(money.compact($0.savingsP10)) to \(money.compact($0.savingsP90))" } ?? "–",
                            o.trials.map { Verdict.percent($0.probabilityBreakeven) } ?? "–"]
                }
                table.append(row + [first ? String(e.scenarioSHA256.prefix(12)) : "", first ? e.catalogFingerprint : "",
                              first ? (e.overrides.isEmpty ? "–" : e.overrides.joined(separator: " ")) : ""])
            }
        }
        return table.render(color: color)
    }

    /// "2026-11-27 17:10": minutes in UTC, the same on every machine.
    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }
}
