import ArgumentParser
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

    func run() throws {
        let formats = try ReportFormat.list(format)
        let files = try ScenarioFile.loadAll(scenarios, overrides: overrides)
        var output = OutputFiles()
        var summaries: [String] = []
        for file in files {
            let result = BreakevenAnalysis.analyse(file.scenario, Simulator.project(file.scenario))
            let base = (out as NSString).appendingPathComponent(file.name)
            let context = ReportContext(scenarioPath: file.path, overrides: overrides,
                                        chartFilesName: formats.contains(.markdown) ? file.name : nil)
            for f in formats {
                switch f {
                case .markdown:
                    output.add(base + ".md", MarkdownReport.render(result, context: context))
                    let charts = ChartReport.fileNames(file.name)
                    output.add((out as NSString).appendingPathComponent(charts.cumulative), ChartReport.cumulativeSVG(result))
                    output.add((out as NSString).appendingPathComponent(charts.monthly), ChartReport.monthlySVG(result))
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
        Terminal.out(summaries.joined(separator: "\n"))
    }
}
