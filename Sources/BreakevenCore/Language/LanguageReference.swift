/// The scenario language as a Markdown reference, from the same declaration the checker and the
/// JSON Schema read: every key of every object, its type and range, its default and what it means.
/// `breakeven schema --format markdown` prints it; the repository keeps it beside the schema.
public enum LanguageReference {
    public static func markdown() -> String {
        var out = "# The scenario language, version \(ScenarioLanguage.version)\n\n"
        out += "Generated from the language's declaration (`breakeven schema --format markdown`); the JSON Schema is `scenario.schema.json`. Amounts are in the scenario's `currency`; catalog prices, in US dollars, are converted at `usd_rate`.\n"
        guard case .object(let top) = ScenarioLanguage.scenario else { return out }
        var sections: [(String, ObjectShape, note: String?)] = [("Scenario", top, nil)]
        sections += nested(top, prefix: "")
        for (title, object, note) in sections { out += section(title, object, note: note) }
        return out
    }

    /// The objects below an object, each once, named by their path; an array's elements with
    /// how paths name them.
    private static func nested(_ object: ObjectShape, prefix: String) -> [(String, ObjectShape, note: String?)] {
        var found: [(String, ObjectShape, note: String?)] = []
        for field in object.fields {
            let path = prefix.isEmpty ? field.name : "\(prefix).\(field.name)"
            for (suffix, inner) in objects(in: field.shape) {
                let name = suffix.isEmpty ? path : "\(path) (\(suffix))"
                found.append((name, inner, suffix.isEmpty && field.shape.elements != nil ? elementNote(field.list) : nil))
                found += nested(inner, prefix: name)
            }
        }
        return found
    }

    /// How paths name an element of a list, and whether setting a share moves the others.
    private static func elementNote(_ list: ListPaths) -> String {
        var note = list.elementKey.map { "A path (`--set`, a sweep axis, an uncertain input) names an element by its `\($0.name)`, or by its index from 0." }
            ?? "A path (`--set`, a sweep axis, an uncertain input) names an element by its index from 0."
        if let shares = list.sharesKey {
            note += " The `\(shares)`s sum to 1: one set by a path moves the others in proportion."
        }
        return note
    }

    private static func objects(in shape: Shape) -> [(String, ObjectShape)] {
        switch shape {
        case .object(let o): return [("", o)]
        case .array(let item, _), .map(let item, _): return objects(in: item).map { ($0.0, $0.1) }
        case .anyOf(let shapes): return shapes.flatMap(objects)
        case .tagged(let t): return t.variants.compactMap { v in t.variant(v.tag).map { ("type \"\(v.tag)\"", $0) } }
        default: return []
        }
    }

    private static func section(_ title: String, _ object: ObjectShape, note: String?) -> String {
        var out = "\n## \(title)\n\n"
        if !object.doc.isEmpty { out += object.doc + "\n\n" }
        if let note { out += note + "\n\n" }
        out += "| Key | Value | Default | Meaning |\n|---|---|---|---|\n"
        for field in object.fields {
            let meaning = (field.title.map { "**\($0)**. " } ?? "") + field.doc
            out += "| `\(field.name)`\(field.required ? " (required)" : "") | \(escape(ShapeChecker.phrase(field.shape))) | \(field.defaultJSON.map { "`\($0)`" } ?? "") | \(escape(meaning)) |\n"
        }
        for rule in object.exactlyOne where rule.count > 1 {
            out += "\nExactly one of: " + rule.map { $0.required.map { "`\($0)`" }.joined(separator: " with ") }.joined(separator: "; ") + ".\n"
        }
        return out
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
