import ArgumentParser
import BreakevenStorage

@main
struct Breakeven: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakeven",
        abstract: "When does running open models yourself become cheaper than a closed LLM API — and when does it never?",
        version: "0.1.0",
        subcommands: [RunCommand.self, DiffCommand.self, SweepCommand.self, ValidateCommand.self, SchemaCommand.self, CatalogCommand.self, HistoryCommand.self, CapacityCommand.self, CompareCommand.self, UsageCommand.self, FitCommand.self, DriftCommand.self, ExportCommand.self]
    )

    /// Parses and runs the command; a `CommandFailure` is printed here, once, and exits with its
    /// status. A `DamagedRow` some command did not catch is bad data (65). The command line's own errors and exits are ArgumentParser's to word. Any other
    /// error a command lets through is a fault of ours, not of the input: it exits 70 (EX_SOFTWARE),
    /// never 1, which says that a guardrail failed.
    static func main() {
        var command: ParsableCommand
        do {
            command = try parseAsRoot()
        } catch {
            exit(withError: error)
        }
        do {
            try command.run()
        } catch {
            let failure: CommandFailure
            if let own = error as? CommandFailure {
                failure = own
            } else if let damage = error as? DamagedRow {
                // A command that knows the file names it; this is the net under the others.
                failure = CommandFailure(ExitStatus.dataError, "a database file has a damaged row: \(damage)")
            } else if error is ExitCode || exitCode(for: error) != .failure {
                // ArgumentParser's own (help, a validation, an exit a command chose, 1 for a
                // guardrail included) are its to word; it would give any other error 1.
                exit(withError: error)
            } else {
                failure = CommandFailure(ExitStatus.software, "unexpected error (please report it): \(error)")
            }
            Terminal.error(failure.description)
            exit(withError: failure.status)
        }
    }
}
