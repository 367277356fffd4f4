/// The shape a JSON value must have: one declaration that both checks a scenario (with a
/// located message for every mismatch) and prints the JSON Schema editors use, so the two
/// can never disagree.
indirect enum Shape: Sendable {
    case number(NumberBounds)
    case integer(min: Int, max: Int)
    case string(StringKind)
    case boolean
    case array(Shape, count: ClosedRange<Int>)
    case object(ObjectShape)
    /// An object with free keys (names chosen by the user), each value of one shape.
    case map(Shape, maxCount: Int)
    /// The first alternative whose JSON kind matches is checked: e.g. an integer or "auto".
    case anyOf([Shape])
    /// Objects told apart by a tag key, like option `type`.
    case tagged(TaggedShape)
}

extension Shape {
    /// The object shape `node`, a value of this shape, is checked against: a tagged object's by
    /// its tag (the common keys alone without one), the first alternative that is an object.
    func object(in node: JSONNode) -> ObjectShape? {
        switch self {
        case .object(let object): return object
        case .tagged(let tagged): return node[tagged.tagKey]?.string.flatMap(tagged.variant) ?? ObjectShape(tagged.common)
        case .anyOf(let shapes): return shapes.lazy.compactMap { $0.object(in: node) }.first
        default: return nil
        }
    }

    /// The declaration of a free key of a map of this shape (any name takes the map's value shape).
    func mapField(_ name: String) -> Field? {
        switch self {
        case .map(let value, _): return Field(name, value, "")
        case .anyOf(let shapes): return shapes.lazy.compactMap { $0.mapField(name) }.first
        default: return nil
        }
    }

    /// The shape of the elements of an array of this shape.
    var elements: Shape? {
        switch self {
        case .array(let element, _): return element
        case .anyOf(let shapes): return shapes.lazy.compactMap(\.elements).first
        default: return nil
        }
    }

    /// The human name of the key a path names inside a value of this shape.
    func title(at path: ArraySlice<String>) -> String? {
        switch self {
        case .object(let object): return object.title(at: path)
        case .anyOf(let shapes): return shapes.lazy.compactMap { $0.title(at: path) }.first
        default: return nil
        }
    }
}

/// Bounds of a number; nil means unbounded on that side.
public struct NumberBounds: Sendable {
    public var min: Double?
    var minExclusive = false
    public var max: Double?
    var maxExclusive = false

    static func atLeast(_ x: Double, atMost y: Double? = nil) -> NumberBounds {
        NumberBounds(min: x, max: y)
    }
    public static func above(_ x: Double, atMost y: Double? = nil) -> NumberBounds {
        NumberBounds(min: x, minExclusive: true, max: y)
    }
    /// A share: 0 to 1 inclusive.
    public static let share = NumberBounds(min: 0, max: 1)

    public func contains(_ x: Double) -> Bool {
        if let min, minExclusive ? !(x > min) : !(x >= min) { return false }
        if let max, maxExclusive ? !(x < max) : !(x <= max) { return false }
        return true
    }

    /// "a number ≥ 0", "a number from 0 to 1", "a number > 0 and ≤ 1".
    public var phrase: String {
        let lower = min.map { (minExclusive ? "> " : "≥ ") + NumberBounds.format($0) }
        let upper = max.map { (maxExclusive ? "< " : "≤ ") + NumberBounds.format($0) }
        switch (lower, upper) {
        case (nil, nil): return "a number"
        case (let l?, nil): return "a number \(l)"
        case (nil, let u?): return "a number \(u)"
        case (let l?, let u?):
            if !minExclusive, !maxExclusive, let min, let max {
                return "a number from \(NumberBounds.format(min)) to \(NumberBounds.format(max))"
            }
            return "a number \(l) and \(u)"
        }
    }

