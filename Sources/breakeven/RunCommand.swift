import ArgumentParser
import BreakevenCatalog
import BreakevenCore
import BreakevenReports
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate every option of each scenario and write its reports.",
        discussion: "Writes DIR/NAME.md, NAME.monthly.csv, NAME.summary.csv and NAME.json (NAME: the file name without .json)."
    )

    @Argument(help: "Scenario files (JSON).")
    var scenarios: [String]

    @Option(name: .customLong("out"), help: "Folder for the reports.")
    var out = "reports"

    @Option(help: "Comma-separated formats: markdown, csv, json.")
    var format = "markdown,csv"

    @Option(name: .customLong("set"), help: ArgumentHelp("Change a value by path, e.g. options.self.gpu_hourly=1.9.", valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: "Worker threads for Monte Carlo trials (default: all cores); the figures do not depend on it.")
    var threads: Int?

    @Option(name: .customLong("trials-csv"), help: ArgumentHelp("Write every Monte Carlo trial's inputs and results to FILE (one scenario with an uncertainty block).", valueName: "FILE"))
    var trialsCSV: String?

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var history: HistoryOptions

    func run() throws {
        let formats = try ReportFormat.list(format)
        let (snapshot, fingerprint) = try catalog.load()
        let files = try ScenarioFile.loadAll(scenarios, overrides: overrides, catalog: snapshot)
        try UncertaintyRun.check(files, threads: threads, trialsCSV: trialsCSV)
        var results: [BreakevenResult] = []
        var output = OutputFiles()
        var summaries: [String] = []
        for file in files {
            var result = BreakevenAnalysis.analyse(file.scenario, Simulator.project(file.scenario))
            if let trials = UncertaintyRun.analyse(&result, file: file, catalog: snapshot, threads: threads) {
                if let trialsCSV { output.add(trialsCSV, TrialsCSV.render(trials)) }
            }
            let base = (out as NSString).appendingPathComponent(file.name)
            results.append(result)
            let context = ReportContext(scenarioPath: file.path, overrides: overrides, catalogPath: catalog.path)
            for f in formats {
                switch f {
                case .markdown:
                    output.add(base + ".md", MarkdownReport.render(result, context: context))
                    if let tornado = TornadoChart.render(result) {
                        output.add((out as NSString).appendingPathComponent(TornadoChart.fileName(file.name)), tornado)
                    }
                case .csv:
                    output.add(base + ".monthly.csv", CSVReport.monthly(result))
                    output.add(base + ".summary.csv", CSVReport.summary(result))
                case .json:
                    do {
                        output.add(base + ".json", try JSONReport.render(result))
                    } catch {
                        Terminal.error("breakeven: cannot encode the result of \(file.path): \(error)")
                        throw ExitStatus.software
                    }
                }
            }
            summaries.append(SummaryTable.render(result))
        }
        try output.write()
        if !history.disabled { try record(results, fingerprint: fingerprint) }
        Terminal.out(summaries.joined(separator: "\n"))
    }

    /// Every run adds its figures to the history, so `breakeven history` shows how an estimate moved.
    private func record(_ results: [BreakevenResult], fingerprint: String) throws {
        let store = try history.open()
        for r in results {
            let entry = HistoryEntry(scenarioName: r.scenario.name, scenarioSHA256: r.scenario.sha256, catalogFingerprint: fingerprint,
                                     recordedAt: Date(), options: r.options.map {
                                         OptionOutcome(id: $0.id, totalCost: $0.totalCost, npv: $0.npv, breakevenMonth: $0.breakevenMonth,
                                                       breakevenTokensPerMonth: $0.breakevenTokensPerMonth)
                                     })
            do {
                _ = try store.record(entry)
            } catch {
                Terminal.error("breakeven: cannot record the run in \(history.resolvedPath): \(error)")
                throw ExitStatus.cantCreate
            }
        }
    }
}
