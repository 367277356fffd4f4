/// Resolves a shape-checked scenario document: every key read into its declared settings,
/// catalog entries looked up (in the scenario's currency), references between options checked,
/// every input listed with its source. Reports what a shape cannot say: the version, unique
/// ids, references, shares that must sum to 1, volumes that would run away.
enum ScenarioResolver {
    /// - Parameter asOf: the day whose catalog prices apply, in place of the scenario's `as_of`
    ///   (a replayed month's prices).
    /// - Parameter workloadRefused: the shape check refused part of the workload, so what is
    ///   left of it is no workload to judge the options by: a derived throughput sized for a
    ///   request of 0 output tokens would only repeat the workload's own error.
    static func resolve(_ root: JSONNode, catalog: CatalogSnapshot, asOf: CalendarDay? = nil,
                        workloadRefused: Bool = false) -> Result<ResolvedScenario, ScenarioErrors> {
        var top = ScenarioLanguage.Settings()
        let bootstrap = KeyReader(node: root, path: "", settingPath: "", context: ResolveContext(catalog: catalog, conversion: nil, asOf: .init(year: 2026, month: 1, day: 1)))
        for k in ScenarioLanguage.leadingKeys + [ScenarioLanguage.baseline.key] { k.read(&top, bootstrap) }
        let code = top.currency ?? Currency.usd.code
        let conversion = top.usdRate.flatMap { Currency(code: code).isUSD ? nil : CatalogConversion(perUSD: $0, currency: code) }
        let start = top.start.flatMap(CalendarMonth.init) ?? CalendarMonth(year: 2026, month: 1)
        let context = ResolveContext(catalog: catalog, conversion: conversion, asOf: asOf ?? top.asOf.flatMap(CalendarDay.init) ?? start.firstDay)
        let r = KeyReader(node: root, path: "", settingPath: "", context: context)
        context.start = start
        context.months = ScenarioLanguage.months.value(top, .dollars) ?? 36
        context.profile = top.profile ?? .enterprise

        if let v = r.child("version"), let n = v.number, n != Double(ScenarioLanguage.version) {
            r.error("version", "unsupported version \(v.quoted); this breakeven reads version \(ScenarioLanguage.version)")
        }
        if let rate = top.usdRate, Currency(code: code).isUSD, rate != 1 {
            r.error("usd_rate", "usd_rate converts the catalog's US-dollar prices into the scenario's currency; with currency \"\(code)\" leave it out")
        }
        for k in ScenarioLanguage.leadingKeys { k.record(top, r, .dollars) }
        if let node = r.child("as_of"), node.string != nil {
            r.assume("as_of", node.quoted, KeyReader.source(of: node))
        } else {
            r.assume("as_of", "\"\(context.asOf)\" (the first day of start)", .defaultValue)
        }

        // The workload, which options size for.
        let w = r.nested("workload")
        let workload = WorkloadDeclaration.read(w)
        WorkloadDeclaration.check(workload, w, start: start, months: context.months)
        for k in WorkloadDeclaration.keys { k.record(workload, w, .dollars) }
        context.workload = workloadRefused ? nil : WorkloadDeclaration.lowered(workload)

        // The options, each read by its kind's declaration.
        let nodes = r.child("options")?.elements ?? []
        let ids = nodes.map { $0["id"]?.string ?? "" }
        context.optionIDs = ids
        for node in nodes {
            if let id = node["id"]?.string, let kind = node["type"]?.string.flatMap(OptionKind.init(rawValue:)), context.optionKinds[id] == nil {
                context.optionKinds[id] = kind
            }
        }
        let baseline = resolveBaseline(top, r, ids: ids)
        context.baselineID = baseline
        var options: [ResolvedOption] = []
        var firstIndex: [String: Int] = [:]
        for (i, node) in nodes.enumerated() {
            let id = ids[i]
            if let first = firstIndex[id], !id.isEmpty {
                context.report(Diagnostic(at: node["id"]?.location ?? node.location, path: "options[\(i)].id",
                                          "duplicate option id \"\(id)\" (first used by options[\(first)])"))
            } else {
                firstIndex[id] = i
            }
            guard let kind = node["type"]?.string.flatMap(OptionKind.init(rawValue:)) else { continue }
            let reader = KeyReader(node: node, path: "options[\(i)]", settingPath: "options.\(id)", context: context)
            options.append(ResolvedOption(id: id, label: node["label"]?.string ?? id, kind: kind, settings: kind.declaration.read(reader)))
        }
        recordBaseline(top, r, ids: ids)
        checkPhases(workload, w, baseline: baseline)
        checkCurrency(code, top, r)
        let guardrails = GuardrailReader.read(r, baseline: baseline)
        guard context.diagnostics.isEmpty else { return .failure(ScenarioErrors(file: "", diagnostics: context.diagnostics)) }
        var resolved = ResolvedScenario(top: top, workload: workload, options: options, assumptions: context.assumptions,
                                        guardrails: guardrails, start: start, baselineID: baseline)
        // Values a key lists below its own path (derived throughput, named one-time costs) take
        // the name of the input they are.
        for k in resolved.assumptions.indices where resolved.assumptions[k].title == nil {
            let path = resolved.assumptions[k].path
            if let doc = resolved.input(path)?.doc {
                resolved.assumptions[k].title = doc.title
                resolved.assumptions[k].unit = doc.unit
            } else {
                // Not a number (a catalog id) or not an input in this form (a derived rate): the
                // title its key declares.
                resolved.assumptions[k].title = resolved.declaredTitle(path)
            }
        }
        return .success(resolved)
    }

