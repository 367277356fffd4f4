/// A key whose value is one of a few words (`scaling`: "static" or "hourly"), read into a
/// Swift enum.
final class ChoiceKey<Settings, Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
    let name: String
    let path: SettingPath<Settings, Value?>
    let field: FieldAccess<Settings, Value?>
    let fallback: Value?
    let required: Bool
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, Value?>, default fallback: Value? = nil, required: Bool = false, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        field = FieldAccess(path)
        self.fallback = fallback
        self.required = required
        self.doc = doc
    }

    func value(_ s: Settings) -> Value? { field.get(s) ?? fallback }

    /// The value of settings read in place (see `FieldAccess.get`).
    func value(_ s: UnsafePointer<Settings>) -> Value? { field.get(s) ?? fallback }

    var key: Key<Settings> {
        let path = self.path, name = self.name, fallback = self.fallback
        return Key(
            field: Field(name, .string(.oneOf(Value.allCases.map(\.rawValue))), required: required,
                         default: fallback.map { "\"\($0.rawValue)\"" }, doc.text),
            doc: doc,
            read: { s, r in
                if let text = r.child(name)?.string, let v = Value(rawValue: text) { s[keyPath: path] = v }
            },
            record: { _, r, _ in r.assumeWritten(name, default: fallback.map { "\"\($0.rawValue)\"" }) },
            input: { _, _ in nil })
    }
}

/// A key whose value is free text or an id (`label`, `model`, `overflow`); `recorded` keys are
/// listed among the assumptions (a catalog id is; a label is not a cost input).
struct TextKey<Settings>: Sendable {
    let name: String
    let path: SettingPath<Settings, String?>
    let kind: StringKind
    let fallback: String?
    let required: Bool
    let recorded: Bool
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, String?>, _ kind: StringKind = .text, default fallback: String? = nil,
         required: Bool = false, recorded: Bool = true, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        self.kind = kind
        self.fallback = fallback
        self.required = required
        self.recorded = recorded
        self.doc = doc
    }

    func value(_ s: Settings) -> String? { s[keyPath: path] ?? fallback }

    var key: Key<Settings> {
        key(shape: .string(kind))
    }

    /// The key with a shape of its own (an id or an inline object, say): its reader takes the string.
    func key(shape: Shape) -> Key<Settings> {
        let path = self.path, name = self.name, fallback = self.fallback, recorded = self.recorded
        return Key(
            field: Field(name, shape, required: required, default: fallback.map { "\"\($0)\"" }, doc.text),
            doc: doc,
            read: { s, r in
                if let text = r.child(name)?.string { s[keyPath: path] = text }
            },
            record: { _, r, _ in
                guard recorded, r.child(name)?.string != nil || r.child(name) == nil else { return }
                r.assumeWritten(name, default: fallback.map { "\"\($0)\"" })
            },
            input: { _, _ in nil })
    }
}
