import ArgumentParser

@main
struct Breakeven: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakeven",
        abstract: "When does running open models yourself become cheaper than a closed LLM API — and when does it never?",
        version: "0.1.0",
        subcommands: [RunCommand.self, DiffCommand.self, SweepCommand.self, ValidateCommand.self, SchemaCommand.self, CatalogCommand.self, HistoryCommand.self, CapacityCommand.self, CompareCommand.self, UsageCommand.self, FitCommand.self, DriftCommand.self, ExportCommand.self]
    )

    /// Parses and runs the command; a `CommandFailure` is printed here, once, and exits with its status.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            Terminal.error(failure.description)
            exit(withError: failure.status)
        } catch {
            exit(withError: error)
        }
    }
}
