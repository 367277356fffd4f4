import BreakevenCore

/// The report people read: the verdict first, then the tables that back it.
public enum MarkdownReport {
    public static func render(_ result: BreakevenResult, context: ReportContext) -> String {
        // Every text a scenario supplies passes through MarkdownText: a name cannot inject HTML,
        // images or a heading, nor hide the rest of the report.
        var out = "# \(MarkdownText.text(result.scenario.name))\n\n"
        if !result.scenario.description.isEmpty { out += MarkdownText.text(result.scenario.description) + "\n\n" }
        out += "**Verdict.** " + MarkdownText.text(Verdict.sentences(result) + odds(result)) + "\n\n"
        out += MarkdownText.text(horizonLine(result)) + "\n\n"
        out += section("Summary", summary(result))
        out += section("Breakeven", breakeven(result))
        if let replay = replay(result) { out += section("Replay", replay) }
        if let uncertainty = uncertainty(result) { out += section("Uncertainty", uncertainty) }
        if let sensitivity = sensitivity(result, context: context) { out += section("Sensitivity", sensitivity) }
        out += section("Cumulative cost", cumulativeChart(result, context: context))
        out += section("Monthly costs", monthlyChart(result, context: context) + "\n" + monthly(result))
        out += section("Cost breakdown", breakdown(result))
        if let capacity = capacity(result) { out += section("Capacity", capacity) }
        if let sizing = sizing(result) { out += section("Sizing", sizing) }
        if let switches = switches(result) { out += section("When to switch", switches) }
        if let phases = phases(result) { out += section("Phases", phases) }
        if let personal = personal(result) { out += section("For a person", personal) }
        out += section("Assumptions", assumptions(result))
        out += section("Warnings", warnings(result))
        if let guardrails = guardrails(result) { out += section("Guardrails", guardrails) }
        out += section("Reproduce", MarkdownText.block(context.command, language: "sh"))
        return out
    }

    static func section(_ title: String, _ body: String) -> String {
        "## \(title)\n\n" + body + "\n"
    }

    static func horizonLine(_ r: BreakevenResult) -> String {
        let s = r.scenario
        let end = s.start.adding(months: s.months - 1)
        var line = "\(s.months) months from \(s.start) to \(end), amounts in \(s.currency)"
        line += s.discountRate > 0 ? ", NPV at \(Verdict.percent(s.discountRate)) a year" : ", no discounting"
        let baseline = r.baselineOption?.label ?? r.baseline
        return line + "; baseline: \(baseline). Profile: \(s.profile)."
    }

    static func summary(_ r: BreakevenResult) -> String {
        let n = r.scenario.months
        var t = MarkdownTable([("Option", .left), ("Type", .left), ("Total, \(n) months", .right), ("NPV", .right),
                               ("Average a month", .right), ("\(r.money.per("Mtok")), month 1", .right),
                               ("\(r.money.per("Mtok")), month \(n)", .right),
                               ("Savings vs baseline", .right)])
        for o in r.options {
            t.append([MarkdownText.text(o.label), MarkdownText.text(o.type), r.money.amount(o.totalCost), r.money.amount(o.npv), r.money.amount(o.averageMonthlyCost),
                      o.costPerMTokFirstMonth.map { unitPrice($0, r.money) } ?? "–", o.costPerMTokLastMonth.map { unitPrice($0, r.money) } ?? "–",
                      o.id == r.baseline ? "baseline" : r.money.amount(o.savingsVsBaseline)])
        }
        return t.text + "\n\(r.money.per("Mtok")) is the month's running cost per million workload tokens (input + output): no one-time costs, and bought machines amortized rather than paid or resold.\n"
    }

    /// A cost per million tokens or per request: "$0.0525", not "$0.05".
    static func unitPrice(_ x: Double, _ money: MoneyFormat) -> String { money.price(x, decimals: 4) }

