import ArgumentParser
import BreakevenCore
import Foundation

/// One side of a diff: a scenario file (simulated here) or a result file written by
/// `run --format json`, told apart by content (a result has `result_version`).
struct DiffInput {
    /// How the side is named: the path, or `REF:path` for a version read from git.
    let source: String
    let result: BreakevenResult

    /// Reads `path` from disk; prints the problem and throws the exit status on failure.
    static func read(_ path: String, overrides: [ScenarioLoader.Override] = [], catalog: CatalogSnapshot,
                     reporter: DiagnosticReporter) throws -> DiffInput {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path)
        } catch {
            reporter.unreadable(path, reason: error.reason)
            throw error.status
        }
        return try parse(bytes, source: path, overrides: overrides, catalog: catalog, reporter: reporter)
    }

    /// The version of `path` at a git revision; nil when the file did not exist there.
    static func read(_ path: String, at ref: String, catalog: CatalogSnapshot, reporter: DiagnosticReporter) throws -> DiffInput? {
        let bytes: [UInt8]?
        do {
            bytes = try Git.show(path, at: ref)
        } catch {
            Terminal.error(error.message)
            throw error.status
        }
        guard let bytes else { return nil }
        return try parse(bytes, source: "\(ref):\(path)", catalog: catalog, reporter: reporter)
    }

    /// - Parameter overrides: `--set` changes, for a scenario only (a result file is already simulated).
    static func parse(_ bytes: [UInt8], source: String, overrides: [ScenarioLoader.Override] = [],
                      catalog: CatalogSnapshot, reporter: DiagnosticReporter) throws -> DiffInput {
        let isResult = (try? JSONParser.parse(bytes)).map(ResultFile.isResult) ?? false
        if isResult, !overrides.isEmpty {
            throw CommandFailure(ExitStatus.usage, "\(source) is a result file; --set changes a scenario before it is simulated")
        }
        do {
            if isResult {
                return DiffInput(source: source, result: try ResultFile.decode(bytes, file: source))
            }
            let file = try ScenarioFile.load(bytes, path: source, overrides: overrides, catalog: catalog)
            return DiffInput(source: source, result: UncertaintyRun.evaluate(file, threads: ThreadOptions.allCores).result)
        } catch {
            reporter.report(error)
            throw ExitStatus.dataError
        }
    }
}
