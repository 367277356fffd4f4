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
    /// file (through `reporter`), then throws the exit status (66 for a missing file, 65 for an
    /// invalid one). A JSON Schema among them (`scenarios/*.json` takes `scenario.schema.json` too)
    /// is skipped with a note.
    static func loadAll(_ paths: [String], overrides: [String], catalog: CatalogSnapshot,
                        reporter: DiagnosticReporter = DiagnosticReporter()) throws -> [ScenarioFile] {
        let parsedOverrides = try parse(overrides)
        var files: [ScenarioFile] = []
        var status: ExitCode?
        var skipped = 0
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path)
            } catch {
                reporter.unreadable(path, reason: error.reason)
                status = status == ExitStatus.noInput ? status : error.status
                continue
            }
            if let document = try? JSONParser.parse(bytes), isJSONSchema(document) {
                Terminal.error(skippedSchema(path))
                skipped += 1
                continue
            }
            do {
                files.append(try load(bytes, path: path, overrides: parsedOverrides, catalog: catalog))
            } catch {
                reporter.report(error)
                if status != ExitStatus.noInput { status = ExitStatus.dataError }
            }
        }
        if let status { throw status }
        if skipped > 0, skipped == paths.count {
            throw CommandFailure(ExitStatus.dataError, "none of the files given is a scenario")
        }
        return files
    }

    static func skippedSchema(_ path: String) -> String {
        "breakeven: \(path): a JSON Schema, not a scenario; skipped"
    }

    /// A JSON Schema document rather than a scenario: its `$schema` names json-schema.org, or it
    /// has a top-level `$id` or `properties` and no `version` (every scenario has one).
    static func isJSONSchema(_ document: JSONNode) -> Bool {
        guard document.members != nil else { return false }
        if let meta = document["$schema"]?.string, let host = URL(string: meta)?.host,
           host == "json-schema.org" || host.hasSuffix(".json-schema.org") {
            return true
        }
        return document["version"] == nil && (document["$id"] != nil || document["properties"] != nil)
    }

    /// Report names that cannot be written: a file named `.json` (its reports would be named
    /// `.md` beside `--out`, outside it), or two scenarios whose reports share a name, which
    /// would overwrite each other. Printed, then the usage status thrown, before anything is read.
    static func checkReportNames(_ paths: [String]) throws {
        var problems: [String] = []
        var first: [String: String] = [:]
        for path in paths {
            let name = reportName(path)
            if name.isEmpty {
                problems.append("breakeven: \(path): a scenario file needs a name before .json (its reports are named after it)")
            } else if let earlier = first[name] {
                problems.append(earlier == path
                    ? "breakeven: \(path) is given twice"
                    : "breakeven: \(earlier) and \(path) would both write the reports named \"\(name)\"; rename one or run them with different --out folders")
            } else {
                first[name] = path
            }
        }
        guard problems.isEmpty else {
            problems.forEach(Terminal.error)
            throw ExitStatus.usage
        }
    }

    /// `--set` arguments as overrides; prints the first malformed one and throws the usage status.
    static func parse(_ overrides: [String]) throws -> [ScenarioLoader.Override] {
        try overrides.map { argument in
            guard let o = ScenarioLoader.Override(argument: argument) else {
                throw CommandFailure(ExitStatus.usage, "--set \(argument): expected PATH=VALUE, such as options.self.gpu_hourly=1.9")
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
