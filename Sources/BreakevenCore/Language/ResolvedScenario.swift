/// A checked scenario resolved against the catalog and its currency: every key of every object
/// read into its declared settings, every input listed with its source. Numeric inputs are set
/// here in place (`input(_:)`); `scenario(memo:)` turns the settings into what the engine runs.
struct ResolvedScenario: Sendable {
    var top: ScenarioLanguage.Settings
    var workload: WorkloadSettings
    var options: [ResolvedOption]
    /// Every input with its source, in the order read: the report's assumptions.
    var assumptions: [Assumption]
    let guardrails: [Guardrail]
    let start: CalendarMonth
    let baselineID: String

    var optionIDs: [String] { options.map(\.id) }

    /// The currency conversion the settings run with (the rate may be an input).
    var values: ValueContext {
        let code = top.currency ?? Currency.usd.code
        guard let rate = top.usdRate, !Currency(code: code).isUSD else { return .dollars }
        return ValueContext(conversion: CatalogConversion(perUSD: rate, currency: code))
    }

    /// What the engine runs; fails when changed inputs leave a model that no longer fits its device.
    func scenario(memo: CapacityMemo? = nil) throws(LoweringFailure) -> Scenario {
        let workload = WorkloadDeclaration.lowered(self.workload)
        let context = lowerContext(workload, memo: memo)
        var options: [ServingOption] = []
        options.reserveCapacity(self.options.count)
        try lowerOptions(into: &options, context)
        var scenario = Scenario(name: top.name ?? "", description: top.description ?? "", profile: top.profile ?? .enterprise,
                                currency: top.currency ?? Currency.usd.code, start: start,
                                months: ScenarioLanguage.months.value(top, .dollars) ?? 36,
                                discountRate: ScenarioLanguage.discountRate.value(top, .dollars) ?? 0,
                                workload: workload, options: options, baselineID: baselineID, assumptions: assumptions)
        scenario.guardrails = guardrails
        return scenario
    }

    /// `scenario(memo:)` written again into a scenario lowered from these settings before: what
    /// a numeric input can change (the workload, the horizon, the discount rate, the options) is
    /// lowered again, and the rest (names, currency, assumptions) is kept rather than copied in
    /// anew. The options are appended to `s.options` (emptied first, its storage kept).
    func relower(_ s: inout Scenario, memo: CapacityMemo?) throws(LoweringFailure) {
        refreshVolumeAndDiscounting(&s)
        s.months = ScenarioLanguage.months.value(top, .dollars) ?? 36
        s.options.removeAll(keepingCapacity: true)
        try lowerOptions(into: &s.options, lowerContext(s.workload, memo: memo))
    }

    private func lowerOptions(into lowered: inout [ServingOption], _ context: LowerContext) throws(LoweringFailure) {
        for k in options.indices { lowered.append(try option(k, context)) }
    }

    func lowerContext(_ workload: Workload, memo: CapacityMemo?) -> LowerContext {
        LowerContext(values: values, workload: workload, profile: top.profile ?? .enterprise, baselineID: baselineID, capacities: memo)
    }

    /// Option k as the engine runs it.
    func option(_ k: Int, _ context: LowerContext) throws(LoweringFailure) -> ServingOption {
        let lowered = try options[k].kind.declaration.lowered(options[k].settings, context)
        var option = ServingOption(id: options[k].id, label: options[k].label, type: options[k].kind, kind: lowered.kind,
                                   derived: lowered.derived)
        option.notes = lowered.notes
        option.provider = lowered.provider
        return option
    }

    /// The options a path's input reaches: its own option; none for the volume of the workload
    /// and the discount rate (options are lowered from the request's shape, never its count:
    /// only the months' demands and the discounting change); nil (every option) for the rest of
    /// the workload and the top-level keys.
    func optionsReached(by path: String) -> [Int]? {
        if let k = optionIndex(of: path) { return [k] }
        let segments = path.split(separator: ".").map(String.init)
        if segments.first == "workload", let key = segments.dropFirst().first, WorkloadDeclaration.volumeKeys.contains(key) { return [] }
        if path == ScenarioLanguage.discountRate.name { return [] }
        return nil
    }