    static func breakeven(_ r: BreakevenResult) -> String {
        var t = MarkdownTable([("Option", .left), ("Breakeven month", .right), ("Cheaper to run from month", .right),
                               ("Breakeven volume, tokens a month", .right), ("Requests a day", .right), ("NPV savings", .right)])
        for o in r.options where o.id != r.baseline {
            t.append([MarkdownText.text(o.label), o.breakevenMonth.map(String.init) ?? "never", o.runRateBreakevenMonth.map(String.init) ?? "never",
                      VolumeWords.tokens(o), VolumeWords.requestsPerDay(o),
                      r.money.amount(o.npvSavingsVsBaseline)])
        }
        guard !t.rows.isEmpty else { return "Only the baseline is defined.\n" }
        return t.text + """

        Breakeven month: the first month from which cumulative cost stays at or below the baseline's to the end, below it at least once. \
        Cheaper to run: the first month whose cost without one-time costs is at or below the baseline's (never for an option that costs what the baseline costs every month). \
        Breakeven volume: at month-1 prices, without one-time costs (owned hardware amortized), the monthly volume above which the option stays at or below the baseline; "below" one under which it does, for an option cheaper only at low volume.

        """
    }

    /// Month by month up to 24 months; by quarter beyond, so a long horizon stays readable.
    static func monthly(_ r: BreakevenResult) -> String {
        let byQuarter = r.scenario.months > 24
        var columns: [(String, MarkdownTable.Align)] = [(byQuarter ? "Months" : "Month", .left), ("Date", .left)]
        columns += r.options.map { (MarkdownText.text($0.label), .right) }
        var t = MarkdownTable(columns)
        let step = byQuarter ? 3 : 1
        for first in stride(from: 0, to: r.scenario.months, by: step) {
            let last = min(first + step, r.scenario.months) - 1
            let start = r.scenario.start.adding(months: first)
            let label = first == last ? String(first + 1) : "\(first + 1)–\(last + 1)"
            let date = first == last ? start.description : "\(start)…\(r.scenario.start.adding(months: last))"
            t.append([label, date] + r.options.map { o in r.money.amount(o.months[first...last].reduce(0) { $0 + $1.totalCost }) })
        }
        var totals = ["Total", ""]
        totals += r.options.map { r.money.amount($0.totalCost) }
        t.append(totals)
        return t.text
    }

    static func breakdown(_ r: BreakevenResult) -> String {
        var columns: [(String, MarkdownTable.Align)] = [("Component", .left)]
        columns += r.options.map { (MarkdownText.text($0.label), .right) }
        var t = MarkdownTable(columns)
        var hardware = false
        for line in CostLines.lines {
            let sums = r.options.map { o in o.months.reduce(0) { $0 + $1.costs[keyPath: line.amount] } }
            guard sums.contains(where: { $0 != 0 }) else { continue }
            t.append([line.title] + sums.map(r.money.amount))
            hardware = hardware || line.amount == \CostLines.hardware
        }
        t.append(["Total"] + r.options.map { r.money.amount($0.totalCost) })
        guard hardware else { return t.text }
        return t.text + "\nHardware is negative where resale and the book value of machines still owned at the end are credited.\n"
    }

