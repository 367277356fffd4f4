import BreakevenCore

/// The first line of a PR comment: what the change does to the best alternative's breakeven
/// month and savings, e.g. "Self-hosted Llama now breaks even in month 11 instead of 9;
/// 36-month savings fall by $240k (−18%)."
enum DiffHeadline {
    static func sentences(_ d: ResultDiff) -> String {
        let alternatives = d.options.filter { $0.status != .removed && !$0.isBaseline }
        // The alternative that saves most in HEAD, ties to the smaller id (as the verdict picks).
        let best = alternatives.max { a, b in
            (saving(a) ?? -.infinity, b.id) < (saving(b) ?? -.infinity, a.id)
        }
        guard let base = d.base else {
            guard let best else { return "New scenario: \(onlyBaseline(d))" }
            return (["New scenario: " + standing(best, d)] + [odds(best)].compactMap { $0 }).joined(separator: " ")
        }
        var out: [String] = []
        if base.baseline != d.head.baseline {
            out.append("The baseline is now \(d.head.baselineLabel) (was \(base.baselineLabel)).")
        }
        if d.isUnchanged {
            guard let best else { return "No change to costs: \(onlyBaseline(d))" }
            return "No change to costs or breakeven: " + standing(best, d)
        }
        if let best {
            if best.status == .added {
                out.append("New option " + standing(best, d))
                if let odds = odds(best) { out.append(odds) }
                // What became of the option that was best before, if it is still there and changed.
                let previous = alternatives.filter { $0.status == .changed && $0.figure(.savingsVsBaseline)?.old != nil }
                    .max { a, b in (a.figure(.savingsVsBaseline)?.old ?? 0, b.id) < (b.figure(.savingsVsBaseline)?.old ?? 0, a.id) }
                if let previous { out.append(change(previous, d, base)) }
            } else {
                out.append(change(best, d, base))
                if let odds = odds(best) { out.append(odds) }
            }
        } else if let baseline = d.options.first(where: { $0.isBaseline && $0.status != .removed }) {
            out.append(total(baseline, d))
        }
        let removed = d.options.filter { $0.status == .removed }
        if removed.count == 1 {
            out.append("\(removed[0].label) is removed.")
        } else if removed.count > 1 {
            out.append("\(removed.count) options are removed.")
        }
        // no_breakeven is what the sentences above already say.
        let brought = d.warnings.filter { $0.status == .new && $0.code != .noBreakeven }
        if !brought.isEmpty {
            var codes: [String] = []
            for w in brought where !codes.contains(w.code.rawValue) { codes.append(w.code.rawValue) }
            out.append("\(brought.count) new \(brought.count == 1 ? "warning" : "warnings") (\(codes.joined(separator: ", "))).")
        }
        return out.joined(separator: " ")
    }

    static func saving(_ o: OptionDiff) -> Double? { o.figure(.savingsVsBaseline)?.new }

    /// The Monte Carlo's word on the option, where HEAD has an `uncertainty` block and the odds
    /// are new or moved: "Self-hosted 8B breaks even in 87.3% of the trials (was 93.9%)."
    static func odds(_ o: OptionDiff) -> String? {
        guard let f = o.figure(.probabilityBreakeven), let new = f.new, f.old != new else { return nil }
        return "\(o.label) breaks even in \(Verdict.percent(new)) of the trials" + (f.old.map { " (was \(Verdict.percent($0)))" } ?? "") + "."
    }

    /// "Closed API is the only option and costs $72k over 12 months."
    static func onlyBaseline(_ d: ResultDiff) -> String {
        let total = d.options.first { $0.isBaseline && $0.status != .removed }?.figure(.totalCost)?.new ?? 0
        return "\(d.head.baselineLabel) is the only option and costs \(d.head.money.compact(total)) over \(d.head.months) months."
    }

