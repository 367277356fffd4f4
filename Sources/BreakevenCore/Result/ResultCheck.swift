/// What a result file must satisfy beyond its types before `diff` trusts it, as strictly as a
/// scenario is checked: a hand-edited or damaged result must be an error at the value at fault,
/// never a crash or "horizon -1 → 24 months". Months and breakeven months lie within the
/// horizon, every option has one row per month in order, the running totals add up, figures
/// that cannot be negative are not, and text holds no control characters.
enum ResultCheck {
    /// The scenario language's limit on `months`.
    static let maximumMonths = 240

    enum Part: Hashable { case key(String), index(Int) }

    struct Problem: Hashable {
        var path: [Part]
        /// "expected …"; the caller adds what it found, as written in the file.
        var expected: String
    }

    static func problems(_ r: BreakevenResult) -> [Problem] {
        var out: [Problem] = []
        let months = r.scenario.months
        let info: [Part] = [.key("scenario")]
        guard (1...maximumMonths).contains(months) else {
            // Nothing else can be checked against a horizon that is not one.
            return [Problem(path: info + [.key("months")], expected: "expected a whole number of months from 1 to \(maximumMonths)")]
        }
        let currency = r.scenario.currency.unicodeScalars
        if currency.count != 3 || !currency.allSatisfy({ ("A"..."Z").contains($0) }) {
            out.append(Problem(path: info + [.key("currency")], expected: "expected a 3-letter currency code such as USD"))
        }
        if !(r.scenario.discountRate > -1) {
            out.append(Problem(path: info + [.key("discount_rate")], expected: "expected a rate above -1"))
        }
        nonNegative(r.scenario.inputTokensPerRequest, info + [.key("input_tokens_per_request")], &out)
        nonNegative(r.scenario.outputTokensPerRequest, info + [.key("output_tokens_per_request")], &out)
        for (k, p) in r.scenario.phases.enumerated() {
            let at = info + [.key("phases"), .index(k)]
            if p.untilMonth < 1 { out.append(Problem(path: at + [.key("until_month")], expected: "expected a month of 1 or more")) }
            nonNegative(p.volumeMultiplier, at + [.key("volume_multiplier")], &out)
        }
        let ids = r.options.map(\.id)
        if !ids.contains(r.baseline) {
            out.append(Problem(path: [.key("baseline")], expected: "expected one of the options' ids (\(ids.joined(separator: ", ")))"))
        }
        var seen: Set<String> = []
        for (k, o) in r.options.enumerated() {
            let at: [Part] = [.key("options"), .index(k)]
            if !seen.insert(o.id).inserted {
                out.append(Problem(path: at + [.key("id")], expected: "expected an id no other option has"))
            }
            option(o, at: at, months: months, start: r.scenario.start, isBaseline: o.id == r.baseline, into: &out)
            if let p = o.personal { personal(p, at: at + [.key("personal")], months: months, own: o.id, ids: ids, isBaseline: o.id == r.baseline, into: &out) }
            if let baseline = r.baselineOption, !same(o.savingsVsBaseline, baseline.totalCost - o.totalCost) {
                out.append(Problem(path: at + [.key("savings_vs_baseline")],
                                   expected: "expected \(number(baseline.totalCost - o.totalCost)) (the baseline's total cost less this option's)"))
            }
        }
        if let s = r.sensitivity {
            let at: [Part] = [.key("sensitivity")]
            month(s.breakevenMonth, at + [.key("breakeven_month")], months, &out)
            for (k, bar) in s.bars.enumerated() {
                month(bar.breakevenMonthAtLow, at + [.key("bars"), .index(k), .key("breakeven_month_at_low")], months, &out)
                month(bar.breakevenMonthAtHigh, at + [.key("bars"), .index(k), .key("breakeven_month_at_high")], months, &out)
            }
        }
        if let u = r.uncertainty {
            if u.trials < 1 { out.append(Problem(path: [.key("uncertainty"), .key("trials")], expected: "expected 1 trial or more")) }
            if !(0...max(0, u.trials)).contains(u.failedTrials) {
                out.append(Problem(path: [.key("uncertainty"), .key("failed_trials")], expected: "expected a count from 0 to the trials, \(u.trials)"))
            }
        }
        return out
    }