    static func capacity(_ r: BreakevenResult) -> String? {
        let sized = r.options.filter { o in o.months.contains { $0.replicas != nil } }
        guard !sized.isEmpty else { return nil }
        // GPUs paid, where GPUs are rented: whole instances and reservations make them more than
        // replicas × GPUs per replica.
        let rentsGPUs = sized.contains { o in o.months.contains { $0.gpus != nil } }
        var columns: [(String, MarkdownTable.Align)] = [("Option", .left), ("Replicas or units, month 1", .right), ("Peak", .right),
                                                           ("Month \(r.scenario.months)", .right)]
        if rentsGPUs { columns.append(("GPUs paid at the peak", .right)) }
        columns += [("Utilization, month 1", .right), ("Utilization, month \(r.scenario.months)", .right), ("Average utilization", .right)]
        var t = MarkdownTable(columns)
        for o in sized {
            let replicas = o.months.compactMap(\.replicas)
            func count(_ x: Double?) -> String { x.map { Money.trimmed(Money.fixed($0, decimals: 2)) } ?? "–" }
            func share(_ x: Double?) -> String { x.map(Verdict.percent) ?? "–" }
            var row = [MarkdownText.text(o.label), count(o.months.first?.replicas), count(replicas.max()), count(o.months.last?.replicas)]
            if rentsGPUs { row.append(count(o.months.compactMap(\.gpus).max())) }
            t.append(row + [share(o.months.first?.utilization), share(o.months.last?.utilization), share(o.averageUtilization)])
        }
        var notes: [String] = []
        if sized.contains(where: { $0.type != OptionKind.ownedHardware.rawValue }) {
            notes.append("Replicas and provisioned units are counted at the month's peak hour: as many as it needs, unless the scenario fixes the count "
                         + "or provisioned units bought for a term are still held. Reserved replicas a month does not need are paid all the same: "
                         + "they count in its GPUs paid and its utilization, not in its replicas.")
        }
        if sized.contains(where: { $0.type == OptionKind.ownedHardware.rawValue }) {
            notes.append("Owned machines, unless the scenario fixes how many, are bought when a month's busy hours first need them and kept: a local machine can queue, so peaks within the day do not add one.")
        }
        notes.append("Utilization is the load served over the capacity paid for.")
        if rentsGPUs { notes.append("GPUs paid are the most of any month's peak hour: whole instances, reservations included, busy or not.") }
        return t.text + "\n" + notes.joined(separator: " ") + "\n"
    }

    /// How a derived throughput was reached: the replica's layout, memory and limits.
    static func sizing(_ r: BreakevenResult) -> String? {
        let derived = r.options.compactMap { o in o.capacity.map { (o, $0) } }
        guard !derived.isEmpty else { return nil }
        func n(_ x: Double, _ d: Int = 1) -> String { Money.grouped(Money.fixed(x, decimals: d)) }
        var t = MarkdownTable([("Option", .left), ("Devices (TP)", .right), ("Layout, engine", .left), ("Batch", .right), ("Weights GB", .right),
                               ("KV cache GB", .right), ("Memory per device", .right), ("Output tok/s", .right),
                               ("Prefill tok/s", .right), ("ms per token", .right), ("First token ms", .right), ("Bound", .left)])
        for (o, c) in derived {
            t.append([MarkdownText.text(o.label), "\(c.tensorParallel) (\(c.tensorParallelReason))", [c.layout, c.engine].compactMap { $0 }.joined(separator: ", "),
                      "\(c.batch) (\(c.batchLimit))", n(c.weightsGB),
                      n(c.kvCacheGB), "\(n(c.memoryUsedPerDeviceGB)) of \(n(c.memoryPerDeviceGB)) GB", n(c.effectiveOutputTokensPerSecond, 0),
                      n(c.prefillOnlyTokensPerSecond ?? c.inputTokensPerSecond, 0), n(c.timePerOutputTokenMs), n(c.timeToFirstTokenMs, 0), c.bound])
        }
        return t.text + """

        Per replica, from the roofline capacity model: decode at the largest batch that fits memory, the engine's concurrency cap \
        and the latency targets, with the prompts that arrive prefilled in the same steps (memory-bound when reading weights and \
        KV cache takes longer than the arithmetic); output tok/s is what the replica emits under the workload's mix, prefill \
        tok/s what it prefills alone. \
        The efficiencies behind it are listed with their sources under Assumptions.

        """ + derived.compactMap { o, c in c.calibration.map { calibrationPoints(o.label, $0) } }.joined()
    }

    /// A calibration's measured points beside the model's prediction with the fitted efficiencies.
    static func calibrationPoints(_ label: String, _ k: Calibration) -> String {
        func n(_ x: Double) -> String { Money.grouped(Money.fixed(x, decimals: 1)) }
        var t = MarkdownTable([("Input", .right), ("Output", .right), ("Concurrency", .right), ("Metric", .left),
                               ("Measured tok/s", .right), ("Predicted, defaults", .right), ("Predicted, calibrated", .right)])
        for p in k.points {
            t.append([n(p.inputTokens), n(p.outputTokens), String(p.concurrency), p.metric, n(p.measured), n(p.predictedBefore), n(p.predictedAfter)])
        }
        func f(_ x: Double) -> String { Money.trimmed(Money.fixed(x, decimals: 3)) }
        return "**\(label)** uses \(k.summary): memory bandwidth \(f(k.memoryBandwidthUtilization)), compute \(f(k.computeUtilization)), \(f(k.stepOverheadMs)) ms a step.\n\n" + t.text + "\n"
    }

