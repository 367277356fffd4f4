/// `workload.actuals` (usage in, issue 13): the months that happened, checked for what a shape
/// cannot say, and the API prices in effect in each of them.
extension ScenarioBuilder {
    func buildActuals(_ w: ScenarioReader) -> [ActualMonth] {
        guard let nodes = w.child("actuals")?.elements, !nodes.isEmpty,
              case .array(.object(let shape), _)? = w.shape.field("actuals")?.shape else { return [] }
        var actuals: [ActualMonth] = []
        var firstIndex: [CalendarMonth: Int] = [:]
        let log = ScenarioReader.Log()
        log.recordsAssumptions = false
        for (k, node) in nodes.enumerated() {
            // Each month's figures are facts, not inputs: they are not listed as assumptions one by one.
            let a = ScenarioReader(node, path: "\(w.path).actuals[\(k)]", settingPath: "\(w.settingPath).actuals.\(k)", shape: shape, log: log)
            guard let text = node["month"]?.string, let month = CalendarMonth(text) else { continue }
            if let first = firstIndex[month] {
                a.error("month", "duplicate month \(month) (first given in actuals[\(first)])")
                continue
            }
            firstIndex[month] = k
            if let previous = actuals.last, month < previous.month {
                a.error("month", "expected a month after \(previous.month) (actuals are oldest first), found \(month)")
            }
            let actual = ActualMonth(month: month, requests: a.double("requests"), inputTokens: a.double("input_tokens"),
                                     cachedInputTokens: a.double("cached_input_tokens"), outputTokens: a.double("output_tokens"),
                                     batchRequests: a.double("batch_requests"), billed: a.optionalDouble("billed"))
            if actual.cachedInputTokens > actual.inputTokens {
                a.error("cached_input_tokens", "expected at most input_tokens (\(NumberBounds.format(actual.inputTokens))), which include the cached ones, found \(NumberBounds.format(actual.cachedInputTokens))")
            }
            if actual.batchRequests > actual.requests {
                a.error("batch_requests", "expected at most requests (\(NumberBounds.format(actual.requests))), found \(NumberBounds.format(actual.batchRequests))")
            }
            actuals.append(actual)
        }
        self.log.diagnostics += log.diagnostics
        if let first = actuals.first, let last = actuals.last {
            w.log.add(Assumption(path: w.settingPath("actuals"),
                                 value: "\(first.month) to \(last.month) (\(actuals.count) month\(actuals.count == 1 ? "" : "s"))", source: .scenario))
        }
        return actuals
    }

    /// Each actual month's API prices, where they differ from those in effect at `as_of`: the
    /// same document built with `as_of` on the month's first day (a catalog model's dated prices;
    /// written prices do not change). A month before a catalog model's first price keeps the
    /// `as_of` prices, and the assumptions say so.
    func replayPrices(for scenario: Scenario) -> [CalendarMonth: [String: APIPricing]] {
        guard case .object(var members) = root.value else { return [:] }
        let nominal = Dictionary(scenario.options.compactMap { o -> (String, APIPricing)? in
            if case .api(let p) = o.kind { return (o.id, p) }
            return nil
        }, uniquingKeysWith: { a, _ in a })
        guard !nominal.isEmpty else { return [:] }
        // Without actuals, so that the month's build does not look for prices again.
        if let k = members.firstIndex(where: { $0.key == "workload" }), case .object(var workload) = members[k].value.value {
            workload.removeAll { $0.key == "actuals" }
            members[k].value = JSONNode(.object(workload), at: members[k].value.location)
        }
        members.removeAll { $0.key == "as_of" }
        var out: [CalendarMonth: [String: APIPricing]] = [:]
        var unpriced: [CalendarMonth] = []
        var unpricedIDs = Set<String>()
        for month in Set(scenario.workload.actuals.map(\.month)).sorted() {
            let asOf = JSONNode.Member(key: "as_of", keyLocation: .start, value: .string(month.firstDay.description))
            let builder = ScenarioBuilder(root: JSONNode(.object(members + [asOf]), at: root.location), catalog: catalog)
            builder.log.recordsAssumptions = false
            guard let built = builder.build(), builder.log.diagnostics.isEmpty else {
                unpriced.append(month)
                // The options the month's build stumbled on: `options[1].model` names options[1].
                for d in builder.log.diagnostics where d.path.hasPrefix("options[") {
                    if let k = Int(d.path.dropFirst(8).prefix { $0.isNumber }), k < scenario.options.count { unpricedIDs.insert(scenario.options[k].id) }
                }
                continue
            }
            var changed: [String: APIPricing] = [:]
            for o in built.options {
                if case .api(let p) = o.kind, let n = nominal[o.id], p != n { changed[o.id] = p }
            }
            if !changed.isEmpty { out[month] = changed }
        }
        if let first = unpriced.first, let last = unpriced.last {
            let span = first == last ? "\(first)" : "\(first) to \(last)"
            let who = unpricedIDs.isEmpty ? "" : unpricedIDs.sorted().joined(separator: ", ") + ": "
            log.add(Assumption(path: "workload.actuals.prices",
                               value: "\(who)no catalog price in effect in \(span); every API option's months there replayed at the as_of prices",
                               source: .defaultValue))
        }
        return out
    }
}
