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
/// routes). Elements are named in assumption, sweep and `--set` paths as `naming` says (a
/// class's name, a route's option id); names may hold dots, so the longest run of segments that
/// names an element wins, and a plain index works too. A list with `shares` keeps them summing
/// to 1: one set in place moves the others in proportion (`ShareBalance`).
struct ListKey<Settings, Element: KeySettings>: Sendable {
    let name: String
    let path: SettingPath<Settings, [Element]>
    let keys: [Key<Element>]
    let count: ClosedRange<Int>
    let required: Bool
    let naming: ElementNaming<Element>
    let shares: NumberKey<Element, Double>?
    let doc: KeyDoc

    init(_ name: String, _ path: SettingPath<Settings, [Element]>, _ keys: [Key<Element>], count: ClosedRange<Int>,
         required: Bool = false, named naming: ElementNaming<Element>, shares: NumberKey<Element, Double>? = nil, _ doc: KeyDoc) {
        self.name = name
        self.path = path
        self.keys = keys
        self.count = count
        self.required = required
        self.naming = naming
        self.shares = shares
        self.doc = doc
    }

    var key: Key<Settings> {
        let path = self.path, name = self.name, keys = self.keys, naming = self.naming, shares = self.shares
        var field = Field(name, .array(.object(ObjectShape(keys.map(\.field))), count: count), required: required, doc.text)
        field.list = ListPaths(elementKey: naming.key, sharesKey: shares?.name)
        return Key(
            field: field,
            doc: doc,
            read: { s, r in
                guard let nodes = r.child(name)?.elements else { return }
                s[keyPath: path] = nodes.indices.map { i in
                    var element = Element()
                    for k in keys { k.read(&element, r.element(name, i, named: naming.name(nodes[i], i))) }
                    return element
                }
                if let shares {
                    let written = s[keyPath: path].compactMap { shares.field.get($0) }, sum = written.reduce(0, +)
                    if !written.isEmpty, abs(sum - 1) > 1e-6 {
                        r.error(name, "expected shares that sum to 1, found a sum of \(ShareBalance.sumText(sum))")
                    }
                }
            },
            record: { s, r, c in
                guard let nodes = r.child(name)?.elements else { return }
                for (i, element) in s[keyPath: path].enumerated() where i < nodes.count {
                    let reader = r.element(name, i, named: naming.name(nodes[i], i))
                    for k in keys { k.record(element, reader, c) }
                }
            },
            input: { rest, s in
                let elements = s[keyPath: path]
                guard let (index, inner) = ElementPath.element(rest, names: naming.names(elements)), let head = inner.first,
                      let k = keys.first(where: { $0.name == head }), elements.indices.contains(index),
                      let input = k.input(inner.dropFirst(), elements[index]) else { return nil }
                let lifted = input.lifted(path, index: index)
                guard let shares, head == shares.name, inner.count == 1 else { return lifted }
                let list = FieldAccess(path), share = shares.field
                return SettingInput(range: input.range, doc: input.doc, get: lifted.get, set: { s, v in
                    list.modify(&s) { elements in
                        guard elements.indices.contains(index) else { return }
                        share.set(&elements[index], v)
                        ShareBalance.rebalance(&elements, share, taken: v) { $0 == index }
                    }
                })
            })
    }
}
