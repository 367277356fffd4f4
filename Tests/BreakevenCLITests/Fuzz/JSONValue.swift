import Foundation

/// A JSON document the fuzz test can change anywhere and write back with numbers exactly as
/// it chooses (5e-324, 1.7976931348623157e308), keys sorted so a seed gives the same bytes.
indirect enum JSONValue: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    /// The number as written in the file.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null; return }
        if let b = try? c.decode(Bool.self) { self = .bool(b); return }
        if let x = try? c.decode(Double.self) { self = .number(JSONValue.literal(x)); return }
        if let s = try? c.decode(String.self) { self = .string(s); return }
        if let a = try? c.decode([JSONValue].self) { self = .array(a); return }
        self = .object(try c.decode([String: JSONValue].self))
    }

    /// Whole numbers as integers (an integer key must read 36, not 36.0).
    static func literal(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)"
    }

    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONValue.quoted(s)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.keys.sorted().map { JSONValue.quoted($0) + ":" + (members[$0]?.text ?? "null") }.joined(separator: ",") + "}"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value):
                out += String(format: "\\u%04x", c.value)
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }

    enum Step: Hashable { case key(String), index(Int) }

    /// Every place in the document with its value, depth first, keys sorted.
    func places(_ at: [Step] = []) -> [([Step], JSONValue)] {
        var out = [(at, self)]
        switch self {
        case .array(let items):
            for (k, item) in items.enumerated() { out += item.places(at + [.index(k)]) }
        case .object(let members):
            for key in members.keys.sorted() { out += (members[key] ?? .null).places(at + [.key(key)]) }
        default: break
        }
        return out
    }

    /// The document with the value at `path` replaced; nil removes it (a key dropped, an element cut).
    func replacing(_ path: ArraySlice<Step>, with value: JSONValue?) -> JSONValue {
        guard let step = path.first else { return value ?? .null }
        switch (self, step) {
        case (.object(var members), .key(let key)):
            if path.count == 1, value == nil { members[key] = nil } else if let child = members[key] {
                members[key] = child.replacing(path.dropFirst(), with: value)
            }
            return .object(members)
        case (.array(var items), .index(let k)) where k < items.count:
            if path.count == 1, value == nil { items.remove(at: k) } else { items[k] = items[k].replacing(path.dropFirst(), with: value) }
            return .array(items)
        default:
            return self
        }
    }

    static func path(_ steps: [Step]) -> String {
        steps.map { step in
            switch step {
            case .key(let k): return "." + k
            case .index(let i): return "[\(i)]"
            }
        }.joined()
    }
}
