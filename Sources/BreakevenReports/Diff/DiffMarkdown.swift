import BreakevenCore

/// A diff as a pull-request comment: a hidden marker a bot finds its earlier comment by, the
/// headline, the figures old → new, optionally a before/after chart, the inputs that changed and
/// the guardrails. Kept under the context's limit: what does not fit is cut, and a note says what.
public enum DiffMarkdown {
    /// The first line: `<!-- breakeven-diff: NAME -->`, NAME percent-encoded so that every
    /// name has its own marker (`a--b` and `a-b` stay apart) and the comment stays a comment.
    public static func marker(_ name: String) -> String {
        "<!-- breakeven-diff: \(markerName(name)) -->"
    }

    /// UTF-8 bytes other than letters, digits, `.`, `_`, `~`, `/` and `-` become `%XX`, and so
    /// does a `-` after a `-`: no `-->` or `--!>` can end the comment early (WHATWG HTML
    /// §13.1.6), no `--` (which XML comments forbid), no space; `%` itself is encoded, so the
    /// name reads back by percent-decoding and no two names share a marker.
    static func markerName(_ name: String) -> String {
        var out = ""
        var previous: UInt8 = 0
        for byte in name.utf8 {
            let plain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~") || byte == UInt8(ascii: "/")
                || (byte == UInt8(ascii: "-") && previous != UInt8(ascii: "-"))
            if plain {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += (byte < 0x10 ? "%0" : "%") + String(byte, radix: 16, uppercase: true)
            }
            previous = plain ? byte : 0
        }
        return out
    }

    public static func render(_ d: ResultDiff, context: DiffContext) -> String {
        var head = marker(d.name) + "\n"
        head += "### Cost diff: \(md(d.head.scenario))\n\n"
        head += "**\(md(d.headline))**\n\n"
        head += sourceLine(d, context) + "\n\n"
        if let line = guardrailLine(d) { head += line + "\n\n" }

        var blocks: [DiffBlock] = []
        blocks.append(optionsBlock(d))
        if context.chart, let chart = LineChart.beforeAfter(d) {
            let note = chartNote(d)
            blocks.append(DiffBlock(title: "Cumulative cost, before and after", intro: "", rows: [
                MermaidChart.render(chart) + "\n" + MermaidChart.legend(chart, mentions: true) + (note.isEmpty ? "" : "\n" + note),
            ], noun: "the chart", cutWhole: true, cutRank: 0))
        }
        if !d.warnings.isEmpty { blocks.append(warningsBlock(d)) }
        blocks.append(inputsBlock(d))
        if !d.guardrails.isEmpty { blocks.append(guardrailsBlock(d)) }
        return DiffBlock.fit(head: head, blocks: blocks, limit: context.limit)
    }

    static func sourceLine(_ d: ResultDiff, _ context: DiffContext) -> String {
        var parts: [String] = []
        if let base = context.baseSource {
            parts.append("\(MarkdownText.code(base)) → \(MarkdownText.code(context.headSource))")
        } else {
            parts.append("\(MarkdownText.code(context.headSource)) (new scenario)")
        }
        if let base = d.base, base.months != d.head.months {
            parts.append("horizon \(base.months) → \(d.head.months) months from \(d.head.start)")
        } else {
            parts.append("\(ChartReport.months(d.head.months)) from \(d.head.start)")
        }
        parts.append("amounts in \(md(d.head.currency))")
        parts.append("baseline: \(md(d.head.baselineLabel))")
        return parts.joined(separator: " · ")
    }

    static func guardrailLine(_ d: ResultDiff) -> String? {
        guard !d.guardrails.isEmpty else { return nil }
        let summary = GuardrailTable.summary(d.guardrails)
        return d.breachedGuardrails.isEmpty ? "✅ Guardrails: \(summary)." : "❌ Guardrails: \(summary) (see below)."
    }

    // MARK: Options

    static func optionsBlock(_ d: ResultDiff) -> DiffBlock {
        // What changed first; unchanged options last, so they are the first rows cut.
        let order: [OptionDiff.Status] = [.changed, .added, .removed, .unchanged]
        let sorted = order.flatMap { s in d.options.filter { $0.status == s } }
        var rows: [String] = []
        for o in sorted {
            var name = "**\(md(o.label))** (\(MarkdownText.code(o.id)))"
            if o.isBaseline { name += " · baseline" }
            if o.status == .added { name += " · new" }
            if o.status == .removed { name += " · removed" }
            if o.status == .unchanged, let total = o.figure(.totalCost) {
                rows.append(DiffBlock.row([name, title(.totalCost, d), value(total.old, .totalCost, d.head.money), value(total.new, .totalCost, d.head.money), "no change"]))
                continue
            }
            var first = true
            // A figure neither side has (the baseline's breakeven month) gets no row; an added or
            // removed option shows its "never" too.
            let addedOrRemoved = o.status == .added || o.status == .removed
            for f in o.figures where (f.isPresent && (addedOrRemoved || !f.figure.isCapacity || !f.isUnchanged))
                || (addedOrRemoved && !o.isBaseline && f.figure.nilIsNever) {
                let change: String
                switch o.status {
                case .added: change = "new"
                case .removed: change = "removed"
                default: change = DiffMarkdown.change(f, d.head.money)
                }
                let before = o.status == .added ? "–" : value(f.old, f.figure, d.head.money)
                let after = o.status == .removed ? "–" : value(f.new, f.figure, d.head.money)
                rows.append(DiffBlock.row([first ? name : "", title(f.figure, d), before, after, change]))
                first = false
            }
        }
        let header = DiffBlock.row(["Option", "Figure", "Before", "After", "Change"]) + "|---|---|---:|---:|---:|\n"
        return DiffBlock(title: "Options", intro: header, rows: rows,
                         outro: "\nChange is after − before; percentages are of the before value. "
                              + "Breakeven month: from then on the cumulative cost stays at or below the baseline's.\n",
                         noun: "option rows", cutRank: 3)
    }