    private static func resolveBaseline(_ top: ScenarioLanguage.Settings, _ r: KeyReader, ids: [String]) -> String {
        guard let id = top.baseline else { return ids.first ?? "" }
        if ids.contains(id) { return id }
        r.error("baseline", "unknown option id \"\(id)\"" + Suggestion.clause(for: id, in: ids))
        return ids.first ?? ""
    }

    private static func recordBaseline(_ top: ScenarioLanguage.Settings, _ r: KeyReader, ids: [String]) {
        if let node = r.child("baseline"), node.string != nil {
            r.assume("baseline", node.quoted, KeyReader.source(of: node))
        } else if let first = ids.first {
            r.assume("baseline", "\"\(first)\"", .defaultValue)
        }
    }

    /// Each phase's allowed options are single options, the baseline among them.
    private static func checkPhases(_ workload: WorkloadSettings, _ w: KeyReader, baseline: String) {
        for (k, phase) in (w.child("phases")?.elements ?? []).enumerated() {
            guard let list = phase["allowed_options"]?.elements else { continue }
            for (j, node) in list.enumerated() {
                w.context.checkSingleOption(node, path: "workload.phases[\(k)].allowed_options[\(j)]")
            }
            if !list.compactMap(\.string).contains(baseline), let node = phase["allowed_options"] {
                w.context.report(Diagnostic(at: node.location, path: "workload.phases[\(k)].allowed_options",
                    "expected the baseline \"\(baseline)\" among the allowed options: it serves whatever the others may not"))
            }
        }
    }

    /// A catalog price in another currency's scenario would be dollars under a euro sign.
    private static func checkCurrency(_ code: String, _ top: ScenarioLanguage.Settings, _ r: KeyReader) {
        let priced = r.context.catalogMoneyPaths
        guard !Currency(code: code).isUSD, top.usdRate == nil, let first = priced.first else { return }
        let more = priced.count > 1 ? " and \(priced.count - 1) more" : ""
        r.error("currency", "this scenario counts in \(code) but takes prices from the catalog, which are in US dollars (\(first)\(more)); give usd_rate (\(code) per US dollar) to convert them, or write those prices")
    }
}
