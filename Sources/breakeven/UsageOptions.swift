import ArgumentParser
import BreakevenStorage
import BreakevenUsage
import Foundation

/// Where usage lives: `--usage DB`, else `BREAKEVEN_USAGE`, else the XDG data directory.
struct UsageOptions: ParsableArguments {
    @Option(name: .customLong("usage"), help: ArgumentHelp("The usage database (default: $BREAKEVEN_USAGE, else $XDG_DATA_HOME/breakeven/usage.sqlite).", valueName: "DB"))
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["BREAKEVEN_USAGE"].flatMap { $0.isEmpty ? nil : $0 } ?? DataDirectory.path("usage.sqlite")
    }

    /// Opens the database to import into, creating it (and its folder) if needed.
    func openForImport() throws -> UsageStore {
        try DatabaseProblem.opening(.usage, at: resolvedPath, writing: true) { try UsageStore(path: $0) }
    }

    /// Opens an existing database read-only; a missing one is a missing input.
    func openForReading() throws -> UsageStore {
        try DatabaseProblem.opening(.usage, at: resolvedPath, writing: false) { try UsageStore(readingAt: $0) }
    }

    /// The history of the models the patterns select (every model without patterns).
    func history(_ store: UsageStore, patterns: [ModelPattern]) throws -> (history: UsageHistory, models: [String]) {
        try CommandFailure.reading("the usage database \(resolvedPath)") {
            let all = try store.models()
            let models = ModelPattern.select(patterns, from: all)
            // A database whose imports held no usage (a header alone) is no input yet, whatever --model says.
            if all.isEmpty {
                throw CommandFailure(ExitStatus.noInput, "\(resolvedPath): the usage database holds no usage yet; import exports that hold some with `breakeven usage import --format FORMAT FILE...`")
            }
            if models.isEmpty {
                throw CommandFailure(ExitStatus.usage, "--model \(patterns.map(\.text).joined(separator: " --model ")): no model matches (models with usage: \(all.joined(separator: ", ")))")
            }
            return (try store.history(models: models), models)
        }
    }
}
