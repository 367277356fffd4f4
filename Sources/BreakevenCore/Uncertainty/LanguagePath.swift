/// Follows a `--set` path through the scenario language to the number it names, to find the
/// range the language declares for it.
enum LanguagePath {
    static func range(of path: String, in document: JSONNode) -> InputRange? {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return walk(ScenarioLanguage.scenario, document, segments[...])
    }

    private static func walk(_ shape: Shape, _ node: JSONNode?, _ segments: ArraySlice<String>) -> InputRange? {
        switch shape {
        case .number(let bounds):
            return segments.isEmpty ? InputRange(bounds) : nil
        case .integer(let lo, let hi):
            return segments.isEmpty ? InputRange(integersFrom: lo, to: hi) : nil
        case .object(let object):
            guard let head = segments.first, let field = object.field(head) else { return nil }
            return walk(field.shape, node?[head], segments.dropFirst())
        case .map(let value, _):
            guard let head = segments.first else { return nil }
            return walk(value, node?[head], segments.dropFirst())
        case .anyOf(let shapes):
            for s in shapes { if let r = walk(s, node, segments) { return r } }
            return nil
        case .tagged(let tagged):
            guard let tag = node?[tagged.tagKey]?.string, let variant = tagged.variant(tag) else { return nil }
            return walk(.object(variant), node, segments)
        case .array(let element, _):
            // Elements are named by id (options) or name (request classes), which may hold
            // dots: the longest run of segments that names one wins; a plain index works too.
            guard let items = node?.elements, !segments.isEmpty else { return nil }
            let names = items.map { $0["id"]?.string ?? $0["name"]?.string }
            for length in stride(from: segments.count, through: 1, by: -1) {
                let candidate = segments.prefix(length).joined(separator: ".")
                if let k = names.firstIndex(where: { $0 == candidate }) {
                    return walk(element, items[k], segments.dropFirst(length))
                }
            }
            if let head = segments.first, let k = Int(head), items.indices.contains(k) {
                return walk(element, items[k], segments.dropFirst())
            }
            return nil
        case .string, .boolean:
            return nil
        }
    }
}
