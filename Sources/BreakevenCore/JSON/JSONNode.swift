/// A parsed JSON value that remembers where it stood in its file, so that every problem
/// found later can be reported at its line and column. Objects keep their key order.
public struct JSONNode: Sendable, Hashable {
    public indirect enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        /// The number and its text as written (for messages that quote the file).
        case number(Double, text: String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    public struct Member: Sendable, Hashable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: JSONNode

        public init(key: String, keyLocation: SourceLocation, value: JSONNode) {
            self.key = key
            self.keyLocation = keyLocation
            self.value = value
        }
    }

    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var members: [Member]? {
        if case .object(let m) = value { return m }
        return nil
    }

    public var elements: [JSONNode]? {
        if case .array(let a) = value { return a }
        return nil
    }

    public var number: Double? {
        if case .number(let n, _) = value { return n }
        return nil
    }

    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// How the value reads in a message: the number as written, a quoted string, or its kind.
    public var quoted: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(_, let text): return text
        case .string(let s): return "\"\(s)\""
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Compact JSON text with keys in their original order: the canonical form that a
    /// scenario's digest is taken of (white space and comments in the file do not change it).
    public var canonicalText: String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n, _): return JSONNode.canonicalNumber(n)
        case .string(let s): return JSONNode.escaped(s)
        case .array(let items): return "[" + items.map(\.canonicalText).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { JSONNode.escaped($0.key) + ":" + $0.value.canonicalText }.joined(separator: ",") + "}"
        }
    }

    static func canonicalNumber(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return "\(n)"
    }

    /// A JSON string literal (RFC 8259 escapes).
    public static func escaped(_ s: String) -> String {
        let body = s.escapingScalars { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: return nil
            }
        }
        return "\"" + body + "\""
    }
}

extension JSONNode {
    /// The document without the values and keys at `rejected` (what a check refused), so that
    /// later stages read only values the checker accepted.
    func pruned(_ rejected: Set<SourceLocation>) -> JSONNode {
        guard !rejected.isEmpty else { return self }
        var copy = self
        switch value {
        case .object(let members):
            copy.value = .object(members.filter { !rejected.contains($0.keyLocation) && !rejected.contains($0.value.location) }
                .map { JSONNode.Member(key: $0.key, keyLocation: $0.keyLocation, value: $0.value.pruned(rejected)) })
        case .array(let items):
            copy.value = .array(items.filter { !rejected.contains($0.location) }.map { $0.pruned(rejected) })
        default:
            break
        }
        return copy
    }
}