    static func title(_ f: FigureChange.Figure, _ d: ResultDiff) -> String {
        switch f {
        case .totalCost:
            // Totals over different horizons: the label says so rather than naming HEAD's alone.
            if let base = d.base, base.months != d.head.months { return "Total, \(base.months) → \(d.head.months) months" }
            return "Total, \(d.head.months) months"
        case .npv: return "NPV"
        case .firstMonthCost: return "Month 1 cost"
        case .lastMonthCost: return "Last month cost"
        case .savingsVsBaseline: return "Savings vs baseline"
        case .breakevenMonth: return "Breakeven month"
        case .runRateBreakevenMonth: return "Cheaper to run from month"
        case .breakevenTokensPerMonth: return "Breakeven volume, tokens a month"
        case .breakevenRequestsPerDay: return "Breakeven volume, requests a day"
        case .cheaperBelowTokensPerMonth: return "Cheaper only below, tokens a month"
        case .peakReplicas: return "Replicas or units at the peak"
        case .peakGPUs: return "GPUs paid at the peak"
        case .averageUtilization: return "Average utilization"
        case .unmetRequests: return "Requests unmet"
        case .savingsP10: return "Savings, p10 of the trials"
        case .savingsP50: return "Savings, p50 of the trials"
        case .savingsP90: return "Savings, p90 of the trials"
        case .probabilityBreakeven: return "Trials in which it breaks even"
        case .probabilityCheapest: return "Trials in which it is cheapest"
        }
    }

    static func isMonth(_ f: FigureChange.Figure) -> Bool { f == .breakevenMonth || f == .runRateBreakevenMonth }

    static func value(_ x: Double?, _ f: FigureChange.Figure, _ money: MoneyFormat) -> String {
        switch f {
        case .breakevenMonth, .runRateBreakevenMonth:
            return x.map { String(Int($0)) } ?? "never"
        case .breakevenTokensPerMonth:
            return x.map(VolumeWords.tokens) ?? "never"
        case .breakevenRequestsPerDay:
            return x.map(VolumeWords.requestsPerDay) ?? "–"
        case .cheaperBelowTokensPerMonth, .unmetRequests:
            return x.map { Money.grouped(Money.fixed($0, decimals: 0)) } ?? "–"
        case .peakReplicas, .peakGPUs:
            return x.map { Money.trimmed(Money.fixed($0, decimals: 2)) } ?? "–"
        case _ where f.isShare:
            return x.map(Verdict.percent) ?? "–"
        default:
            return x.map(money.amount) ?? "–"
        }
    }

    /// "+$240,000.00 (+12.9%)", "+2 months", "no change", "now never".
    static func change(_ f: FigureChange, _ money: MoneyFormat) -> String {
        if f.isUnchanged { return "no change" }
        guard let delta = f.change else {
            if isMonth(f.figure) { return f.new == nil ? "now never" : "was never" }
            return "–"
        }
        let sign = delta < 0 ? "−" : "+"
        let amount: String
        switch f.figure {
        case .breakevenMonth, .runRateBreakevenMonth:
            let months = Int(abs(delta).rounded())
            return sign + "\(months) month" + (months == 1 ? "" : "s")
        case .breakevenTokensPerMonth, .cheaperBelowTokensPerMonth, .unmetRequests: amount = Money.grouped(Money.fixed(abs(delta), decimals: 0))
        case .breakevenRequestsPerDay: amount = Verdict.requests(abs(delta))
        case .peakReplicas, .peakGPUs: amount = Money.trimmed(Money.fixed(abs(delta), decimals: 2))
        case _ where f.figure.isShare:
            // A change of a share in points: "+12.5%" of 40% would read as 45%. One decimal, as
            // the shares are shown; a smaller change (one trial in 10,000 is 0.01) keeps two.
            // Rounded to 1e-9 first: 0.9012 − 0.9387 is −0.037499999…, which is 3.75 points.
            let points = (abs(delta) * 100 * 1e9).rounded() / 1e9
            let tenths = Money.trimmed(Money.fixed(points, decimals: 1))
            return sign + (tenths == "0" ? Money.trimmed(Money.fixed(points, decimals: 2)) : tenths) + " points"
        default: amount = money.amount(abs(delta))
        }
        let pct = f.relativeChange.map { " (\(DiffHeadline.signedPercent($0)))" } ?? ""
        return sign + amount + pct
    }

