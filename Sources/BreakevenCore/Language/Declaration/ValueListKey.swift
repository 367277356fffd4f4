/// A key whose value is an array of numbers (`growth.schedule`, `load_shape.hourly`) or of ids
/// (`allowed_options`): the element's shape and how to read one element are all that differ.
struct ValueListKey<Settings, Element: Sendable>: Sendable {
    let name: String
    let path: SettingPath<Settings, [Element]?>
    let element: Shape
    let value: @Sendable (JSONNode) -> Element?
    let count: ClosedRange<Int>
    let doc: KeyDoc

    var key: Key<Settings> {
        let path = self.path, name = self.name, value = self.value
        return Key(
            field: Field(name, .array(element, count: count), doc.text),
            doc: doc,
            read: { s, r in
                if let items = r.child(name)?.elements { s[keyPath: path] = items.compactMap(value) }
            },
            record: { _, r, _ in
                guard let node = r.child(name), let items = node.elements else { return }
                r.assume(name, "[" + items.map(\.quoted).joined(separator: ", ") + "]", KeyReader.source(of: node))
            },
            input: { _, _ in nil })
    }
}

extension ValueListKey where Element == Double {
    init(_ name: String, _ path: SettingPath<Settings, [Double]?>, _ bounds: NumberBounds, count: ClosedRange<Int>, _ doc: KeyDoc) {
        self.init(name: name, path: path, element: .number(bounds), value: \.number, count: count, doc: doc)
    }
}

extension ValueListKey where Element == String {
    init(_ name: String, _ path: SettingPath<Settings, [String]?>, _ kind: StringKind, count: ClosedRange<Int>, _ doc: KeyDoc) {
        self.init(name: name, path: path, element: .string(kind), value: \.string, count: count, doc: doc)
    }
}
