/// Settings a nested object of the language fills (`team`, `latency`, a request class…).
protocol KeySettings: Sendable {
    init()
}

/// Settings of an object key that may be absent (an inline model or GPU where a catalog id may
/// stand instead), stored in place rather than as an `Optional`: a key path reaches an optional's
/// payload only through a computed accessor, which copies it out and back on every trial's set.
struct Presence<Value: KeySettings>: Sendable {
    var value = Value()
    var isPresent = false

    /// The settings when written; nil otherwise.
    var written: Value? { isPresent ? value : nil }
}

extension Presence {
    /// Reads a key written either as a word (a catalog id, a commitment) or as an object of its own
    /// keys (a device's figures, reserved replicas): an object also marks the settings present.
    static func wordOrObject<Settings>(_ name: String, word: Key<Settings>, object: Key<Settings>,
                                       at present: SettingPath<Settings, Presence>) -> @Sendable (inout Settings, KeyReader) -> Void {
        { s, r in
            if r.child(name)?.members != nil {
                object.read(&s, r)
                s[keyPath: present].isPresent = true
            } else {
                word.read(&s, r)
            }
        }
    }

    /// The numbers of the object form are inputs only when the object was written.
    static func inputs<Settings>(of object: Key<Settings>, at present: SettingPath<Settings, Presence>)
        -> @Sendable (ArraySlice<String>, Settings) -> SettingInput<Settings>? {
        { rest, s in s[keyPath: present].isPresent ? object.input(rest, s) : nil }
    }
}

/// A key whose value is an object with keys of its own.
struct ObjectKey<Settings, Nested: KeySettings>: Sendable {
    /// What the assumptions list when the object is absent.
    enum WhenAbsent: Sendable {
        case nothing
        /// One line for the whole object: `team` "none", `growth` "flat".
        case note(String)
        /// Each nested key, with its catalog value or default (`prices` under a catalog model).
        case keys
    }

    let name: String
    let path: SettingPath<Settings, Nested>
    let keys: [Key<Nested>]
    let exactlyOne: [[Alternative]]
    let required: Bool
    let whenAbsent: WhenAbsent
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, Nested>, _ keys: [Key<Nested>], exactlyOne: [[Alternative]] = [],
         required: Bool = false, whenAbsent: WhenAbsent = .nothing, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        self.keys = keys
        self.exactlyOne = exactlyOne
        self.required = required
        self.whenAbsent = whenAbsent
        self.doc = doc
    }

    var objectShape: ObjectShape { ObjectShape(keys.map(\.field), exactlyOne: exactlyOne, doc: doc.text) }

    var key: Key<Settings> {
        let path = self.path, name = self.name, keys = self.keys, whenAbsent = self.whenAbsent
        return Key(
            field: Field(name, .object(objectShape), required: required, doc.text),
            doc: doc,
            read: { s, r in
                let nested = r.nested(name)
                guard nested.isPresent else { return }
                var value = Nested()
                for k in keys { k.read(&value, nested) }
                s[keyPath: path] = value
            },
            record: { s, r, c in
                let nested = r.nested(name)
                switch (nested.isPresent, whenAbsent) {
                case (true, _), (false, .keys):
                    for k in keys { k.record(s[keyPath: path], nested, c) }
                case (false, .note(let text)):
                    r.assume(name, text, .defaultValue)
                case (false, .nothing):
                    break
                }
            },
            input: { rest, s in
                guard let head = rest.first, let k = keys.first(where: { $0.name == head }) else { return nil }
                return k.input(rest.dropFirst(), s[keyPath: path])?.lifted(path)
            })
    }
}

/// A key whose value is an array of objects (request classes, phases, long-context tiers,
/// routes). Elements are named in assumption and `--set` paths by `elementName` (a class's name,
/// a route's option id); names may hold dots, so the longest run of segments that names an
/// element wins, and a plain index works too.
struct ListKey<Settings, Element: KeySettings>: Sendable {
    let name: String
    let path: SettingPath<Settings, [Element]>
    let keys: [Key<Element>]
    let count: ClosedRange<Int>
    let required: Bool
    let elementName: @Sendable (JSONNode, Int) -> String
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, [Element]>, _ keys: [Key<Element>], count: ClosedRange<Int>,
         required: Bool = false, elementName: @escaping @Sendable (JSONNode, Int) -> String, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        self.keys = keys
        self.count = count
        self.required = required
        self.elementName = elementName
        self.doc = doc
    }

    var key: Key<Settings> {
        let path = self.path, name = self.name, keys = self.keys, elementName = self.elementName
        return Key(
            field: Field(name, .array(.object(ObjectShape(keys.map(\.field))), count: count), required: required, doc.text),
            doc: doc,
            read: { s, r in
                guard let nodes = r.child(name)?.elements else { return }
                s[keyPath: path] = nodes.indices.map { i in
                    var element = Element()
                    for k in keys { k.read(&element, r.element(name, i, named: elementName(nodes[i], i))) }
                    return element
                }
            },
            record: { s, r, c in
                guard let nodes = r.child(name)?.elements else { return }
                for (i, element) in s[keyPath: path].enumerated() where i < nodes.count {
                    let reader = r.element(name, i, named: elementName(nodes[i], i))
                    for k in keys { k.record(element, reader, c) }
                }
            },
            input: { _, _ in nil })
    }

    /// The element a path starts with, by name (the longest match) or index, and the rest of the path.
    static func element(_ rest: ArraySlice<String>, names: [String]) -> (index: Int, rest: ArraySlice<String>)? {
        guard !rest.isEmpty else { return nil }
        for length in stride(from: rest.count, through: 1, by: -1) {
            let candidate = rest.prefix(length).joined(separator: ".")
            if let k = names.firstIndex(of: candidate) { return (k, rest.dropFirst(length)) }
        }
        if let head = rest.first, let k = Int(head), names.indices.contains(k) { return (k, rest.dropFirst()) }
        return nil
    }

    /// The key, with inputs inside elements named as the settings name them.
    func key(names: @escaping @Sendable (Settings) -> [String]) -> Key<Settings> {
        var key = self.key
        let path = self.path, keys = self.keys
        key.input = { rest, s in
            guard let (index, inner) = ListKey.element(rest, names: names(s)), let head = inner.first,
                  let k = keys.first(where: { $0.name == head }) else { return nil }
            let elements = s[keyPath: path]
            guard elements.indices.contains(index) else { return nil }
            return k.input(inner.dropFirst(), elements[index])?.lifted(path, index: index)
        }
        return key
    }
}
