import ArgumentParser
import BreakevenCatalog
import BreakevenCore
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
        var table = TerminalTable(["run", "when (UTC)", "scenario", "option", "total", "npv", "breakeven", "volume, tokens/mo",
                                   "scenario sha256", "catalog", "--set"], left: [1, 2, 3, 8, 9, 10])
        for e in entries {
            let money = MoneyFormat(code: e.currency)
            for (k, o) in e.options.enumerated() {
                let first = k == 0
                table.append([String(e.sequence), first ? e.recordedAt.map(time) ?? "–" : "", e.scenarioName, o.id,
                              money.compact(o.totalCost), money.compact(o.npv), o.breakevenMonth.map { "month \($0)" } ?? "–",
                              o.breakevenTokensPerMonth.map { $0 == 0 ? "any" : Money.count($0) } ?? "–",
                              first ? String(e.scenarioSHA256.prefix(12)) : "", first ? e.catalogFingerprint : "",
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
