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
            throw ScenarioErrors(file: file, diagnostics: [diagnostic(error, in: document)])
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

    /// A decoding error at the place in the file it concerns.
    static func diagnostic(_ error: DecodingError, in document: JSONNode) -> Diagnostic {
        func locate(_ path: [any CodingKey]) -> (node: JSONNode, path: String) {
            var node = document
            var text = ""
            for key in path {
                if let index = key.intValue, let items = node.elements, index < items.count {
                    node = items[index]
                    text = ShapeChecker.path(text, index: index)
                } else if let child = node[key.stringValue] {
                    node = child
                    text = ShapeChecker.path(text, key.stringValue)
                } else {
                    text = ShapeChecker.path(text, key.stringValue)
                }
            }
            return (node, text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let (node, path) = locate(context.codingPath)
            return Diagnostic(at: node.location, path: path, "missing required key \"\(key.stringValue)\"")
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let (node, path) = locate(context.codingPath)
            if let integer = type as? any FixedWidthInteger.Type, let x = node.number, x == x.rounded() {
                return Diagnostic(at: node.location, path: path, "expected a whole number from \(range(integer)), found \(node.quoted)")
            }
            return Diagnostic(at: node.location, path: path, "expected \(kind(type)), found \(node.quoted)")
        case .dataCorrupted(let context):
            let (node, path) = locate(context.codingPath)
            return Diagnostic(at: node.location, path: path, context.debugDescription)
        @unknown default:
            return Diagnostic(at: document.location, path: "", "cannot read the result")
        }
    }

    static func range<T: FixedWidthInteger>(_ type: T.Type) -> String { "\(T.min) to \(T.max)" }

    static func kind(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is any FixedWidthInteger.Type: return "a whole number"
        case is String.Type, is CalendarMonth.Type: return "a string"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            return name.hasPrefix("Array") ? "an array" : name.hasPrefix("Dictionary") ? "an object" : "a \(name)"
        }
    }
}
