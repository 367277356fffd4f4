import BreakevenCore

/// Prints the problems found in a command's input files, compiler-style or as GitHub
/// annotations (`--diagnostics`), and keeps them compiler-style, so that `diff --out` can put
/// them in the pull-request comment of a scenario that has no diff.
final class DiagnosticReporter {
    let format: DiagnosticOptions.Format
    /// Every problem reported so far, as the text format prints it.
    private(set) var problems: [String] = []

    init(_ format: DiagnosticOptions.Format = .text) {
        self.format = format
    }

    /// Every diagnostic of one scenario at its line and column, then how many there were.
    func report(_ errors: ScenarioErrors) {
        for d in errors.diagnostics {
            let subject = d.path.isEmpty ? d.message : "\(d.path): \(d.message)"
            // A `--set` value has no place in the file: the annotation names the argument instead.
            let annotation = d.location.setArgument.map { GitHubAnnotation(file: errors.file, message: "--set \($0): \(subject)") }
                ?? GitHubAnnotation(file: errors.file, line: d.location.line, column: d.location.column, message: subject)
            emit(d.formatted(file: errors.file), annotation)
        }
        let count = errors.diagnostics.count
        Terminal.error("\(errors.file): \(count) error\(count == 1 ? "" : "s")")
    }

    /// A file that cannot be read: `breakeven: PATH: no such file`.
    func unreadable(_ path: String, reason: String) {
        emit("breakeven: \(path): \(reason)", GitHubAnnotation(file: path, message: reason))
    }

    /// A problem of a file as a whole, such as a guardrail that fails: `FILE: message`.
    func problem(in file: String, _ message: String) {
        emit("\(file): \(message)", GitHubAnnotation(file: file, message: message))
    }

    /// `text` in the text format, `annotation` in the github one.
    func emit(_ text: String, _ annotation: GitHubAnnotation) {
        problems.append(text)
        switch format {
        case .text: Terminal.error(text)
        case .github: Terminal.workflowCommand(annotation.command)
        }
    }
}
