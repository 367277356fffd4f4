/// A key whose value is an array of numbers (`growth.schedule`, `load_shape.hourly`).
struct NumberListKey<Settings>: Sendable {
    let name: String
    let path: SettingPath<Settings, [Double]?>
    let bounds: NumberBounds
    let count: ClosedRange<Int>
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, [Double]?>, _ bounds: NumberBounds, count: ClosedRange<Int>, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        self.bounds = bounds
        self.count = count
        self.doc = doc
    }

    var key: Key<Settings> {
        let path = self.path, name = self.name
        return Key(
            field: Field(name, .array(.number(bounds), count: count), doc.text),
            doc: doc,
            read: { s, r in
                if let items = r.child(name)?.elements { s[keyPath: path] = items.compactMap(\.number) }
            },
            record: { _, r, _ in
                guard let node = r.child(name), let items = node.elements else { return }
                r.assume(name, "[" + items.map(\.quoted).joined(separator: ", ") + "]", KeyReader.source(of: node))
            },
            input: { _, _ in nil })
    }
}

/// A key whose value is an array of ids (`allowed_options`).
struct TextListKey<Settings>: Sendable {
    let name: String
    let path: SettingPath<Settings, [String]?>
    let kind: StringKind
    let count: ClosedRange<Int>
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, [String]?>, _ kind: StringKind, count: ClosedRange<Int>, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        self.kind = kind
        self.count = count
        self.doc = doc
    }

    var key: Key<Settings> {
        let path = self.path, name = self.name
        return Key(
            field: Field(name, .array(.string(kind), count: count), doc.text),
            doc: doc,
            read: { s, r in
                if let items = r.child(name)?.elements { s[keyPath: path] = items.compactMap(\.string) }
            },
            record: { _, r, _ in
                guard let node = r.child(name), let items = node.elements else { return }
                r.assume(name, "[" + items.map(\.quoted).joined(separator: ", ") + "]", KeyReader.source(of: node))
            },
            input: { _, _ in nil })
    }
}
