import ArgumentParser
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
        let path = resolvedPath
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            return try UsageStore(path: path)
        } catch {
            throw CommandFailure(ExitStatus.cantCreate, "cannot open the usage database \(path): \(error)")
        }
    }

    /// Opens an existing database to read; a missing one is a missing input.
    func openForReading() throws -> UsageStore {
        let path = resolvedPath
        guard FileManager.default.fileExists(atPath: path) else {
            throw CommandFailure(ExitStatus.noInput, "\(path): no usage database; import exports first with `breakeven usage import --format FORMAT FILE...`")
        }
        do {
            return try UsageStore(path: path)
        } catch {
            throw CommandFailure(ExitStatus.dataError, "cannot open the usage database \(path): \(error)")
        }
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
