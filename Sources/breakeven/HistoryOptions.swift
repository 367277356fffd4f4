import ArgumentParser
import BreakevenCatalog
import BreakevenStorage
import Foundation

/// Where run history lives: `--history DB`, else the XDG data directory.
struct HistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"), help: ArgumentHelp("The run-history database (default: $XDG_DATA_HOME/breakeven/history.sqlite).", valueName: "DB"))
    var path: String?

    @Flag(name: .customLong("no-history"), help: "Do not record this run.")
    var disabled = false

    var resolvedPath: String {
        path ?? DataDirectory.path("history.sqlite")
    }

    /// The history a run records into, created when missing (its folder too).
    func open() throws -> RunHistory {
        try DatabaseProblem.opening(.history, at: resolvedPath, writing: true) { try RunHistory(path: $0) }
    }

    /// The history `breakeven history` reads, opened read-only.
    func openForReading() throws -> RunHistory {
        try DatabaseProblem.opening(.history, at: resolvedPath, writing: false) { try RunHistory(readingAt: $0) }
    }
}
