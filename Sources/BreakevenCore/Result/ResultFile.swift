import Foundation

/// Reads a result JSON written by `run --format json` back, for `diff`: a CI baseline is a
/// result file as often as a scenario. Problems are located like a scenario's.
public enum ResultFile {
    /// A file is a result when its top-level object has `result_version`; otherwise a scenario.
    public static func isResult(_ document: JSONNode) -> Bool {
        document["result_version"] != nil
    }

    public static func decode(_ bytes: [UInt8], file: String) throws(ScenarioErrors) -> BreakevenResult {
        let document: JSONNode
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioErrors(file: file, diagnostics: [Diagnostic(at: error.location, path: "", error.message)])
        }
        guard let version = document["result_version"] else {
            throw ScenarioErrors(file: file, diagnostics: [Diagnostic(at: document.location, path: "", "missing required key \"result_version\"")])
        }
        guard version.number == Double(BreakevenResult.currentVersion) else {
            throw ScenarioErrors(file: file, diagnostics: [Diagnostic(at: version.location, path: "result_version",
                "unsupported result version \(version.quoted); this breakeven reads result version \(BreakevenResult.currentVersion)")])
        }
        let result: BreakevenResult
        do {
            result = try JSONNodeDecoder.decode(BreakevenResult.self, from: document)
        } catch let error as DecodingError {
            throw ScenarioErrors(file: file, diagnostics: [LocatedDecoding.diagnostic(error, in: document)])
        } catch {
            throw ScenarioErrors(file: file, diagnostics: [Diagnostic(at: document.location, path: "", "cannot read the result: \(error)")])
        }
        var problems = ResultCheck.problems(result)
        ResultCheck.controlCharacters(in: document, into: &problems)
        guard problems.isEmpty else {
            throw ScenarioErrors(file: file, diagnostics: problems.map { diagnostic($0, in: document) })
        }
        return result
    }

    /// A problem the result check found, at its value, with the value as written.
    static func diagnostic(_ problem: ResultCheck.Problem, in document: JSONNode) -> Diagnostic {
        var node = document
        var path = ""
        for part in problem.path {
            switch part {
            case .key(let key):
                node = node[key] ?? node
                path = ShapeChecker.path(path, key)
            case .index(let k):
                node = node.elements.flatMap { k < $0.count ? $0[k] : nil } ?? node
                path = ShapeChecker.path(path, index: k)
            }
        }
        let found = node.elements.map { "\($0.count) element\($0.count == 1 ? "" : "s")" } ?? node.quoted
        return Diagnostic(at: node.location, path: path, problem.expected + ", found " + found)
    }

}
