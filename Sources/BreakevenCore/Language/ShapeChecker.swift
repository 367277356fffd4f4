/// Checks a parsed JSON value against a `Shape`, collecting every mismatch with its place.
struct ShapeChecker {
    private(set) var diagnostics: [Diagnostic] = []
    /// Where the values (and keys) it refused stand: the resolver never sees them.
    private(set) var rejected: Set<SourceLocation> = []
    /// The paths of what it refused, for telling a later stage's echo of the same problem.
    private(set) var rejectedPaths: Set<String> = []

    init() {}

    static func path(_ parent: String, _ key: String) -> String {
        parent.isEmpty ? key : "\(parent).\(key)"
    }

    static func path(_ parent: String, index: Int) -> String {
        "\(parent)[\(index)]"
    }

    mutating func report(_ node: JSONNode, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(at: node.location, path: path, message))
        if rejected.contains(node.location) { rejectedPaths.insert(path) }
    }

    mutating func check(_ node: JSONNode, against shape: Shape, at path: String) {
        switch shape {
        case .number(let bounds):
            guard let x = node.number else { return mismatch(node, path, bounds.phrase) }
            if !bounds.contains(x) { mismatch(node, path, bounds.phrase) }
        case .integer(let lo, let hi):
            let phrase = "an integer from \(NumberBounds.format(Double(lo))) to \(NumberBounds.format(Double(hi)))"
            guard let x = node.number, x == x.rounded(), x >= Double(lo), x <= Double(hi) else {
                return mismatch(node, path, phrase)
            }
        case .string(let kind):
            checkString(node, kind, path)
        case .boolean:
            guard case .bool = node.value else { return mismatch(node, path, "true or false") }
        case .array(let item, let count):
            guard let items = node.elements else { return mismatch(node, path, "an array") }
            if !count.contains(items.count) {
                rejected.insert(node.location)
                let limits = count.upperBound == Int.max
                    ? "at least \(count.lowerBound)"
                    : count.lowerBound == count.upperBound ? "exactly \(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
                report(node, path, "expected \(limits) element\(count.upperBound == 1 ? "" : "s"), found \(items.count)")
            }
            for (i, element) in items.enumerated() {
                check(element, against: item, at: ShapeChecker.path(path, index: i))
            }
        case .object(let object):
            checkObject(node, object, path)
        case .map(let value, let maxCount):
            guard let members = node.members else { return mismatch(node, path, "an object") }
            if members.count > maxCount {
                rejected.insert(node.location)
                report(node, path, "expected at most \(maxCount) entries, found \(members.count)")
            }
            checkDuplicates(members, path)
            for m in members { check(m.value, against: value, at: ShapeChecker.path(path, m.key)) }
        case .anyOf(let shapes):
            if let match = shapes.first(where: { ShapeChecker.kindMatches(node, $0) }) {
                check(node, against: match, at: path)
            } else {
                mismatch(node, path, shapes.map(ShapeChecker.phrase).joined(separator: " or "))
            }
        case .tagged(let tagged):
            checkTagged(node, tagged, path)
        }
    }

    private mutating func mismatch(_ node: JSONNode, _ path: String, _ expected: String) {
        rejected.insert(node.location)
        report(node, path, "expected \(expected), found \(node.quoted)")
    }

    private mutating func checkString(_ node: JSONNode, _ kind: StringKind, _ path: String) {
        guard let s = node.string else { return mismatch(node, path, ShapeChecker.phrase(.string(kind))) }
        if let bad = s.unicodeScalars.first(where: ShapeChecker.isForbidden) {
            rejected.insert(node.location)
            return report(node, path, "expected text without control characters, found \(ShapeChecker.describe(bad)) in \(ShapeChecker.printable(s))")
        }
        switch kind {
        case .text:
            if s.unicodeScalars.count > 4000 { rejected.insert(node.location); report(node, path, "expected a text of at most 4000 characters, found \(s.unicodeScalars.count)") }
        case .currencyCode:
            if s.unicodeScalars.count != 3 || !s.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) {
                mismatch(node, path, ShapeChecker.phrase(.string(kind)))
            }
        case .slug:
            let allowed = s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
            if s.isEmpty || s.count > 64 || !allowed { mismatch(node, path, ShapeChecker.phrase(.string(kind))) }
        case .month:
            if CalendarMonth(s) == nil { mismatch(node, path, ShapeChecker.phrase(.string(kind))) }
        case .day:
            if CalendarDay(s) == nil { mismatch(node, path, ShapeChecker.phrase(.string(kind))) }
        case .oneOf(let values):
            if !values.contains(s) {
                rejected.insert(node.location)
                report(node, path, "expected \(ShapeChecker.phrase(.string(kind))), found \(node.quoted)" + Suggestion.clause(for: s, in: values))
            }
        }
    }

    private mutating func checkDuplicates(_ members: [JSONNode.Member], _ path: String) {
        var seen = Set<String>()
        for m in members where !seen.insert(m.key).inserted {
            rejected.insert(m.keyLocation)
            rejectedPaths.insert(ShapeChecker.path(path, m.key))
            diagnostics.append(Diagnostic(at: m.keyLocation, path: ShapeChecker.path(path, m.key), "duplicate key \"\(m.key)\""))
        }
    }

    private mutating func checkObject(_ node: JSONNode, _ shape: ObjectShape, _ path: String) {
        guard let members = node.members else { return mismatch(node, path, "an object") }
        checkDuplicates(members, path)
        let known = shape.fields.map(\.name)
        for m in members {
            let childPath = ShapeChecker.path(path, m.key)
            if let field = shape.field(m.key) {
                check(m.value, against: field.shape, at: childPath)
            } else {
                rejected.insert(m.keyLocation)
                rejectedPaths.insert(childPath)
                diagnostics.append(Diagnostic(at: m.keyLocation, path: childPath,
                    "unknown key \"\(m.key)\"" + Suggestion.clause(for: m.key, in: known)))
            }
        }
        let present = Set(members.map(\.key))
        for field in shape.fields where field.required && !present.contains(field.name) {
            report(node, path.isEmpty ? "" : path, "missing required key \"\(field.name)\"")
        }
        for rule in shape.exactlyOne { checkAlternatives(node, members, rule, path) }
    }

    private mutating func checkAlternatives(_ node: JSONNode, _ members: [JSONNode.Member], _ alternatives: [Alternative], _ path: String) {
        guard !alternatives.isEmpty else { return }
        let present = Set(members.map(\.key))
        let used = alternatives.filter { !present.isDisjoint(with: $0.required + $0.optional) }
        if used.isEmpty {
            let wanted = alternatives.map { $0.required.map { "\"\($0)\"" }.joined(separator: " and ") }
            report(node, path, "expected \(wanted.count == 2 ? "either " : "one of ")\(wanted.joined(separator: wanted.count == 2 ? " or " : ", ")), found none")
            return
        }
        if used.count > 1 {
            // Name the first key that belongs to a second alternative, where it stands.
            let firstKeys = Set(used[0].required + used[0].optional)
            let laterKeys = Set(used.dropFirst().flatMap { $0.required + $0.optional })
            if let clash = members.first(where: { !firstKeys.contains($0.key) && laterKeys.contains($0.key) }),
               let other = members.first(where: { firstKeys.contains($0.key) }) {
                rejected.insert(clash.keyLocation)
                rejectedPaths.insert(ShapeChecker.path(path, clash.key))
                diagnostics.append(Diagnostic(at: clash.keyLocation, path: ShapeChecker.path(path, clash.key),
                    "\"\(clash.key)\" cannot be given together with \"\(other.key)\""))
            }
            return
        }
        for key in used[0].required where !present.contains(key) {
            let given = members.first { used[0].optional.contains($0.key) || used[0].required.contains($0.key) }?.key ?? ""
            report(node, path, "missing key \"\(key)\", which goes with \"\(given)\"")
        }
    }

    private mutating func checkTagged(_ node: JSONNode, _ tagged: TaggedShape, _ path: String) {
        guard node.members != nil else { return mismatch(node, path, "an object") }
        let tags = tagged.variants.map(\.tag)
        guard let tagNode = node[tagged.tagKey] else {
            return report(node, path, "missing required key \"\(tagged.tagKey)\" (one of \(tags.map { "\"\($0)\"" }.joined(separator: ", ")))")
        }
        guard let tag = tagNode.string, let variant = tagged.variant(tag) else {
            return check(tagNode, against: .string(.oneOf(tags)), at: ShapeChecker.path(path, tagged.tagKey))
        }
        checkObject(node, variant, path)
    }

    /// Whether a value is of the JSON kind a shape wants (used to pick among `anyOf`).
    static func kindMatches(_ node: JSONNode, _ shape: Shape) -> Bool {
        switch (node.value, shape) {
        case (.number, .number), (.number, .integer), (.bool, .boolean), (.array, .array),
             (.object, .object), (.object, .map), (.object, .tagged): return true
        case (.string(let s), .string(let kind)):
            if case .oneOf(let values) = kind { return values.contains(s) }
            return true
        default: return false
        }
    }

    /// How a shape is named in "expected …".
    static func phrase(_ shape: Shape) -> String {
        switch shape {
        case .number(let b): return b.phrase
        case .integer(let lo, let hi): return "an integer from \(NumberBounds.format(Double(lo))) to \(NumberBounds.format(Double(hi)))"
        case .string(.text): return "a string"
        case .string(.slug): return "an id of lowercase letters, digits, '-', '_' or '.'"
        case .string(.month): return "a month \"YYYY-MM\""
        case .string(.day): return "a date \"YYYY-MM-DD\""
        case .string(.currencyCode): return "a 3-letter currency code such as \"EUR\""
        case .string(.oneOf(let values)):
            return values.count == 1 ? "\"\(values[0])\"" : "one of " + values.map { "\"\($0)\"" }.joined(separator: ", ")
        case .boolean: return "true or false"
        case .array: return "an array"
        case .object, .map, .tagged: return "an object"
        case .anyOf(let shapes): return shapes.map(phrase).joined(separator: " or ")
        }
    }

    /// Characters no text of a scenario may hold: they would reach reports, terminals and pull
    /// request comments (C0 and C1 controls, DEL, noncharacters, bidirectional overrides).
    static func isForbidden(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        default: return false
        }
    }

    /// "U+001B", as a message names a character it cannot print.
    static func describe(_ c: Unicode.Scalar) -> String {
        let hex = String(c.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text quoted with every forbidden character written as \u{…}, so a message never prints it.
    static func printable(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars.prefix(200) {
            out += isForbidden(c) ? "\\u{\(String(c.value, radix: 16, uppercase: true))}" : String(c)
        }
        return out + (s.unicodeScalars.count > 200 ? "…\"" : "\"")
    }
}
