import ArgumentParser
import BreakevenCore
import BreakevenReports
import Foundation

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What a change does to cost: compare two scenarios or results, option by option, as a PR comment or JSON.",
        discussion: """
            BASE and HEAD are scenario files or result files written by `run --format json`. With \
            --against REF, the single argument is compared with its own version at the git revision \
            REF (a scenario that did not exist there counts as added). --set changes HEAD before it \
            is simulated, so `diff s.json s.json --set PATH=VALUE` shows what one change does. Exit \
            status 1 when a guardrail (the head scenario's or a --fail-on rule) fails. With --out and \
            a side that is not valid (status 65), the file gets a comment with its problems instead, \
            under the same marker, so the pull request says what to fix.
            """
    )

    @Argument(help: ArgumentHelp("BASE and HEAD, or only the scenario with --against.", valueName: "file"))
    var files: [String]

    @Option(name: .customLong("against"), help: ArgumentHelp("Compare with the file's version at this git revision.", valueName: "ref"))
    var ref: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Change a value of HEAD (a scenario) by path first, e.g. options.self.gpu_hourly=1.9; VALUE is JSON, null removes the key.",
                                                         valueName: "PATH=VALUE"))
    var overrides: [String] = []

    @Option(help: "markdown (a PR comment) or json.")
    var format = Format.markdown

    @Option(name: .customLong("out"), help: ArgumentHelp("Write the comment or JSON to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(name: .customLong("fail-on"), help: ArgumentHelp(
        "Fail when OPTION.METRIC breaks a limit: self.total_cost>2.5M, *.breakeven_month>12, self.total_cost:+10% (a rise of more than 10%).",
        valueName: "rule"))
    var failOn: [String] = []

    @Flag(help: "Add a before/after cumulative-cost chart to the Markdown.")
    var chart = false

    @Option(help: ArgumentHelp("The name in the comment's marker (default: HEAD's file name without .json).", valueName: "name"))
    var name: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, json }

    func validate() throws {
        if ref != nil, files.count != 1 {
            throw ValidationError("with --against, give one file (the scenario to compare with its version at the revision)")
        }
        if ref == nil, files.count != 2 {
            throw ValidationError("give BASE and HEAD, or one file and --against REF")
        }
    }

    @OptionGroup var catalog: CatalogOptions
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let reporter = diagnostics.reporter()
        do {
            try compare(reporter)
        } catch let status as ExitCode where status == ExitStatus.dataError {
            if let out, format == .markdown, !reporter.problems.isEmpty {
                let headPath = files[files.count - 1]
                var output = OutputFiles()
                output.add(out, InvalidScenarioComment.render(name: name ?? ScenarioFile.reportName(headPath), source: headPath,
                                                              problems: reporter.problems))
                try output.write()
            }
            throw status
        }
    }

    private func compare(_ reporter: DiagnosticReporter) throws {
        let snapshot = try catalog.load().snapshot
        let rules = try GuardrailReporting.parse(failOn, allowChanges: true)
        let headPath = files[files.count - 1]
        let head: DiffInput
        do {
            head = try DiffInput.read(headPath, overrides: ScenarioFile.parse(overrides), catalog: snapshot, reporter: reporter)
        } catch let status as ExitCode where status == ExitStatus.dataError && ref == nil && files[0] != headPath {
            // Two files of one's own: the base's problems too, in the same run (a revision's
            // version, with --against, is not the author's to fix here).
            _ = try? DiffInput.read(files[0], catalog: snapshot, reporter: reporter)
            throw status
        }
        let base: DiffInput?
        if let ref {
            base = try DiffInput.read(headPath, at: ref, catalog: snapshot, reporter: reporter)
            if base == nil {
                Terminal.error("breakeven: \(headPath) did not exist at \(ref): the whole scenario counts as added")
            }
        } else {
            base = try DiffInput.read(files[0], catalog: snapshot, reporter: reporter)
        }

        if let base, base.result.scenario.currency != head.result.scenario.currency {
            let message = "\(base.source) counts in \(base.result.scenario.currency) and \(head.source) in \(head.result.scenario.currency): a change of currency is not a change of cost; diff them in one currency"
            reporter.emit("breakeven: " + message, GitHubAnnotation(file: headPath, message: message))
            throw ExitStatus.dataError
        }
        let allRules = GuardrailRule.scenarioRules(head.result.guardrails) + rules
        let outcomes = try GuardrailReporting.evaluate(allRules, result: head.result, base: base?.result, file: headPath, reporter: reporter)
        let diff = ResultDiff(name: name ?? ScenarioFile.reportName(headPath), base: base?.result, head: head.result, guardrails: outcomes)
        let context = DiffContext(baseSource: base?.source, headSource: head.source, chart: chart)
        let text: String
        switch format {
        case .markdown: text = DiffMarkdown.render(diff, context: context)
        case .json:
            do {
                text = try DiffJSON.render(diff, context: context)
            } catch {
                throw CommandFailure(ExitStatus.software, "cannot encode the diff: \(error)")
            }
        }
        if let out {
            var output = OutputFiles()
            output.add(out, text)
            try output.write()
            Terminal.out(DiffTable.render(diff, color: Terminal.colorsOnStandardOutput))
        } else {
            Terminal.out(text)
        }
        if GuardrailReporting.printBreaches(outcomes, file: headPath, reporter: reporter) > 0 {
            throw ExitStatus.guardrail
        }
    }
}
