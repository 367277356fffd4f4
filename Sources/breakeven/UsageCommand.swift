import ArgumentParser

struct UsageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "usage",
        abstract: "Import what a team actually used (provider and gateway exports) and summarize it.",
        subcommands: [UsageImportCommand.self, UsageSummaryCommand.self]
    )
}