    static func option(_ o: OptionResult, at: [Part], months: Int, start: CalendarMonth, isBaseline: Bool, into out: inout [Problem]) {
        guard o.months.count == months else {
            out.append(Problem(path: at + [.key("months")], expected: "expected \(months) months, one for each month of scenario.months"))
            return
        }
        var cumulative = 0.0
        for (i, m) in o.months.enumerated() {
            let row = at + [.key("months"), .index(i)]
            if m.month != i + 1 { out.append(Problem(path: row + [.key("month")], expected: "expected month \(i + 1)")) }
            if m.date != start.adding(months: i) { out.append(Problem(path: row + [.key("date")], expected: "expected \"\(start.adding(months: i))\"")) }
            for (key, value) in [("requests", m.requests), ("input_tokens", m.inputTokens), ("output_tokens", m.outputTokens),
                                 ("unmet_requests", m.unmetRequests), ("replicas", m.replicas), ("gpus", m.gpus), ("utilization", m.utilization)] {
                if let value { nonNegative(value, row + [.key(key)], &out) }
            }
            cumulative += m.totalCost
            if !same(m.cumulativeCost, cumulative) {
                out.append(Problem(path: row + [.key("cumulative_cost")],
                                   expected: "expected \(number(cumulative)) (the cumulative cost before this month plus its total_cost)"))
                cumulative = m.cumulativeCost
            }
        }
        if let last = o.months.last, !same(o.totalCost, last.cumulativeCost) {
            out.append(Problem(path: at + [.key("total_cost")], expected: "expected \(number(last.cumulativeCost)) (the last month's cumulative cost)"))
        }
        for (key, value) in [("breakeven_month", o.breakevenMonth), ("run_rate_breakeven_month", o.runRateBreakevenMonth)] {
            if isBaseline, value != nil {
                out.append(Problem(path: at + [.key(key)], expected: "expected null: the baseline does not break even against itself"))
            } else {
                month(value, at + [.key(key)], months, &out)
            }
        }
        for (key, value) in [("breakeven_tokens_per_month", o.breakevenTokensPerMonth), ("breakeven_requests_per_day", o.breakevenRequestsPerDay),
                             ("cheaper_below_tokens_per_month", o.cheaperBelowTokensPerMonth),
                             ("cheaper_below_requests_per_day", o.cheaperBelowRequestsPerDay),
                             ("average_utilization", o.averageUtilization), ("unmet_requests", o.unmetRequests)] {
            if let value { nonNegative(value, at + [.key(key)], &out) }
        }
        if let plan = o.switchPlan {
            month(plan.switchMonth, at + [.key("switch"), .key("switch_month")], months, &out)
            if !(0...maximumMonths).contains(plan.overlapMonths) {
                out.append(Problem(path: at + [.key("switch"), .key("overlap_months")], expected: "expected a whole number of months from 0 to \(maximumMonths)"))
            }
        }
        if let u = o.uncertainty {
            let odds = at + [.key("uncertainty")]
            probability(u.probabilityCheapest, odds + [.key("probability_cheapest")], &out)
            if let p = u.probabilityBreakeven { probability(p, odds + [.key("probability_breakeven")], &out) }
            if let b = u.breakevenMonth {
                for (key, value) in [("p10", b.p10), ("p50", b.p50), ("p90", b.p90)] {
                    month(value, odds + [.key("breakeven_month"), .key(key)], months, &out)
                }
            }
            if let h = u.savingsHistogram {
                let at = odds + [.key("savings_histogram")]
                if !(h.width > 0) { out.append(Problem(path: at + [.key("width")], expected: "expected a bin width above 0")) }
                for (k, c) in h.counts.enumerated() where c < 0 {
                    out.append(Problem(path: at + [.key("counts"), .index(k)], expected: "expected a count of 0 or more"))
                }
            }
        }
    }

    /// Payback months within the horizon, each against another option of the result, once.
    static func personal(_ p: PersonalFigures, at: [Part], months: Int, own: String, ids: [String], isBaseline: Bool,
                         into out: inout [Problem]) {
        if isBaseline, p.paybackMonth != nil {
            out.append(Problem(path: at + [.key("payback_month")], expected: "expected null: the baseline does not pay back against itself"))
        } else {
            month(p.paybackMonth, at + [.key("payback_month")], months, &out)
        }
        var seen: Set<String> = []
        for (k, payback) in (p.paybacks ?? []).enumerated() {
            let row = at + [.key("paybacks"), .index(k)]
            if payback.against == own || !ids.contains(payback.against) || !seen.insert(payback.against).inserted {
                let others = ids.filter { $0 != own }.joined(separator: ", ")
                out.append(Problem(path: row + [.key("against")], expected: "expected the id of another option, once (\(others))"))
            }
            month(payback.paybackMonth, row + [.key("payback_month")], months, &out)
        }
    }

    static func month(_ m: Int?, _ path: [Part], _ months: Int, _ out: inout [Problem]) {
        guard let m, !(1...months).contains(m) else { return }
        out.append(Problem(path: path, expected: "expected a month from 1 to \(months), or null for never"))
    }

    static func nonNegative(_ x: Double, _ path: [Part], _ out: inout [Problem]) {
        if x < 0 { out.append(Problem(path: path, expected: "expected a number of 0 or more")) }
    }

    static func probability(_ p: Double, _ path: [Part], _ out: inout [Problem]) {
        if !(0...1).contains(p) { out.append(Problem(path: path, expected: "expected a probability from 0 to 1")) }
    }

    /// Equal up to the rounding of adding the months in another order.
    static func same(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(1, abs(a), abs(b))
    }

    static func number(_ x: Double) -> String { JSONNode.canonicalNumber(x) }

    /// Strings that would carry control characters, bidirectional overrides or non-characters
    /// into a report or a terminal.
    static func controlCharacters(in node: JSONNode, path: [Part] = [], into out: inout [Problem]) {
        switch node.value {
        case .string(let s) where s.unicodeScalars.contains(where: isControl):
            out.append(Problem(path: path, expected: "expected text without control characters"))
        case .array(let items):
            for (k, item) in items.enumerated() { controlCharacters(in: item, path: path + [.index(k)], into: &out) }
        case .object(let members):
            for m in members { controlCharacters(in: m.value, path: path + [.key(m.key)], into: &out) }
        default: break
        }
    }

    static func isControl(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x20 || (0x7F...0x9F).contains(c.value) || (0x202A...0x202E).contains(c.value)
            || (0x2066...0x2069).contains(c.value) || c.value == 0xFFFE || c.value == 0xFFFF
    }
}
