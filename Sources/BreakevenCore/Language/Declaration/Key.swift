/// A writable key path that may cross threads (trials set inputs on every core).
typealias SettingPath<Root, Value> = WritableKeyPath<Root, Value> & Sendable

/// One key of the scenario language, declared once for the settings type it fills. Everything
/// else derives from the declaration: the checker's and the JSON Schema's shape (with the doc
/// and default), the reader that fills the settings from a checked document, the assumption the
/// report lists, and the numeric input that `--set`-like trials, tornado bars and sweep points
/// change in place.
///
/// Typed keys (`NumberKey`, `ChoiceKey`, `ObjectKey`…) build these; a kind's declaration keeps
/// the typed ones for its resolver to read values with and lists the erased ones.
struct Key<Settings>: Sendable {
    var field: Field
    var doc: KeyDoc
    /// Puts the key's written value (if any) into the settings.
    var read: @Sendable (inout Settings, KeyReader) -> Void
    /// Lists the value the scenario runs with, and where it came from, among the assumptions.
    var record: @Sendable (Settings, KeyReader, ValueContext) -> Void
    /// The numeric input the rest of a path names below this key (nothing left: the key itself).
    var input: @Sendable (ArraySlice<String>, Settings) -> SettingInput<Settings>?

    var name: String { field.name }

    init(field: Field, doc: KeyDoc, read: @escaping @Sendable (inout Settings, KeyReader) -> Void,
         record: @escaping @Sendable (Settings, KeyReader, ValueContext) -> Void,
         input: @escaping @Sendable (ArraySlice<String>, Settings) -> SettingInput<Settings>?) {
        var field = field
        if field.title == nil, !doc.title.isEmpty { field.title = doc.title }
        self.field = field
        self.doc = doc
        self.read = read
        // What the key lists is named with its doc, so reports word it ("GPU price", "$2.26 per GPU-hour").
        let name = field.name
        self.record = { s, r, c in
            let first = r.context.assumptions.count
            record(s, r, c)
            r.context.name(from: first, path: r.settingPath(name), doc)
        }
        self.input = input
    }
}

extension Key {
    /// The key of a nested settings value, read from the same object (the derivation's keys sit
    /// beside the option's own; a request size's, beside the workload's or a class's).
    func lifted<Parent>(_ path: SettingPath<Parent, Settings>) -> Key<Parent> {
        let read = self.read, record = self.record, input = self.input
        return Key<Parent>(field: field, doc: doc,
                           read: { p, r in read(&p[keyPath: path], r) },
                           record: { p, r, c in record(p[keyPath: path], r, c) },
                           input: { rest, p in input(rest, p[keyPath: path])?.lifted(path) })
    }
}

/// What turns settings into the values the engine runs with: the rate that converts the
/// catalog's US dollars into the scenario's currency.
struct ValueContext: Sendable {
    var conversion: CatalogConversion?

    static let dollars = ValueContext(conversion: nil)

    func money(_ usd: Double) -> Double { conversion?.amount(usd) ?? usd }
}

/// A number of the scenario that can be set in place: its valid range and human name, how to
/// read the value it runs with, and how to write a new one.
struct SettingInput<Settings>: Sendable {
    var range: InputRange
    var doc: KeyDoc
    var get: @Sendable (Settings, ValueContext) -> Double?
    var set: @Sendable (inout Settings, Double) -> Void

    /// The same input reached from an enclosing settings value.
    func lifted<Parent>(_ path: SettingPath<Parent, Settings>) -> SettingInput<Parent> {
        let get = self.get, set = self.set, field = FieldAccess(path)
        return SettingInput<Parent>(range: range, doc: doc, get: { p, c in get(p[keyPath: path], c) },
                                    set: { p, v in field.modify(&p) { set(&$0, v) } })
    }

    /// The same input of one element of an enclosing array.
    func lifted<Parent>(_ path: SettingPath<Parent, [Settings]>, index: Int) -> SettingInput<Parent> {
        let get = self.get, set = self.set, field = FieldAccess(path)
        return SettingInput<Parent>(range: range, doc: doc,
                                    get: { p, c in p[keyPath: path].indices.contains(index) ? get(p[keyPath: path][index], c) : nil },
                                    set: { p, v in field.modify(&p) { if $0.indices.contains(index) { set(&$0[index], v) } } })
    }
}

/// A number type a key holds: decimals, or integers read exactly (an out-of-range or fractional
/// value never reaches `Int`, which would trap).
protocol KeyNumber: Sendable, Equatable {
    init?(keyValue: Double)
    var keyValue: Double { get }
    static var isInteger: Bool { get }
}

extension Double: KeyNumber {
    init?(keyValue: Double) {
        guard keyValue.isFinite else { return nil }
        self = keyValue
    }
    var keyValue: Double { self }
    static var isInteger: Bool { false }
}

extension Int: KeyNumber {
    init?(keyValue: Double) {
        guard keyValue.isFinite, keyValue == keyValue.rounded(), abs(keyValue) <= 9e15 else { return nil }
        self = Int(keyValue)
    }
    var keyValue: Double { Double(self) }
    static var isInteger: Bool { true }
}

/// Where a key's value comes from when the scenario does not write it but names a catalog entry.
struct CatalogField<Settings>: Sendable {
    /// The entry's value (in US dollars when `isMoney`), read from settings where they lie: a
    /// trial lowers with the catalog's value of every key it does not draw, and passing the
    /// settings by value would copy them (over a kilobyte, a catalog entry's strings retained).
    var value: @Sendable (UnsafePointer<Settings>) -> Double?
    var reference: @Sendable (Settings) -> CatalogReference?
    /// An amount, converted at the scenario's `usd_rate`; quantities (watts, requests) are not.
    var isMoney: Bool

    /// The entry's value as the scenario runs with it.
    func resolved(_ s: UnsafePointer<Settings>, _ c: ValueContext) -> Double? {
        value(s).map { isMoney ? c.money($0) : $0 }
    }

    func resolved(_ s: Settings, _ c: ValueContext) -> Double? {
        withUnsafePointer(to: s) { resolved($0, c) }
    }
}
