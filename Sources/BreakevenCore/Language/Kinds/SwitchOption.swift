/// `switch`: start on one option and move to another at a month, or at the month that costs
/// least.
enum SwitchOption: OptionDeclaration {
    struct Settings: OptionSettings {
        var from: String?
        var to: String?
        /// A written month; nil with `best`.
        var atMonth: Int?
        var best = false
        var overlapMonths: Int?
    }

    static let kind = OptionKind.switchover
    static let doc = "Start on one option and move to another."
    static let isComposite = true

    static let atMonthDoc = KeyDoc("Switch month", .month, "The 1-based month `to` starts and, after `overlap_months`, takes over; or \"best\": the month (or never) with the lowest NPV.")
    static let atMonth = Key<Settings>(
        field: Field("at_month", .anyOf([.integer(min: 1, max: 240), .string(.oneOf(["best"]))]), required: true, atMonthDoc.text),
        doc: atMonthDoc,
        read: { s, r in
            if let n = r.child("at_month")?.number { s.atMonth = Int(keyValue: n) }
            if r.child("at_month")?.string == "best" { s.best = true }
        },
        record: { s, r, _ in
            guard let node = r.child("at_month") else { return }
            r.assume("at_month", s.atMonth.map(String.init) ?? node.quoted, KeyReader.source(of: node))
        },
        input: { rest, s in
            guard rest.isEmpty, s.atMonth != nil else { return nil }
            return SettingInput(range: InputRange(integersFrom: 1, to: 240), doc: atMonthDoc, get: { s, _ in s.atMonth.map(Double.init) },
                                set: { s, v in s.atMonth = Int(keyValue: v.rounded()) })
        })

    /// Both sides billed while traffic moves. `to` is billed what it costs with no traffic of its
    /// own: `from` still serves and pays for every request, so billing `to` for them too would count
    /// the traffic twice; what `to` needs to be ready (its one-time costs, team and fixed costs, the
    /// minimum it provisions, machines bought and idling) is paid from the switch month.
    static let overlap = NumberKey<Settings, Int>("overlap_months", \.overlapMonths, .atLeast(0, atMost: 240), default: .value(0), KeyDoc(
        "Switch overlap", .count("months"),
        "Months from the switch month during which both sides are billed while traffic moves: `from` still serves all of it; `to` pays its one-time costs in the switch month and, with no traffic yet, its team and fixed costs, its minimum replicas, units, seats or monthly spend and its idle machines. `to` serves alone after them."))

    static let keys: [Key<Settings>] = [
        atMonth, overlap.key,
        TextKey("from", \Settings.from, .slug, required: true, KeyDoc(
            "Switch from", .text, "The option that serves the months before the switch, and through the overlap.")).key,
        TextKey("to", \Settings.to, .slug, required: true, KeyDoc(
            "Switch to", .text, "The option that serves from the switch month (after the overlap) on; its one-time costs fall in the switch month.")).key,
    ]

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let context = r.context
        context.checkSingleOption(r.child("from"), path: r.diagnosticPath("from"))
        context.checkSingleOption(r.child("to"), path: r.diagnosticPath("to"))
        if let from = s.from, from == s.to {
            r.error("to", "expected another option than \"from\", found \"\(from)\" for both")
        }
        guard let at = r.child("at_month"), let k = s.atMonth else { return }
        if k > context.months {
            r.error("at_month", "expected a month within the \(context.months)-month horizon, found \(at.quoted)")
        } else if let to = s.to, let phases = context.workload?.phases, !phases.isEmpty,
                  let month = (k - 1..<context.months).first(where: { !phases.allows(to, month: $0) }) {
            // A phase that does not allow `to` in the switch month or later forbids the switch.
            r.error("at_month", "a switch to \"\(to)\" in month \(k) is not allowed: a phase forbids \"\(to)\" in month \(month + 1)")
        }
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        let plan = s.pointee
        return LoweredOption(.switchover(SwitchPlan(fromID: plan.from ?? "", toID: plan.to ?? "", at: plan.best ? .best : .month(plan.atMonth ?? 1),
                                             overlapMonths: overlap.value(s, c.values) ?? 0)))
    }
}
