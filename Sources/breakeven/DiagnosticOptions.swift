import ArgumentParser

/// `--diagnostics text|github`: how `validate`, `run` and `diff` print problems in their input.
struct DiagnosticOptions: ParsableArguments {
    enum Format: String, CaseIterable, ExpressibleByArgument {
        /// Compiler-style lines: `scenarios/x.json:14:7: error: options[1].gpu_hourly: …`.
        case text
        /// GitHub Actions workflow commands, `::error file=…,line=…,col=…::…`, which the runner
        /// turns into annotations on the pull request's files.
        case github
    }

    @Option(name: .customLong("diagnostics"), help: ArgumentHelp(
        "How problems are printed: text (file:line:column: error: …) or github (::error workflow commands, for GitHub Actions).",
        valueName: "format"))
    var format: Format = .text

    func reporter() -> DiagnosticReporter { DiagnosticReporter(format) }
}
