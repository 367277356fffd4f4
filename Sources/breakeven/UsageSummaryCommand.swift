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
            func files(_ sources: [UsageSource]) -> String { sources.count == 1 ? sources[0].fileName : "\(sources.count) files" }
            var source = "\(row.format.rawValue): \(files(row.sources))"
            if !row.complete { source += " (partial)" }
            if let from = row.billedFrom { source += "; billed: \(from.rawValue): \(files(row.billedSources))" }
            if !row.otherFormats.isEmpty { source += "; also " + row.otherFormats.map(\.rawValue).joined(separator: ", ") }
            // A cost report counts no tokens: "–", not 0.
            let tokens = !row.format.carriesSpendOnly
            table.append([row.month.description, row.model.isEmpty ? "(all models)" : row.model, count(f.requests),
                          count(tokens ? f.inputTokens : nil), row.format.splitsCachedInput ? count(f.cachedInputTokens) : "–",
                          count(tokens ? f.outputTokens : nil),
                          share(row.format.splitsCachedInput ? f.cachedShare : nil),
                          share(f.batchShare), billed, source])
        }
        return table.text + summary.notes.map { "\n" + $0 }.joined()
    }
}
