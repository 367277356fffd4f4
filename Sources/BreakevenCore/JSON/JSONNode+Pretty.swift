extension JSONNode {
    /// Two-space indented JSON with keys in their order, ending in a newline.
    public var prettyText: String {
        var out = ""
        write(into: &out, indent: "")
        return out + "\n"
    }

    private func write(into out: inout String, indent: String) {
        let inner = indent + "  "
        switch value {
        case .array(let items) where !items.isEmpty:
            if items.allSatisfy({ $0.members == nil && $0.elements == nil }) {
                out += "[" + items.map(\.canonicalText).joined(separator: ", ") + "]"
                return
            }
            out += "[\n"
            for (k, item) in items.enumerated() {
                out += inner
                item.write(into: &out, indent: inner)
                out += k + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members) where !members.isEmpty:
            out += "{\n"
            for (k, m) in members.enumerated() {
                out += inner + JSONNode.escaped(m.key) + ": "
                m.value.write(into: &out, indent: inner)
                out += k + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        default:
            out += canonicalText
        }
    }
}

/// Building JSON values in code (schemas, test documents) without positions.
extension JSONNode {
    public static func object(_ pairs: [(String, JSONNode)]) -> JSONNode {
        JSONNode(.object(pairs.map { Member(key: $0.0, keyLocation: .start, value: $0.1) }), at: .start)
    }
    public static func array(_ items: [JSONNode]) -> JSONNode { JSONNode(.array(items), at: .start) }
    public static func string(_ s: String) -> JSONNode { JSONNode(.string(s), at: .start) }
    public static func number(_ x: Double) -> JSONNode { JSONNode(.number(x, text: canonicalNumber(x)), at: .start) }
    public static func bool(_ b: Bool) -> JSONNode { JSONNode(.bool(b), at: .start) }
}
