import ArgumentParser
import BreakevenCatalog
import BreakevenCore
import BreakevenReports
import BreakevenStorage
import Foundation

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Simulate every option of each scenario and write its reports.",
        discussion: """
            Writes DIR/NAME.md with NAME.cumulative.svg and NAME.monthly.svg, NAME.monthly.csv, \
            NAME.summary.csv, NAME.json and NAME.html, a page with the charts inside (NAME: the file \
            name without .json). Exit status 1 when a \
            guardrail (the scenario's or a --fail-on rule) fails; the reports are written all the same.
            """
    )

    @Argument(help: "Scenario files (JSON).")
    var scenarios: [String]

    @OptionGroup var out: OutputOptions

    @Option(help: "Comma-separated formats: markdown, csv, json, html.")
    var format = ReportFormats([.markdown, .csv])

    @OptionGroup var overrides: OverrideOptions

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Fail when OPTION.METRIC breaks a limit: self.total_cost>2.5M, *.breakeven_month>12, self.utilization<40%. Metrics: \(GuardrailMetric.names).",
        valueName: "rule"))
    var failOn: [String] = []

    @OptionGroup var threads: ThreadOptions

    @Option(name: .customLong("trials-csv"), help: ArgumentHelp("Write every Monte Carlo trial's inputs and results to FILE (one scenario with an uncertainty block).", valueName: "FILE"))
    var trialsCSV: String?

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var history: HistoryOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if let problem = format.problem { throw ValidationError(problem) }
    }

    func run() throws {
        let formats = format.formats
        try ScenarioFile.checkReportNames(scenarios)
        let rules = try GuardrailReporting.parse(failOn, allowChanges: false)
        let (snapshot, fingerprint) = try catalog.load()
        let reporter = diagnostics.reporter()
        let files = try ScenarioFile.loadAll(scenarios, overrides: overrides.values, catalog: snapshot, reporter: reporter)
        try UncertaintyRun.check(files, trialsCSV: trialsCSV)
        var results: [BreakevenResult] = []
        var output = OutputFiles()
        var summaries: [String] = []
        var checks: [(file: String, outcomes: [GuardrailOutcome])] = []
        var problems: ExitCode?
        for file in files {
            let evaluation = UncertaintyRun.evaluate(file, threads: threads.count)
            let result = evaluation.result
            // Nothing is written with a figure that is not a number.
            if let figure = result.nonFiniteFigure {
                throw CommandFailure(ExitStatus.software, "\(file.path): \(figure); no report is written (please report this scenario: its ranges should have kept every figure finite)")
            }
            if let trials = evaluation.trials, let trialsCSV { output.add(trialsCSV, TrialsCSV.render(trials)) }
            // Rules that cannot be checked stop the run before anything is written.
            do {
                let outcomes = try GuardrailReporting.evaluate(GuardrailRule.scenarioRules(result.guardrails) + rules,
                                                               result: result, base: nil, file: file.path, reporter: reporter)
                checks.append((file.path, outcomes))
            } catch let status as ExitCode {
                problems = problems ?? status
                continue
            }
            let base = out.path(file.name)
            results.append(result)
            let written = output.files.count
            let context = ReportContext(scenarioPath: file.path, overrides: overrides.values, catalogPath: catalog.path,
                                        chartFilesName: formats.contains(.markdown) ? file.name : nil)
            for f in formats {
                switch f {
                case .markdown:
                    output.add(base + ".md", MarkdownReport.render(result, context: context))
                    let charts = ChartReport.fileNames(file.name)
                    output.add(out.path(charts.cumulative), ChartReport.cumulativeSVG(result))
                    output.add(out.path(charts.monthly), ChartReport.monthlySVG(result))
                    if let tornado = TornadoChart.render(result) {
                        output.add(out.path(TornadoChart.fileName(file.name)), tornado)
                    }
                case .csv:
                    output.add(base + ".monthly.csv", CSVReport.monthly(result))
                    output.add(base + ".summary.csv", CSVReport.summary(result))
                case .html:
                    output.add(base + ".html", HTMLReport.render(result, context: context))
                case .json:
                    do {
                        output.add(base + ".json", try JSONReport.render(result))
                    } catch {
                        throw CommandFailure(ExitStatus.software, "cannot encode the result of \(file.path): \(error)")
                    }
                }
            }
            summaries.append(SummaryTable.render(result, files: output.files[written...].map(\.path), color: Terminal.colorsOnStandardOutput))
        }
        if let problems { throw problems }
        // A history that cannot be opened stops the run before its reports are written.
        let store = history.disabled ? nil : try history.open()
        try output.write()
        if let store { try record(results, in: store, fingerprint: fingerprint) }
        Terminal.out(summaries.joined(separator: "\n"))
        var breached = 0
        for check in checks {
            breached += GuardrailReporting.printBreaches(check.outcomes, file: check.file, reporter: reporter)
        }
        let outcomes = checks.flatMap(\.outcomes)
        if !outcomes.isEmpty {
            let line = "guardrails: " + GuardrailTable.summary(outcomes)
            Terminal.out(Terminal.colorsOnStandardOutput ? (breached == 0 ? TerminalStyle.green : TerminalStyle.red).apply(line) : line)
        }
        if breached > 0 { throw ExitStatus.guardrail }
    }

    /// Every run adds its figures to the history, so `breakeven history` shows how an estimate
    /// moved: the scenarios of one run are recorded together, or none and a message naming them.
    private func record(_ results: [BreakevenResult], in store: RunHistory, fingerprint: String) throws {
        let entries = results.map { r in
            HistoryEntry(scenarioName: r.scenario.name, scenarioSHA256: r.scenario.sha256, catalogFingerprint: fingerprint,
                         currency: r.scenario.currency, recordedAt: Date(), overrides: overrides.values, options: r.options.map {
                             OptionOutcome(id: $0.id, totalCost: $0.totalCost, npv: $0.npv, breakevenMonth: $0.breakevenMonth,
                                           breakevenTokensPerMonth: $0.breakevenTokensPerMonth,
                                           trials: $0.uncertainty.flatMap(TrialOutcome.init))
                         })
        }
        do {
            try store.record(entries)
        } catch {
            let names = results.map { "\"\($0.scenario.name)\"" }.joined(separator: ", ")
            // A damaged row of the history is bad data (65); anything else, a file that cannot be written (73).
            throw CommandFailure(error is DamagedRow ? ExitStatus.dataError : ExitStatus.cantCreate,
                                 "the reports are written, but the run of \(names) could not be recorded in \(history.resolvedPath): \(error)")
        }
    }
}
