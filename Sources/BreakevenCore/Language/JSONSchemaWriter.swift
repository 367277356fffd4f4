/// Prints the scenario language as a JSON Schema (draft 2020-12), so editors complete and
/// check scenario files with the same rules `breakeven validate` applies.
public enum JSONSchemaWriter {
    public static func scenarioSchema() -> String {
        var root: [(String, JSONNode)] = [
            ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
            ("$id", .string("scenario.schema.json")),
            ("title", .string("breakeven scenario, version \(ScenarioLanguage.version)")),
        ]
        root += members(ScenarioLanguage.scenario)
        if let k = root.firstIndex(where: { $0.0 == "properties" }), var props = root[k].1.members,
           let v = props.firstIndex(where: { $0.key == "version" }) {
            props[v].value = .object([("const", .number(Double(ScenarioLanguage.version))), ("description", .string("Language version: 1."))])
            root[k].1 = JSONNode(.object(props), at: .start)
        }
        return JSONNode.object(root).prettyText
    }

    static func node(_ shape: Shape) -> JSONNode { .object(members(shape)) }

    static func members(_ shape: Shape) -> [(String, JSONNode)] {
        switch shape {
        case .number(let b):
            var out: [(String, JSONNode)] = [("type", .string("number"))]
            if let min = b.min { out.append((b.minExclusive ? "exclusiveMinimum" : "minimum", .number(min))) }
            if let max = b.max { out.append((b.maxExclusive ? "exclusiveMaximum" : "maximum", .number(max))) }
            return out
        case .integer(let lo, let hi):
            return [("type", .string("integer")), ("minimum", .number(Double(lo))), ("maximum", .number(Double(hi)))]
        case .string(let kind):
            var out: [(String, JSONNode)] = [("type", .string("string"))]
            switch kind {
            case .text: break
            case .slug: out.append(("pattern", .string("^[a-z0-9._-]{1,64}$")))
            case .month: out.append(("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])$")))
            case .day: out.append(("pattern", .string("^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")))
            case .currencyCode: out.append(("pattern", .string("^[A-Z]{3}$")))
            case .oneOf(let values): out = [("enum", .array(values.map { .string($0) }))]
            }
            return out
        case .boolean:
            return [("type", .string("boolean"))]
        case .array(let item, let count):
            var out: [(String, JSONNode)] = [("type", .string("array")), ("items", node(item))]
            if count.lowerBound > 0 { out.append(("minItems", .number(Double(count.lowerBound)))) }
            if count.upperBound != Int.max { out.append(("maxItems", .number(Double(count.upperBound)))) }
            return out
        case .object(let object):
            return objectMembers(object)
        case .map(let value, let maxCount):
            return [("type", .string("object")), ("additionalProperties", node(value)), ("maxProperties", .number(Double(maxCount)))]
        case .anyOf(let shapes):
            return [("anyOf", .array(shapes.map(node)))]
        case .tagged(let tagged):
            let variants = tagged.variants.map { variant -> JSONNode in
                var object = tagged.variant(variant.tag) ?? variant.shape
                if let k = object.fields.firstIndex(where: { $0.name == tagged.tagKey }) {
                    object.fields[k].shape = .string(.oneOf([variant.tag]))
                }
                return .object(objectMembers(object))
            }
            return [("type", .string("object")), ("required", .array([.string(tagged.tagKey)])), ("oneOf", .array(variants))]
        }
    }

    static func objectMembers(_ object: ObjectShape) -> [(String, JSONNode)] {
        var out: [(String, JSONNode)] = [("type", .string("object"))]
        if !object.doc.isEmpty { out.append(("description", .string(object.doc))) }
        out.append(("properties", .object(object.fields.map { field in
            var m = members(field.shape)
            m.append(("description", .string(field.doc)))
            if let d = field.defaultJSON, let parsed = try? JSONParser.parse(Array(d.utf8)) { m.append(("default", parsed)) }
            return (field.name, .object(m))
        })))
        let required = object.fields.filter(\.required).map { JSONNode.string($0.name) }
        if !required.isEmpty { out.append(("required", .array(required))) }
        out.append(("additionalProperties", .bool(false)))
        // Of each rule, exactly one alternative's keys are present.
        let rules = object.exactlyOne.map { rule -> JSONNode in
            .object([("oneOf", .array(rule.map { alt in .object([("required", .array(alt.required.map { .string($0) }))]) }))])
        }
        if !rules.isEmpty { out.append(("allOf", .array(rules))) }
        return out
    }
}
