/// Reads one JSON object of a checked scenario into typed values, taking each absent key's
/// documented default from the language and recording every value as an `Assumption`.
///
/// The checker has already reported every shape problem, so a value of the wrong kind here
/// only falls back to its default: the scenario is rejected before the engine sees it.
struct ScenarioReader {
    /// Collects what every reader of one scenario finds.
    final class Log {
        var diagnostics: [Diagnostic] = []
        private(set) var assumptions: [Assumption] = []
        /// Off when a Monte Carlo trial or sweep point rebuilds a checked scenario: its inputs are
        /// never listed, so their paths and values are not even formatted.
        var recordsAssumptions = true

        func add(_ assumption: @autoclosure () -> Assumption) {
            if recordsAssumptions { assumptions.append(assumption()) }
        }
    }

    let node: JSONNode?
    /// Path for diagnostics: `options[1]`.
    let path: String
    /// Path for assumptions and `--set`: `options.self`.
    let settingPath: String
    let shape: ObjectShape
    let log: Log

    init(_ node: JSONNode?, path: String, settingPath: String, shape: ObjectShape, log: Log) {
        self.node = node
        self.path = path
        self.settingPath = settingPath
        self.shape = shape
        self.log = log
    }

    var isPresent: Bool { node != nil }

    func has(_ key: String) -> Bool { node?[key] != nil }

    func child(_ key: String) -> JSONNode? { node?[key] }

    func diagnosticPath(_ key: String) -> String { ShapeChecker.path(path, key) }

    func settingPath(_ key: String) -> String { ShapeChecker.path(settingPath, key) }

    /// A reader for a nested object, whose shape the language gives.
    func object(_ key: String, settingKey: String? = nil) -> ScenarioReader {
        var nested = ObjectShape([])
        if case .object(let s)? = shape.field(key)?.shape { nested = s }
        return ScenarioReader(child(key), path: diagnosticPath(key), settingPath: settingPath(settingKey ?? key), shape: nested, log: log)
    }

    func record(_ key: String, _ value: @autoclosure () -> String, from node: JSONNode?) {
        guard log.recordsAssumptions else { return }
        let source: Assumption.Source
        if let node {
            source = node.location.setArgument == nil ? .scenario : .override
        } else {
            source = .defaultValue
        }
        log.add(Assumption(path: settingPath(key), value: value(), source: source))
    }

    func error(_ key: String?, _ message: String, at node: JSONNode? = nil) {
        let place = node ?? key.flatMap(child) ?? self.node
        log.diagnostics.append(Diagnostic(at: place?.location ?? .start, path: key.map(diagnosticPath) ?? path, message))
    }

    private func defaultJSON(_ key: String) -> String? { shape.field(key)?.defaultJSON }

    func double(_ key: String) -> Double {
        if let value = child(key), let x = value.number {
            record(key, value.quoted, from: value)
            return x
        }
        let fallback = defaultJSON(key) ?? "0"
        if child(key) == nil, defaultJSON(key) != nil { record(key, fallback, from: nil) }
        return Double(fallback) ?? 0
    }

    /// A value written in the scenario wins; otherwise the catalog's, recorded with its entry;
    /// otherwise the language default.
    func double(_ key: String, catalog value: Double?, from entry: CatalogReference?) -> Double {
        if child(key)?.number == nil, let value, let entry {
            log.add(Assumption(path: settingPath(key), value: NumberBounds.format(value), source: entry.source))
            return value
        }
        return double(key)
    }

    func optionalDouble(_ key: String) -> Double? {
        guard let value = child(key), let x = value.number else { return nil }
        record(key, value.quoted, from: value)
        return x
    }

    func int(_ key: String) -> Int {
        let x = double(key)
        return x.isFinite && abs(x) < 1e9 ? Int(x) : 0
    }

    func string(_ key: String) -> String {
        if let value = child(key), let s = value.string {
            record(key, value.quoted, from: value)
            return s
        }
        let fallback = defaultJSON(key) ?? "\"\""
        if child(key) == nil, defaultJSON(key) != nil { record(key, fallback, from: nil) }
        return fallback.hasPrefix("\"") ? String(fallback.dropFirst().dropLast()) : fallback
    }

    func optionalString(_ key: String) -> String? {
        guard let value = child(key), let s = value.string else { return nil }
        record(key, value.quoted, from: value)
        return s
    }

    /// A free-keyed map of amounts (`one_time`, `monthly_fixed`).
    func amounts(_ key: String) -> [String: Double] {
        guard let members = child(key)?.members else {
            if defaultJSON(key) != nil { record(key, "{}", from: nil) }
            return [:]
        }
        var out: [String: Double] = [:]
        for m in members {
            guard let x = m.value.number else { continue }
            out[m.key] = x
            log.add(Assumption(path: settingPath("\(key).\(m.key)"), value: m.value.quoted,
                                              source: m.value.location.setArgument == nil ? .scenario : .override))
        }
        return out
    }
}
