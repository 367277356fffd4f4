import ArgumentParser

@main
struct Breakeven: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breakeven",
        abstract: "When does running open models yourself become cheaper than a closed LLM API — and when does it never?",
        version: "0.1.0",
        subcommands: [RunCommand.self, DiffCommand.self, SweepCommand.self, ValidateCommand.self, SchemaCommand.self, CatalogCommand.self, HistoryCommand.self, CapacityCommand.self, CompareCommand.self, UsageCommand.self, FitCommand.self, DriftCommand.self, ExportCommand.self]
    )
}
