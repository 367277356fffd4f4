import ArgumentParser
import BreakevenCatalog
import BreakevenCore

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "How a scenario's estimates moved from run to run."
    )

    @Argument(help: "A scenario name (as in its \"name\"); default: every scenario.")
    var scenario: String?

    @OptionGroup var history: HistoryOptions

    func run() throws {
        let entries: [HistoryEntry]
        do {
            entries = try history.openForReading().entries(scenario: scenario)
        } catch let status as ExitCode {
            throw status
        } catch {
            Terminal.error("breakeven: cannot read \(history.resolvedPath): \(error)")
            throw ExitStatus.dataError
        }
        guard !entries.isEmpty else {
            Terminal.out(scenario.map { "no runs of \"\($0)\" recorded in \(history.resolvedPath)" } ?? "no runs recorded in \(history.resolvedPath)")
            return
        }
        var table = TerminalTable(["run", "scenario", "option", "total", "npv", "breakeven", "volume (tokens/mo)", "scenario sha256", "catalog"], left: [1, 2, 7, 8])
        for e in entries {
            for o in e.options {
                let money = MoneyFormat(code: e.currency)
                let (total, npv) = (money.compact(o.totalCost), money.compact(o.npv))
                table.append([String(e.sequence), e.scenarioName, o.id, total, npv,
                              o.breakevenMonth.map { "month \($0)" } ?? "–",
                              o.breakevenTokensPerMonth.map { Money.grouped(Money.fixed($0, decimals: 0)) } ?? "–",
                              String(e.scenarioSHA256.prefix(12)), e.catalogFingerprint])
            }
        }
        Terminal.out(table.text)
    }
}
