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

    func open() throws -> RunHistory {
        let path = resolvedPath
        do {
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            return try RunHistory(path: path)
        } catch {
            Terminal.error("breakeven: cannot open the run history \(path): \(error)")
            throw ExitStatus.cantCreate
        }
    }
}
