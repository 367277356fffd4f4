import ArgumentParser
import BreakevenCore
import BreakevenUsage

struct UsageSummaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Months × models of the usage database: requests, tokens, cached and batch shares, billed spend, sources."
    )

    @OptionGroup var models: ModelOptions

    @OptionGroup var usage: UsageOptions

    func run() throws {
        let store = try usage.openForReading()
        let history = try usage.history(store, patterns: models.patterns).history
        let summary = UsageSummary(history)
        Terminal.out(UsageSummaryCommand.render(summary))
    }

    static func render(_ summary: UsageSummary) -> String {
        var table = TerminalTable(["month", "model", "requests", "input", "cached", "output", "cached share", "batch share",
                                   "billed", "source"], left: [0, 1, 9])
        func count(_ n: Int64?) -> String { n.map { Money.grouped(String($0)) } ?? "–" }
        func share(_ x: Double?) -> String { x.map { Money.fixed($0 * 100, decimals: 1) + "%" } ?? "–" }
        for row in summary.rows {
            let f = row.figures
            let billed = f.billed.map { MoneyFormat(code: f.currency ?? Currency.usd.code).amount($0) } ?? "–"
            let files = row.sources.count == 1 ? row.sources[0].fileName : "\(row.sources.count) files"
            var source = "\(row.format.rawValue): \(files)"
            if !row.complete { source += " (partial)" }
            if !row.otherFormats.isEmpty { source += "; also " + row.otherFormats.map(\.rawValue).joined(separator: ", ") }
            table.append([row.month.description, row.model.isEmpty ? "(all models)" : row.model, count(f.requests),
                          count(f.inputTokens), row.format.splitsCachedInput ? count(f.cachedInputTokens) : "–", count(f.outputTokens),
                          share(row.format.splitsCachedInput ? f.cachedShare : nil),
                          share(f.batchShare), billed, source])
        }
        return table.text + summary.notes.map { "\n" + $0 }.joined()
    }
}
