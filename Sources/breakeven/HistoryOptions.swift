import ArgumentParser
import BreakevenCatalog
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
        let path = resolvedPath
        let folder = (path as NSString).deletingLastPathComponent
        do {
            // A bare file name is in the current folder: nothing to create.
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        } catch {
            throw CommandFailure(ExitStatus.cantCreate, "cannot create the folder of the run history \(path)")
        }
        return try Self.opening(path) { try RunHistory(path: $0) }
    }

    /// The history `breakeven history` reads, opened read-only.
    func openForReading() throws -> RunHistory {
        try Self.opening(resolvedPath) { try RunHistory(readingAt: $0) }
    }

    private static func opening(_ path: String, _ open: (String) throws -> RunHistory) throws -> RunHistory {
        do {
            return try open(path)
        } catch let problem as DatabaseProblem {
            throw CommandFailure(problem.status, problem.description)
        } catch {
            throw CommandFailure(ExitStatus.cantCreate, "cannot open the run history \(path): \(error)")
        }
    }
}
