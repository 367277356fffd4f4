/// Lowers the months that happened (`workload.actuals`) for the replay: each with its own
/// volume and request mix, capacity derived again for that mix, and the catalog prices in
/// effect on its first day (the scenario resolved again with that `as_of`; written prices do
/// not change).
enum ReplayPlanner {
    static func months(_ resolved: ResolvedScenario, document: JSONNode,
                       catalog: CatalogSnapshot) -> (months: [ReplayMonth], assumptions: [Assumption]) {
        let nominal = WorkloadDeclaration.lowered(resolved.workload)
        guard let first = nominal.actuals.first, let last = nominal.actuals.last else { return ([], []) }
        let span = Simulator.months(from: first.month, to: last.month) + 1
        let memo = CapacityMemo()
        var unpriced: [CalendarMonth] = [], unpricedOptions = Set<String>(), unsized: [CalendarMonth] = []
        var months: [ReplayMonth] = []
        for actual in nominal.actuals {
            var r: ResolvedScenario
            switch ScenarioResolver.resolve(document, catalog: catalog, asOf: actual.month.firstDay) {
            case .success(let dated):
                r = dated
            case .failure(let errors):
                // A catalog entry with no price yet that day: the month keeps the as_of prices.
                r = resolved
                unpriced.append(actual.month)
                for d in errors.diagnostics { if let k = resolved.optionIndex(of: settingPath(d.path)) { unpricedOptions.insert(resolved.optionIDs[k]) } }
            }
            r.workload = WorkloadDeclaration.settings(resolved.workload, asIn: actual)
            var scenario: Scenario
            do {
                scenario = try r.scenario(memo: memo)
            } catch {
                // The month's request mix does not fit a derived replica: it is sized as planned.
                unsized.append(actual.month)
                guard var planned = try? resolved.scenario(memo: memo) else { continue }
                planned.workload = WorkloadDeclaration.lowered(r.workload)
                scenario = planned
            }
            scenario.start = first.month
            scenario.months = span
            scenario.assumptions = []
            months.append(ReplayMonth(actual: actual, scenario: scenario))
        }
        var assumptions: [Assumption] = []
        if let a = unpriced.first, let b = unpriced.last {
            let who = unpricedOptions.isEmpty ? "" : unpricedOptions.sorted().joined(separator: ", ") + ": "
            assumptions.append(Assumption(path: "workload.actuals.prices",
                                          value: "\(who)no catalog price in effect in \(monthsText(a, b)); those months replayed at the as_of prices",
                                          source: .defaultValue, title: "Replayed prices"))
        }
        if let a = unsized.first, let b = unsized.last {
            assumptions.append(Assumption(path: "workload.actuals.capacity",
                                          value: "the request mix of \(monthsText(a, b)) fits no derived replica; capacity there sized as planned",
                                          source: .defaultValue, title: "Replayed capacity"))
        }
        return (months, assumptions)
    }

    /// "2026-03" or "2026-03 to 2026-05".
    private static func monthsText(_ a: CalendarMonth, _ b: CalendarMonth) -> String {
        a == b ? "\(a)" : "\(a) to \(b)"
    }

    /// `options[1].model` as a setting path, `options.1.model`.
    private static func settingPath(_ path: String) -> String {
        String(path.compactMap { $0 == "[" ? "." : $0 == "]" ? nil : $0 })
    }
}
