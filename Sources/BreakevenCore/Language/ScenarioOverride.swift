/// Applies one `--set PATH=VALUE` to a scenario document. Paths use option ids (and request
/// class names) where the file has arrays: `options.self.gpu_hourly`, and may create a key
/// the file leaves to its default; the checker then judges the value like any other.
enum ScenarioOverride {
    /// Applies the override; returns the problem if the path leads nowhere.
    static func apply(_ override: ScenarioLoader.Override, to document: inout JSONNode) -> Diagnostic? {
        let location = SourceLocation(line: 1, column: 1, setArgument: override.argument)
        let segments = ScenarioOverride.segments(override.path)
        guard !segments.contains(where: \.isEmpty) else {
            return Diagnostic(at: location, path: "", "expected PATH=VALUE with a dotted path such as options.self.gpu_hourly, found \"\(override.path)\"")
        }
        var value: JSONNode
        if let parsed = try? JSONParser.parse(Array(override.value.utf8)) {
            value = relocated(parsed, to: location)
        } else {
            value = JSONNode(.string(override.value), at: location)
        }
        if value.members != nil || value.elements != nil {
            return Diagnostic(at: location, path: override.path, "expected a single value (a number, a string, true or false), found \(value.quoted)")
        }
        value.location = location
        return set(&document, segments[...], to: value, walked: "", location: location)
    }

    /// Sets a number at `path` (Monte Carlo trials and sweep points): the value as `--set` would
    /// give it, without printing and parsing it again.
    static func apply(number: Double, at path: [String], to document: inout JSONNode) -> Diagnostic? {
        let location = SourceLocation(line: 1, column: 1, setArgument: "\(path.joined(separator: "."))=\(number)")
        return set(&document, path[...], to: JSONNode(.number(number, text: "\(number)"), at: location), walked: "", location: location)
    }

    /// A dotted path as `apply(number:at:)` takes it.
    static func segments(_ path: String) -> [String] {
        path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    private static func relocated(_ node: JSONNode, to location: SourceLocation) -> JSONNode {
        var copy = node
        copy.location = location
        switch node.value {
        case .array(let items): copy.value = .array(items.map { relocated($0, to: location) })
        case .object(let members):
            copy.value = .object(members.map { JSONNode.Member(key: $0.key, keyLocation: location, value: relocated($0.value, to: location)) })
        default: break
        }
        return copy
    }

    /// `walked` is the path so far, worked out only for a message: a trial sets thousands of
    /// values and never needs one.
    private static func set(_ node: inout JSONNode, _ segments: ArraySlice<String>, to value: JSONNode,
                             walked: @autoclosure () -> String, location: SourceLocation) -> Diagnostic? {
        guard let head = segments.first else {
            if node.members != nil || node.elements != nil {
                return Diagnostic(at: location, path: walked(), "expected a path to a single value, found \(node.quoted)")
            }
            node = value
            return nil
        }
        switch node.value {
        case .object(var members):
            // Taken out of the node while it changes, so the array is changed in place, not copied.
            node.value = .null
            defer { node.value = .object(members) }
            if let k = members.firstIndex(where: { $0.key == head }) {
                if let problem = set(&members[k].value, segments.dropFirst(), to: value, walked: ShapeChecker.path(walked(), head),
                                     location: location) { return problem }
            } else if segments.count == 1 {
                members.append(JSONNode.Member(key: head, keyLocation: location, value: value))
            } else {
                var fresh = JSONNode(.object([]), at: location)
                if let problem = set(&fresh, segments.dropFirst(), to: value, walked: ShapeChecker.path(walked(), head),
                                     location: location) { return problem }
                members.append(JSONNode.Member(key: head, keyLocation: location, value: fresh))
            }
            return nil
        case .array(var items):
            node.value = .null
            defer { node.value = .array(items) }
            // Elements are named by their id (options) or name (request classes); ids may hold
            // dots, so the longest matching run of segments wins. A plain index works too.
            let names = items.map { $0["id"]?.string ?? $0["name"]?.string }
            for length in stride(from: segments.count, through: 1, by: -1) {
                let candidate = segments.prefix(length).joined(separator: ".")
                if let k = names.firstIndex(where: { $0 == candidate }) {
                    return set(&items[k], segments.dropFirst(length), to: value, walked: ShapeChecker.path(walked(), candidate), location: location)
                }
            }
            if let k = Int(head), items.indices.contains(k) {
                return set(&items[k], segments.dropFirst(), to: value, walked: ShapeChecker.path(walked(), head), location: location)
            }
            let known = names.compactMap { $0 }
            let noun = walked().hasSuffix("options") ? "option id" : "name"
            return Diagnostic(at: location, path: ShapeChecker.path(walked(), head), "unknown \(noun) \"\(head)\"" + Suggestion.clause(for: head, in: known))
        default:
            return Diagnostic(at: location, path: ShapeChecker.path(walked(), head), "cannot set a key inside \(node.quoted) at \(walked().isEmpty ? "the top level" : walked())")
        }
    }
}
