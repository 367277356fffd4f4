import BreakevenCatalog
import BreakevenCore

/// How `catalog show` and `catalog history` print a model's prices: every stored figure, how each
/// date was found, which source the row came from and what other sources filled in.
enum ModelPriceText {
    static func amount(_ x: Double?) -> String { x.map { Money.trimmed(Money.fixed($0, decimals: 4)) } ?? "–" }

    static func describe(_ p: ModelPrice) -> String {
        let n = amount
        var lines = ["model \(p.id) (\(p.provider)), from \(p.effectiveFrom) (\(dated(p)))"
                        + (p.observedOn.map { $0 > p.effectiveFrom ? ", last seen in force \($0)" : "" } ?? ""),
                     "  input \(n(p.inputPerMTok)), cached \(n(p.cachedInputPerMTok)), cache write \(n(p.cacheWritePerMTok)), 1-hour cache write \(n(p.cacheWrite1hPerMTok)), output \(n(p.outputPerMTok)) USD/Mtok",
                     "  batch input \(n(p.batchInputPerMTok)), batch cached \(n(p.batchCachedInputPerMTok)), batch cache write \(n(p.batchCacheWritePerMTok)), batch output \(n(p.batchOutputPerMTok)); per request \(n(p.perRequest))"]
        for t in p.serviceTiers {
            lines.append("  service tier \(t.tier): input \(n(t.inputPerMTok)), cached \(n(t.cachedInputPerMTok ?? p.cachedInputPerMTok)), cache write \(n(t.cacheWritePerMTok ?? p.cacheWritePerMTok)), output \(n(t.outputPerMTok))")
        }
        for t in p.longContext {
            lines.append("  above \(t.aboveInputTokens) prompt tokens: input \(n(t.inputPerMTok)), output \(n(t.outputPerMTok))"
                + (t.cachedInputPerMTok.map { ", cached \(n($0))" } ?? "") + (t.cacheWritePerMTok.map { ", cache write \(n($0))" } ?? ""))
        }
        for w in p.timeOfDay {
            lines.append("  \(w.startHour):\(twoDigits(w.startMinute ?? 0))–\(w.endHour):\(twoDigits(w.endMinute ?? 0)) UTC: input \(n(w.inputPerMTok)), output \(n(w.outputPerMTok))")
        }
        let rules = ProviderPriceRules.applied(to: p)
        if rules.source != p.source {
            lines.append("  provider rules: " + rules.source.dropFirst(p.source.count + 2))
        }
        if let c = p.contextWindow { lines.append("  context window \(c) tokens") }
        lines.append("  origin: \(p.origin?.name ?? PriceOrigin.seed.name) (precedence \(PriceOrigin.precedenceText); a lower source only fills what a higher one leaves out)")
        if let supplement = p.supplement { lines.append("  filled in: \(supplement)") }
        lines.append("  source: \(p.source)")
        return lines.joined(separator: "\n")
    }

    /// `stated`, `the file's date`, `the import's date`, `before a dated change, start unknown`.
    static func dated(_ p: ModelPrice) -> String {
        switch p.dating ?? .stated {
        case .stated: "date stated by the source"
        case .fileDate: "undated: the file's date"
        case .importDate: "undated: the import's date"
        case .beforeChange: "the price before a dated change; start not stated"
        }
    }

    /// `catalog history`: one row per dated price.
    static func history(_ id: String, _ rows: [ModelPrice]) -> String {
        var table = TerminalTable(["from", "dated by", "last seen", "input", "cached", "write", "output", "batch in", "batch out", "origin", "source"],
                                  left: [0, 1, 2, 9, 10])
        for p in rows {
            table.append([p.effectiveFrom.description, (p.dating ?? .stated).rawValue, p.lastConfirmed.description,
                          amount(p.inputPerMTok), amount(p.cachedInputPerMTok), amount(p.cacheWritePerMTok), amount(p.outputPerMTok),
                          amount(p.batchInputPerMTok), amount(p.batchOutputPerMTok), (p.origin ?? .seed).rawValue, p.source])
        }
        return "\(id), USD per million tokens\n" + table.text
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