    /// For each switch: the month chosen, the cost of every other month, and how flat the optimum is.
    static func switches(_ r: BreakevenResult) -> String? {
        let plans = r.options.compactMap { o in o.switchPlan.map { (o, $0) } }
        guard !plans.isEmpty else { return nil }
        let measure = r.scenario.discountRate > 0 ? "NPV" : "Total"
        var out = ""
        for (o, plan) in plans {
            let month = plan.switchMonth.map { "month \($0) (\(r.scenario.start.adding(months: $0 - 1)))" } ?? "never"
            guard !plan.candidates.isEmpty else {
                out += "**\(MarkdownText.text(o.label))** switches in \(month).\(overlap(plan, months: r.scenario.months))\n\n"
                continue
            }
            let best = plan.candidates.map(\.npv).min() ?? 0
            let flat = plan.withinFivePercent.map { $0.map(String.init) ?? "never" }
            out += "**\(MarkdownText.text(o.label))**: the cheapest switch month is \(month). Within 5% of it: \(flat.count == plan.candidates.count ? "every month evaluated, so the timing barely matters" : flat.joined(separator: ", ")).\(overlap(plan, months: r.scenario.months))\n\n"
            var t = MarkdownTable([("Switch in month", .left), ("Total", .right), ("NPV", .right), ("\(measure) over the best", .right)])
            // Every month up to 24 candidates; beyond that every third, plus the best and never.
            let step = plan.candidates.count > 25 ? 3 : 1
            for (k, c) in plan.candidates.enumerated() where k % step == 0 || c.month == plan.switchMonth || c.month == nil {
                let value = r.scenario.discountRate > 0 ? c.npv : c.totalCost
                let bestValue = r.scenario.discountRate > 0 ? best : (plan.candidates.map(\.totalCost).min() ?? 0)
                t.append([c.month.map(String.init) ?? "never", r.money.amount(c.totalCost), r.money.amount(c.npv), r.money.amount(value - bestValue)])
            }
            out += t.text + "\n"
            let points = plan.candidates.compactMap { c in c.month.map { ($0, r.scenario.discountRate > 0 ? c.npv : c.totalCost) } }
            if points.count > 1 {
                out += MermaidXYChart(title: "\(o.label): \(measure) by switch month",
                                      xAxis: .categories(title: "switch month", labels: points.map { String($0.0) }, quoted: false),
                                      yTitle: "\(measure), \(r.scenario.currency)",
                                      series: [.init(kind: .line, values: points.map { Money.fixed($0.1, decimals: 0) })]).text + "\n"
            }
        }
        return out
    }

    /// What a switch's overlap bills, and the months it takes here.
    static func overlap(_ plan: SwitchResult, months: Int) -> String {
        let n = plan.overlapMonths
        guard n > 0 else { return "" }
        var text = " Each switch overlaps for \(n == 1 ? "1 month" : "\(n) months"): the first option still serves and is billed for all the traffic while the second runs without it, billed its one-time costs, team and fixed costs and its minimum replicas, units, seats or monthly spend"
        if let k = plan.switchMonth {
            let last = min(k + n - 1, months)
            text += (last == k ? " (month \(k)" : " (months \(k)–\(last)") + (k + n <= months ? "; alone from month \(k + n))" : "; the horizon ends before it serves alone)")
        }
        return text + "."
    }

