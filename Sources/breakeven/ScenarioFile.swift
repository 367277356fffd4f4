import ArgumentParser
import BreakevenCore
import Foundation

/// A scenario read from disk and checked: the executable's edge to the core.
struct ScenarioFile {
    let path: String
    let loaded: LoadedScenario

    /// The report name: the file name without `.json`.
    var name: String { ScenarioFile.reportName(path) }

    var scenario: Scenario { loaded.scenario }

    /// Reads and checks every file before anything is written; prints every problem of every
    /// file (through `reporter`), then throws the exit status (66 for a missing file, 65 for an invalid one).
    static func loadAll(_ paths: [String], overrides: [String], catalog: CatalogSnapshot,
                        reporter: DiagnosticReporter = DiagnosticReporter()) throws -> [ScenarioFile] {
        let parsedOverrides = try parse(overrides)
        var files: [ScenarioFile] = []
        var status: ExitCode?
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                reporter.unreadable(path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file")
                status = status ?? ExitStatus.noInput
                continue
            }
            do {
                files.append(try load(Array(data), path: path, overrides: parsedOverrides, catalog: catalog))
            } catch {
                reporter.report(error)
                if status != ExitStatus.noInput { status = ExitStatus.dataError }
            }
        }
        if let status { throw status }
        return files
    }

    /// `--set` arguments as overrides; prints the first malformed one and throws the usage status.
    static func parse(_ overrides: [String]) throws -> [ScenarioLoader.Override] {
        try overrides.map { argument in
            guard let o = ScenarioLoader.Override(argument: argument) else {
                Terminal.error("breakeven: --set \(argument): expected PATH=VALUE, such as options.self.gpu_hourly=1.9")
                throw ExitStatus.usage
            }
            return o
        }
    }

    /// Checks one scenario's bytes; `path` names it in diagnostics (it may
    /// be `main:scenarios/x.json` for a version read from git).
    static func load(_ bytes: [UInt8], path: String, overrides: [ScenarioLoader.Override] = [],
                     catalog: CatalogSnapshot) throws(ScenarioErrors) -> ScenarioFile {
        ScenarioFile(path: path, loaded: try Pipeline.load(bytes, file: path, overrides: overrides, catalog: catalog))
    }

    /// The report name of a path: the file name without `.json`.
    static func reportName(_ path: String) -> String {
        let file = URL(fileURLWithPath: path).lastPathComponent
        return file.hasSuffix(".json") ? String(file.dropLast(5)) : file
    }
}