    /// What a change of the workload's volume or the discount rate changes in a lowered scenario.
    func refreshVolumeAndDiscounting(_ s: inout Scenario) {
        s.workload = WorkloadDeclaration.lowered(workload)
        s.discountRate = ScenarioLanguage.discountRate.value(top, .dollars) ?? 0
    }

    /// The option a path's input lives in; nil for the workload and the top-level keys, which
    /// every option may depend on.
    func optionIndex(of path: String) -> Int? {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard segments.first == "options" else { return nil }
        return ElementPath.element(segments.dropFirst(), names: optionIDs)?.index
    }

    /// The human name the language declares for the key a path names, number or not.
    func declaredTitle(_ path: String) -> String? {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch segments.first {
        case "workload": return WorkloadDeclaration.objectShape.title(at: segments.dropFirst())
        case "options":
            guard let (k, inner) = ElementPath.element(segments.dropFirst(), names: optionIDs) else { return nil }
            return options[k].kind.declaration.objectShape.title(at: inner)
        default: return ScenarioLanguage.scenario.title(at: segments[...])
        }
    }

    /// The number a `--set` path names, set in place; nil when the path names none.
    func input(_ path: String) -> SettingInput<ResolvedScenario>? {
        let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = segments.first else { return nil }
        switch head {
        case "workload":
            guard let name = segments.dropFirst().first, let key = WorkloadDeclaration.keys.first(where: { $0.name == name }) else { return nil }
            return key.input(segments.dropFirst(2), workload)?.lifted(\ResolvedScenario.workload)
        case "options":
            guard let (k, inner) = optionInput(segments), let input = options[k].kind.declaration.input(inner, options[k].settings) else { return nil }
            let set = input.set, get = input.get
            return SettingInput(range: input.range, doc: input.doc, get: { r, c in get(r.options[k].settings, c) },
                                set: { r, v in set(&r.options[k].settings, v) })
        default:
            guard segments.count == 1, let key = ScenarioLanguage.leadingKeys.first(where: { $0.name == head }), head != "months" else { return nil }
            return key.input([], top)?.lifted(\ResolvedScenario.top)
        }
    }
}

extension ResolvedScenario {
    /// The option a path's segments name an input of, and the path inside it; nil for the rest.
    private func optionInput(_ segments: [String]) -> (option: Int, inner: ArraySlice<String>)? {
        // Option ids may hold dots: the longest id the path starts with.
        guard segments.first == "options", let (k, inner) = ElementPath.element(segments.dropFirst(), names: optionIDs),
              !inner.isEmpty else { return nil }
        return (k, inner)
    }

    /// Every input of `paths` set in one call, paths[j] to values[j]; nil if a path names no
    /// input. The inputs of one option are set together, its settings opened once
    /// (`OptionDeclaration.inputs`); the setters are chained, each called where the next holds
    /// it (a closure read out of a list is retained and released around every call).
    func setAll(_ paths: [String]) -> (@Sendable (inout ResolvedScenario, UnsafeBufferPointer<Double>) -> Void)? {
        var setAll: @Sendable (inout ResolvedScenario, UnsafeBufferPointer<Double>) -> Void = { _, _ in }
        var byOption: [Int: [(index: Int, path: ArraySlice<String>)]] = [:]
        for (j, path) in paths.enumerated() {
            if let (k, inner) = optionInput(path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)) {
                byOption[k, default: []].append((j, inner))
                continue
            }
            guard let set = input(path)?.set else { return nil }
            let before = setAll
            setAll = { r, values in
                before(&r, values)
                set(&r, values[j])
            }
        }
        for (k, inputs) in byOption.sorted(by: { $0.key < $1.key }) {
            guard let set = options[k].kind.declaration.inputs(inputs, options[k].settings) else { return nil }
            let before = setAll
            setAll = { r, values in
                before(&r, values)
                set(&r.options[k].settings, values)
            }
        }
        return setAll
    }
}

/// One option of a resolved scenario: its id, label, kind and the settings its keys filled.
struct ResolvedOption: Sendable, KeySettings {
    var id = ""
    var label = ""
    var kind = OptionKind.api
    var settings: any OptionSettings = APIOption.Settings()
}
