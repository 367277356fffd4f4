/// Settings one option kind's keys fill.
protocol OptionSettings: KeySettings {}

/// One option kind of the language, declared once: its keys (with their shapes, defaults, docs,
/// catalog fields and setters), what its resolution checks and looks up beyond the keys, and
/// how its settings become what the engine runs.
protocol OptionDeclaration {
    associatedtype Settings: OptionSettings
    static var kind: OptionKind { get }
    /// One line for the JSON Schema and the docs.
    static var doc: String { get }
    static var keys: [Key<Settings>] { get }
    /// Rules of keys that go together: of each list, exactly one alternative.
    static var exactlyOne: [[Alternative]] { get }
    static var isComposite: Bool { get }
    static var provisionsCapacity: Bool { get }
    /// Rents GPUs by the hour, so it has GPUs paid at the peak (a guardrail metric).
    static var rentsGPUs: Bool { get }

    /// What resolution checks and looks up once the keys are read (catalog entries, references
    /// to other options), before the values are listed among the assumptions.
    static func resolve(_ s: inout Settings, _ r: KeyReader)
    /// After the values are listed: what is worked out from them (a derived throughput).
    static func finish(_ s: Settings, _ r: KeyReader)
    /// What the engine runs, from settings that may have been changed in place since; read
    /// where they lie (a trial lowers several options, and a copy of one kind's settings is
    /// over a kilobyte: see `FieldAccess.get`).
    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption
}

extension OptionDeclaration {
    static var exactlyOne: [[Alternative]] { [] }
    static var isComposite: Bool { false }
    static var provisionsCapacity: Bool { false }
    static var rentsGPUs: Bool { false }
    static func resolve(_ s: inout Settings, _ r: KeyReader) {}
    static func finish(_ s: Settings, _ r: KeyReader) {}

    static var objectShape: ObjectShape { ObjectShape(keys.map(\.field), exactlyOne: exactlyOne, doc: doc) }

    /// Reads one option object: keys, resolution, assumptions, what is worked out.
    static func read(_ r: KeyReader) -> any OptionSettings {
        var s = Settings()
        for k in keys { k.read(&s, r) }
        resolve(&s, r)
        let values = ValueContext(conversion: r.context.conversion)
        for k in keys { k.record(s, r, values) }
        finish(s, r)
        return s
    }

    /// The numeric input a path names inside an option of this kind, set on its erased settings
    /// in place (the settings are opened, not copied out of their box and back; see `inputs`).
    static func input(_ path: ArraySlice<String>, _ settings: any OptionSettings) -> SettingInput<any OptionSettings>? {
        guard let s = settings as? Settings, let head = path.first, let k = keys.first(where: { $0.name == head }),
              let input = k.input(path.dropFirst(), s), let set = inputs([(0, path)], settings) else { return nil }
        return SettingInput<any OptionSettings>(
            range: input.range, doc: input.doc,
            get: { any, c in (any as? Settings).flatMap { input.get($0, c) } },
            set: { any, v in withUnsafePointer(to: v) { set(&any, UnsafeBufferPointer(start: $0, count: 1)) } })
    }

    /// Several inputs of an option of this kind set in one call, input j (a path inside the
    /// option) to values[j]: the erased settings are opened once for all of them, in place. The
    /// kind is known here only at run time, so this code runs unspecialized: the settings'
    /// address is taken by the language's `&` (no generic `withUnsafeMutablePointer`,
    /// `withMemoryRebound` or associated-type lookup a trial would pay for), and the inputs'
    /// setters are chained (each called where the next holds it, not retained around the call).
    static func inputs(_ paths: [(index: Int, path: ArraySlice<String>)], _ settings: any OptionSettings)
        -> (@Sendable (inout any OptionSettings, UnsafeBufferPointer<Double>) -> Void)? {
        guard let s = settings as? Settings else { return nil }
        var setAll: @Sendable (inout Settings, UnsafeBufferPointer<Double>) -> Void = { _, _ in }
        for (j, path) in paths {
            guard let head = path.first, let k = keys.first(where: { $0.name == head }), let input = k.input(path.dropFirst(), s) else {
                return nil
            }
            let before = setAll, set = input.set
            setAll = { s, values in
                before(&s, values)
                set(&s, values[j])
            }
        }
        let kind: any OptionSettings.Type = Settings.self
        return { [setAll] any, values in
            func store<T>(_ t: UnsafeMutablePointer<T>) {
                setAll(&UnsafeMutableRawPointer(t).assumingMemoryBound(to: Settings.self).pointee, values)
            }
            func open<T: OptionSettings>(_ t: inout T) {
                guard T.self == kind else { return }
                store(&t)
            }
            open(&any)
        }
    }

    static func lowered(_ settings: any OptionSettings, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        func open<T: OptionSettings>(_ t: T) throws(LoweringFailure) -> LoweredOption {
            guard T.self == Settings.self else { throw LoweringFailure(message: "settings of another kind") }
            return try withUnsafePointer(to: t) { pointer throws(LoweringFailure) in
                try pointer.withMemoryRebound(to: Settings.self, capacity: 1) { settings throws(LoweringFailure) in try lower(settings, c) }
            }
        }
        return try open(settings)
    }
}

/// Why settings changed in place cannot be run (a model that no longer fits its device).
struct LoweringFailure: Error, Sendable {
    var message: String
}