    /// Where an option stands in HEAD: "X breaks even in month 3 and saves $38k over 12 months
    /// against Y." or "X never breaks even: over 12 months it costs $5k more than Y."
    static func standing(_ o: OptionDiff, _ d: ResultDiff) -> String {
        let n = d.head.months
        let savings = saving(o) ?? 0
        if savings > 0, let month = o.figure(.breakevenMonth)?.new {
            return "\(o.label) breaks even in month \(Int(month)) and saves \(d.head.money.compact(savings)) over \(n) months against \(d.head.baselineLabel)."
        }
        return "\(o.label) never breaks even: over \(n) months it costs \(d.head.money.compact(abs(savings))) more than \(d.head.baselineLabel)."
    }

    /// An option present on both sides: its breakeven month, then its savings, old → new.
    static func change(_ o: OptionDiff, _ d: ResultDiff, _ base: DiffSide) -> String {
        let old = o.figure(.breakevenMonth)?.old.map { Int($0) }
        let new = o.figure(.breakevenMonth)?.new.map { Int($0) }
        let breakeven: String
        switch (old, new) {
        case (let a?, let b?) where a == b: breakeven = "\(o.label) still breaks even in month \(b)"
        case (let a?, let b?): breakeven = "\(o.label) now breaks even in month \(b) instead of \(a)"
        case (nil, let b?): breakeven = "\(o.label) now breaks even in month \(b) (it did not before)"
        case (let a?, nil): breakeven = "\(o.label) no longer breaks even (it did in month \(a))"
        case (nil, nil): breakeven = "\(o.label) still never breaks even"
        }
        return breakeven + "; " + savings(o, d, base) + "."
    }

    static func savings(_ o: OptionDiff, _ d: ResultDiff, _ base: DiffSide) -> String {
        let n = d.head.months
        let new = o.figure(.savingsVsBaseline)?.new ?? 0
        guard let old = o.figure(.savingsVsBaseline)?.old else {
            return new > 0 ? "it saves \(d.head.money.compact(new)) over \(n) months" : "over \(n) months it costs \(d.head.money.compact(-new)) more"
        }
        guard base.months == n else {
            return "savings are \(d.head.money.compact(new)) over \(n) months (were \(d.head.money.compact(old)) over \(base.months))"
        }
        if old == new {
            return new > 0 ? "\(n)-month savings stay at \(d.head.money.compact(new))" : "over \(n) months it still costs \(d.head.money.compact(-new)) more"
        }
        switch (old > 0, new > 0) {
        case (true, true):
            return "\(n)-month savings \(new > old ? "rise" : "fall") by \(d.head.money.compact(abs(new - old))) (\(signedPercent((new - old) / abs(old))))"
        case (false, false):
            return "over \(n) months it costs \(d.head.money.compact(-new)) more than \(d.head.baselineLabel) (was \(d.head.money.compact(-old)) more)"
        case (false, true):
            return "over \(n) months it now saves \(d.head.money.compact(new)) (it cost \(d.head.money.compact(-old)) more before)"
        case (true, false):
            return "over \(n) months it now costs \(d.head.money.compact(-new)) more than \(d.head.baselineLabel) (it saved \(d.head.money.compact(old)) before)"
        }
    }

    /// Only a baseline: how its total moves.
    static func total(_ o: OptionDiff, _ d: ResultDiff) -> String {
        guard let f = o.figure(.totalCost), let new = f.new else { return "" }
        guard let change = f.change, change != 0 else {
            return "\(o.label)'s \(d.head.months)-month total stays at \(d.head.money.compact(new))."
        }
        let pct = f.relativeChange.map { " (\(signedPercent($0)))" } ?? ""
        return "\(o.label)'s \(d.head.months)-month total \(change > 0 ? "rises" : "falls") by \(d.head.money.compact(abs(change)))\(pct) to \(d.head.money.compact(new))."
    }

    /// "+12.9%", "−18%" (a real minus sign, as typeset).
    static func signedPercent(_ share: Double) -> String {
        (share < 0 ? "−" : "+") + Verdict.percent(abs(share))
    }
}