    /// Bounds print as written by a person: 0.7, 240, 1e15, 1.54e9.
    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e7 { return String(Int(x)) }
        if x < 0, x > -1e300 { return "-" + format(-x) }
        if x == x.rounded(), x > 0, x < 1e300 {
            let exponent = Int(log10Exact(x))
            let mantissa = x / pow10(exponent)
            // The quotient of two exact doubles is the double nearest the written mantissa.
            let digits = mantissa == mantissa.rounded() ? String(Int(mantissa)) : "\(mantissa)"
            if digits.count <= 8 { return digits + "e\(exponent)" }
            if x < 9e15 { return String(Int(x)) }
        }
        return "\(x)"
    }

    private static func log10Exact(_ x: Double) -> Double {
        var e = 0.0, v = x
        while v >= 10 { v /= 10; e += 1 }
        return e
    }

    private static func pow10(_ e: Int) -> Double {
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }
}

enum StringKind: Sendable {
    case text
    /// An identifier: lowercase letters, digits, '-', '_' and '.'.
    case slug
    /// "YYYY-MM"
    case month
    /// "YYYY-MM-DD"
    case day
    /// An ISO 4217 code: three capital letters (USD, EUR).
    case currencyCode
    case oneOf([String])
}

/// A key of an object and the shape of its value.
struct Field: Sendable {
    var name: String
    var shape: Shape
    var required: Bool
    var doc: String
    /// The default as JSON text, for the schema and the report's assumptions; nil if none.
    var defaultJSON: String?
    /// The key's human name ("GPU price"), for the language reference; nil where none is declared.
    var title: String?
    /// For an array of objects: how `--set` paths name and balance its elements.
    var list = ListPaths()

    init(_ name: String, _ shape: Shape, required: Bool = false, default defaultJSON: String? = nil, _ doc: String) {
        self.name = name
        self.shape = shape
        self.required = required
        self.doc = doc
        self.defaultJSON = defaultJSON
    }
}

/// How paths reach into an array of objects.
struct ListPaths: Sendable {
    /// The key that names an element (an option's `id`, a route's `option`); nil where elements
    /// are named by index only.
    var elementKey: ElementKey?
    /// The key of the elements' shares, which sum to 1 and which `--set` rebalances; nil where none.
    var sharesKey: String?
}

/// One way of filling an object: these keys together (the optional ones may join them).
struct Alternative: Sendable {
    var required: [String]
    var optional: [String]

    init(_ required: [String], optional: [String] = []) {
        self.required = required
        self.optional = optional
    }
}

struct ObjectShape: Sendable {
    var fields: [Field]
    /// Rules: of each list, exactly one alternative must be present.
    var exactlyOne: [[Alternative]]
    var doc: String

    init(_ fields: [Field], exactlyOne: [[Alternative]] = [], doc: String = "") {
        self.fields = fields
        self.exactlyOne = exactlyOne
        self.doc = doc
    }

    func field(_ name: String) -> Field? { fields.first { $0.name == name } }

    /// The keys that cannot stand beside `key`: those of the other alternatives of every
    /// "exactly one of" rule that `key` chooses an alternative of (`annual_rate` beside
    /// `monthly_rate`). A key an alternative only allows (`cached_input_share`) chooses none.
    func rivals(of key: String) -> Set<String> {
        var rivals = Set<String>()
        for rule in exactlyOne {
            guard let own = rule.first(where: { $0.required.contains(key) }) else { continue }
            let mine = Set(own.required + own.optional)
            rivals.formUnion(rule.flatMap { $0.required + $0.optional }.filter { !mine.contains($0) })
        }
        return rivals
    }

    /// The human name declared for the key a dotted path names below this object ("gpu",
    /// "throughput.output_tokens_per_second"), looking through alternatives; nil where none is.
    func title(at path: ArraySlice<String>) -> String? {
        guard let head = path.first, let field = field(head) else { return nil }
        let rest = path.dropFirst()
        return rest.isEmpty ? field.title : field.shape.title(at: rest)
    }
}

struct TaggedShape: Sendable {
    var tagKey: String
    /// Keys every variant has (the tag among them).
    var common: [Field]
    var variants: [(tag: String, shape: ObjectShape)]

    init(tagKey: String, common: [Field], variants: [(tag: String, shape: ObjectShape)]) {
        self.tagKey = tagKey
        self.common = common
        self.variants = variants
    }

    func variant(_ tag: String) -> ObjectShape? {
        variants.first { $0.tag == tag }.map { ObjectShape(common + $0.shape.fields, exactlyOne: $0.shape.exactlyOne, doc: $0.shape.doc) }
    }
}