    /// The phases, and the phase in which each option first wins.
    static func phases(_ r: BreakevenResult) -> String? {
        guard !r.scenario.phases.isEmpty else { return nil }
        var t = MarkdownTable([("Phase", .left), ("Months", .left), ("Volume ×", .right), ("Options allowed", .left)])
        var first = 1
        for p in r.scenario.phases {
            let last = max(p.untilMonth, first)
            let through = p == r.scenario.phases.last ? r.scenario.months : last
            t.append([MarkdownText.text(p.name), "\(first)–\(through)", Money.trimmed(Money.fixed(p.volumeMultiplier, decimals: 2)),
                      p.allowedOptions.map { MarkdownText.text($0.joined(separator: ", ")) } ?? "all"])
            first = last + 1
        }
        var w = MarkdownTable([("Option", .left), ("First cheaper to run", .left), ("Breaks even", .left)])
        for o in r.options where o.id != r.baseline {
            func at(_ m: Int?) -> String { m.map { "month \($0) (\(MarkdownText.text(r.scenario.phase(month: $0)?.name ?? "–")))" } ?? "never" }
            w.append([MarkdownText.text(o.label), at(o.runRateBreakevenMonth), at(o.breakevenMonth)])
        }
        return t.text + "\nIn months a phase does not allow an option, the baseline serves its traffic; the option starts (and pays its one-time costs) when first allowed.\n\n" + w.text
    }

    /// Payback, ownership and electricity: what someone buying a machine for the desk asks.
    static func personal(_ r: BreakevenResult) -> String? {
        let rows = r.options.compactMap { o in o.personal.map { (o, $0) } }
        guard !rows.isEmpty else { return nil }
        let baseline = r.baselineOption?.label ?? r.baseline
        var t = MarkdownTable([("Option", .left), ("Pays for itself", .left), ("Hardware a month of ownership", .right),
                               ("Electricity per million tokens", .right), ("Busy hours needed / available a month", .right)])
        for (o, p) in rows {
            let hours: String
            if let needed = p.hoursNeededPerMonth, let available = p.hoursAvailablePerMonth {
                hours = "\(Money.fixed(needed, decimals: 1)) / \(Money.fixed(available, decimals: 1))" + (p.carriesLoad == false ? " (too few)" : "")
            } else {
                hours = "–"
            }
            let payback = o.id == r.baseline ? "baseline" : p.paybackMonth.map { "month \($0)" } ?? "not within \(r.scenario.months) months"
            t.append([MarkdownText.text(o.label), payback, p.hardwareCostPerMonth.map(r.money.amount) ?? "–", p.electricityPerMTok.map { unitPrice($0, r.money) } ?? "–", hours])
        }
        return t.text + """

        Pays for itself: the first month from which its cumulative cash cost stays at or below what \(MarkdownText.text(baseline)) costs, \
        without selling the machine. Hardware a month: price less resale over the lifetime. Electricity: busy watts × price per kWh \
        ÷ (output tokens/s × 3.6).

        """ + paybacks(r)
    }

    /// Each bought machine against every other option, not only the baseline.
    static func paybacks(_ r: BreakevenResult) -> String {
        var t = MarkdownTable([("Machine", .left), ("Against", .left), ("Pays for itself", .left), ("Savings over \(r.scenario.months) months", .right)])
        for o in r.options {
            for p in o.personal?.paybacks ?? [] {
                t.append([MarkdownText.text(o.label), MarkdownText.text(r.option(p.against)?.label ?? p.against),
                          p.paybackMonth.map { "month \($0)" } ?? "not within \(r.scenario.months) months", r.money.amount(p.savings)])
            }
        }
        guard !t.rows.isEmpty else { return "" }
        return "\n" + t.text + "\nEach machine against every other option, paid in cash and not sold; savings: the other option's total less the machine's, resale and the book value at the end credited.\n"
    }

    static func assumptions(_ r: BreakevenResult) -> String {
        let words = InputWording(r)
        var t = MarkdownTable([("Input", .left), ("Path", .left), ("Value", .left), ("Source", .left)])
        for a in r.assumptions {
            t.append([MarkdownText.text(words.name(a.path)), MarkdownText.code(a.path), MarkdownText.text(a.value), MarkdownText.text(a.sourceDescription)])
        }
        return t.text
    }

    static func warnings(_ r: BreakevenResult) -> String {
        guard !r.warnings.isEmpty else { return "None.\n" }
        return r.warnings.map { w in
            "- **\(w.code.rawValue)**" + (w.option.map { " (\(MarkdownText.code($0)))" } ?? "") + ": " + MarkdownText.text(WarningWording.sentence(w, in: r)) + "\n"
        }.joined()
    }
}
