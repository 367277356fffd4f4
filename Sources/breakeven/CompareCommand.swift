import ArgumentParser
import BreakevenCore
import BreakevenReports
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare scenarios side by side (e.g. the enterprise case and the personal one).",
        discussion: "Writes DIR/NAME.md and DIR/NAME.csv, NAME being the scenario names joined by \"-vs-\"."
    )

    @Argument(help: "Two or more scenario files.")
    var scenarios: [String]

    @OptionGroup var out: OutputOptions

    @Option(help: "Comma-separated formats: markdown, csv.")
    var format = ReportFormats([.markdown, .csv])

    @OptionGroup var catalog: CatalogOptions

    func validate() throws {
        guard scenarios.count >= 2 else { throw ValidationError("compare needs at least two scenarios") }
        if let problem = format.problem { throw ValidationError(problem) }
        // A comparison is a table: markdown and CSV. Refused here, before anything is read, so
        // that `--format html` cannot end in an empty success.
        let others = format.formats.filter { $0 != .markdown && $0 != .csv }
        if !others.isEmpty {
            throw ValidationError("compare writes markdown and csv, not \(others.map(\.rawValue).joined(separator: " or "))")
        }
    }

    func run() throws {
        let formats = format.formats
        let files = try ScenarioFile.loadAll(scenarios, overrides: [], catalog: try catalog.load().snapshot)
        let comparison = ScenarioComparison(files.map { ($0.name, UncertaintyRun.evaluate($0, threads: ThreadOptions.allCores)) })
        if comparison.currencies.count > 1 {
            throw CommandFailure(ExitStatus.dataError, "the scenarios count in \(comparison.currencies.joined(separator: " and ")): amounts in different currencies cannot stand side by side; give them one currency (usd_rate converts the catalog's prices)")
        }
        let base = out.path(files.map(\.name).joined(separator: "-vs-"))
        let command = "breakeven compare " + scenarios.joined(separator: " ")
        var output = OutputFiles()
        if formats.contains(.markdown) { output.add(base + ".md", ComparisonReport.markdown(comparison, command: command)) }
        if formats.contains(.csv) { output.add(base + ".csv", ComparisonReport.csv(comparison)) }
        try output.write()
        Terminal.out(comparison.explanation)
    }
}
