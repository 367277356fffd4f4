/// A numeric key: the value written in the scenario, else the catalog entry's, else the
/// documented default. The settings keep only what was written (nil: absent), so setting an
/// input in place and resolving from the document give the same values.
final class NumberKey<Settings, Value: KeyNumber>: Sendable {
    enum Fallback: Sendable {
        /// Absent stays absent: the value is nil and no assumption is listed.
        case none
        /// The documented default.
        case value(Value)
        /// A default worked out from other values: how the schema names it, and the rule, which
        /// may add a note to the listed value ("0.1 (spot price)"). The rule reads the settings
        /// where they lie (see `value(_:_:)`).
        case rule(String, @Sendable (UnsafePointer<Settings>, ValueContext) -> (Value, note: String?)?)
        /// A default measured from published benchmarks: how the schema names it, and the rule
        /// with the reference the assumptions cite.
        case measured(String, @Sendable (Settings) -> (Value, reference: String)?)
    }

    let name: String
    let path: SettingPath<Settings, Value?>
    let field: FieldAccess<Settings, Value?>
    let bounds: NumberBounds
    let fallback: Fallback
    let catalog: CatalogField<Settings>?
    let required: Bool
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, Value?>, _ bounds: NumberBounds, default fallback: Fallback = .none,
         catalog: CatalogField<Settings>? = nil, required: Bool = false, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        field = FieldAccess(path)
        self.bounds = bounds
        self.fallback = fallback
        self.catalog = catalog
        self.required = required
        self.doc = doc
    }

    /// The value the scenario runs with; nil when nothing gives one.
    func value(_ s: Settings, _ c: ValueContext) -> Value? {
        withUnsafePointer(to: s) { value($0, c) }
    }

    /// The value of settings read in place (see `FieldAccess.get`): a written value, a plain
    /// default, a catalog entry's or a rule's copies nothing; only a measured default is worked
    /// out from a copy (it is not read while lowering).
    func value(_ s: UnsafePointer<Settings>, _ c: ValueContext) -> Value? {
        if let written = field.get(s) { return written }
        // Called through the optional, not bound out of it: a bound copy retains its two closures.
        if let x = catalog?.resolved(s, c), let v = Value(keyValue: x) { return v }
        switch fallback {
        case .none: return nil
        case .value(let v): return v
        case .rule(_, let rule): return rule(s, c)?.0
        case .measured(_, let rule): return rule(s.pointee)?.0
        }
    }

    var shape: Shape {
        if Value.isInteger {
            return .integer(min: Int(bounds.min ?? 0), max: Int(bounds.max ?? 1e15))
        }
        return .number(bounds)
    }

    var range: InputRange {
        Value.isInteger ? InputRange(integersFrom: Int(bounds.min ?? 0), to: Int(bounds.max ?? 1e15)) : InputRange(bounds)
    }

    var defaultText: String? {
        switch fallback {
        case .none: return nil
        case .value(let v): return NumberBounds.format(v.keyValue)
        case .rule, .measured: return nil
        }
    }

    var key: Key<Settings> {
        let path = self.path, name = self.name, field = self.field
        let me = self
        var docText = doc.text
        switch fallback {
        case .rule(let description, _), .measured(let description, _): docText += " Default: \(description)."
        case .none, .value: break
        }
        return Key(
            field: Field(name, shape, required: required, default: defaultText, docText),
            doc: doc,
            read: { s, r in
                if let x = r.child(name)?.number, let v = Value(keyValue: x) { s[keyPath: path] = v }
            },
            record: { s, r, c in me.record(s, r, c) },
            input: { rest, _ in
                guard rest.isEmpty else { return nil }
                return SettingInput(range: me.range, doc: me.doc,
                                    get: { s, c in me.value(s, c)?.keyValue },
                                    set: { s, x in field.set(&s, Value(keyValue: Value.isInteger ? x.rounded() : x)) })
            })
    }

    private func record(_ s: Settings, _ r: KeyReader, _ c: ValueContext) {
        if let node = r.child(name), node.number != nil {
            r.assume(name, node.quoted, KeyReader.source(of: node))
            return
        }
        if let catalog, let x = catalog.resolved(s, c), let reference = catalog.reference(s) {
            r.assume(name, NumberBounds.format(x), c.noted(reference).source, isMoney: catalog.isMoney)
            return
        }
        switch fallback {
        case .none: break
        case .value(let v): r.assume(name, NumberBounds.format(v.keyValue), .defaultValue)
        case .rule(_, let rule):
            if let (v, note) = withUnsafePointer(to: s, { rule($0, c) }) {
                r.assume(name, NumberBounds.format(v.keyValue) + (note.map { " (\($0))" } ?? ""), .defaultValue)
            }
        case .measured(_, let rule):
            if let (v, reference) = rule(s) { r.assume(name, NumberBounds.format(v.keyValue), .measuredDefault(reference)) }
        }
    }
}
