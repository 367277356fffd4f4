import ArgumentParser
import BreakevenCore
import Foundation

/// `breakeven capacity validate`: every published point of the validation ledger with the model's
/// prediction, and the accuracy over the held-out and the tuning points.
struct CapacityValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Print the capacity model's validation ledger: published measurements, predictions and errors."
    )

    @Flag(help: "Print only the README's accuracy block (Markdown), generated from the ledger.")
    var markdown = false

    @OptionGroup var catalog: CatalogOptions

    func run() throws {
        let result = ValidationResult(catalog: try catalog.load().snapshot)
        if markdown {
            Terminal.out(result.markdownClaim)
            return
        }
        Terminal.out(Self.text(result))
        if result.rows.contains(where: { !$0.withinBand }) { throw ExitStatus.guardrail }
    }

    static func text(_ result: ValidationResult) -> String {
        var table = TerminalTable(["#", "model", "device", "weights", "layout", "engine", "in/out", "metric", "measured",
                                   "predicted", "error", "split"], left: [1, 2, 3, 4, 5, 7, 11])
        for (k, row) in result.rows.enumerated() {
            let p = row.point
            table.append([String(k + 1), p.modelName, p.deviceName, p.weights.rawValue, p.layout.description, p.engine.rawValue,
                          "\(Int(p.inputTokens))/\(Int(p.outputTokens))", p.metric.rawValue, Money.grouped(Money.fixed(p.measured, decimals: 1)),
                          row.predicted.map { Money.grouped(Money.fixed($0, decimals: 1)) } ?? "–",
                          row.error.map { (abs($0) <= p.band ? "" : "! ") + Money.fixed($0 * 100, decimals: 1) + "%" } ?? (row.problem ?? "–"),
                          p.tuning ? "tuning" : "held out"])
        }
        var sources: [String] = []
        for row in result.rows where !sources.contains(row.point.source) { sources.append(row.point.source) }
        let numbered = sources.enumerated().map { "  [\($0.offset + 1)] \($0.element)" }.joined(separator: "\n")
        let pointSources = result.rows.enumerated().map { k, row in
            "#\(k + 1) [\((sources.firstIndex(of: row.point.source) ?? 0) + 1)]"
        }.joined(separator: ", ")
        return table.text + "\n\n" + result.markdownClaim + "\n\nSources:\n" + numbered + "\n" + pointSources
    }
}