    // MARK: Warnings

    static func warningsBlock(_ d: ResultDiff) -> DiffBlock {
        let new = d.warnings.filter { $0.status == .new }.count
        let rows = d.warnings.map { w in
            let label = w.option.map { id in d.option(id)?.label ?? id }
            return DiffBlock.row([w.status == .new ? "⚠️ new" : "cleared", MarkdownText.code(w.code.rawValue),
                                  label.map(md) ?? "–", md(w.text)])
        }
        let header = DiffBlock.row(["Change", "Warning", "Option", "What it says"]) + "|---|---|---|---|\n"
        return DiffBlock(title: "Warnings (\(new) new, \(d.warnings.count - new) cleared)", intro: header, rows: rows,
                         noun: "warning changes", cutRank: 2)
    }

    // MARK: Inputs

    static func inputsBlock(_ d: ResultDiff) -> DiffBlock {
        guard d.base != nil else {
            return DiffBlock(title: "Inputs changed", intro: "The scenario is new: all of its \(d.inputs.count) inputs are added.\n",
                             rows: [], noun: "input changes", cutRank: 1)
        }
        guard !d.inputs.isEmpty else {
            return DiffBlock(title: "Inputs changed", intro: "No input changed.\n", rows: [], noun: "input changes", cutRank: 1)
        }
        // The inputs of an added or removed option collapse into one row.
        let added = Set(d.options.filter { $0.status == .added }.map(\.id))
        let removed = Set(d.options.filter { $0.status == .removed }.map(\.id))
        var rows: [String] = []
        let words = InputWording(d)
        var collapsed: [String: Int] = [:]
        var order: [(id: String, added: Bool)] = []
        for c in d.inputs {
            if let id = optionID(c.path), (c.kind == .added && added.contains(id)) || (c.kind == .removed && removed.contains(id)) {
                if collapsed[id] == nil { order.append((id, c.kind == .added)) }
                collapsed[id, default: 0] += 1
                continue
            }
            rows.append(DiffBlock.row([md(words.name(c.path)), MarkdownText.code(c.path),
                                       shown(c.old.map { words.text($0, at: c.path) }, c.oldSource),
                                       shown(c.new.map { words.text($0, at: c.path) }, c.newSource)]))
        }
        for (id, isAdded) in order {
            let n = collapsed[id] ?? 0
            let text = "\(n) input\(n == 1 ? "" : "s") (\(isAdded ? "new" : "removed") option)"
            let label = d.option(id)?.label ?? id
            rows.append(DiffBlock.row([md("Every input of " + label), MarkdownText.code("options.\(id).*"), isAdded ? "–" : text, isAdded ? text : "–"]))
        }
        let header = DiffBlock.row(["Input", "Path", "Before", "After"]) + "|---|---|---|---|\n"
        return DiffBlock(title: "Inputs changed (\(d.inputs.count))", intro: header, rows: rows, noun: "input changes", cutRank: 1)
    }

    /// "options.gpt.prices.x" → "gpt".
    static func optionID(_ path: String) -> String? {
        let parts = path.split(separator: ".", maxSplits: 2)
        guard parts.count >= 2, parts[0] == "options" else { return nil }
        return String(parts[1])
    }

    /// "-50%", "$2.49 per GPU-hour (default)", "–".
    static func shown(_ value: String?, _ source: String?) -> String {
        guard let value else { return "–" }
        let text = md(value)
        guard let source, source != "scenario" else { return text }
        return "\(text) (\(md(source)))"
    }

    /// Text in a pull-request comment: escaped, and @mentions that would notify someone broken.
    static func md(_ s: String) -> String { MarkdownText.text(s, mentions: true) }

    // MARK: Guardrails

    static func guardrailsBlock(_ d: ResultDiff) -> DiffBlock {
        let order: [GuardrailOutcome.Status] = [.breached, .skipped, .passed]
        let sorted = order.flatMap { s in d.guardrails.filter { $0.status == s } }
        let rows = sorted.map { o in
            DiffBlock.row([GuardrailTable.status(o.status), MarkdownText.code(o.rule), o.option == "*" ? "*" : MarkdownText.code(o.option),
                           md(GuardrailTable.finding(o))])
        }
        let header = DiffBlock.row(["Result", "Rule", "Option", "Finding"]) + "|---|---|---|---|\n"
        return DiffBlock(title: "Guardrails", intro: header, rows: rows, noun: "guardrail checks", cutRank: 2,
                         protectedRows: d.breachedGuardrails.count)
    }

    static func chartNote(_ d: ResultDiff) -> String {
        guard let base = d.base, base.months != d.head.months else { return "" }
        return "The chart shows the \(min(base.months, d.head.months)) months both sides project.\n"
    }
}
