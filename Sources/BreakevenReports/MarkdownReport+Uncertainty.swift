import BreakevenCore

/// The Uncertainty and Sensitivity sections: ranges and odds from the Monte Carlo trials, a
/// histogram of the savings (Mermaid xychart-beta) and the tornado (a table and an SVG file).
extension MarkdownReport {
    /// "1 month", "36 months".
    static func months(_ n: Int) -> String { n == 1 ? "1 month" : "\(n) months" }

    /// Rows of the tornado table; the JSON result keeps every bar.
    static let tornadoRows = 15

    /// " Over 10,000 trials … ": the odds behind the verdict, or nothing without trials.
    static func odds(_ r: BreakevenResult) -> String {
        guard let u = r.uncertainty, let id = r.sensitivity?.option ?? r.options.first(where: { $0.id != r.baseline })?.id,
              let o = r.option(id), let odds = o.uncertainty else { return "" }
        var text = " Over \(Money.grouped(String(u.trials))) trials of the uncertain inputs, \(o.label) is the cheapest option in \(Verdict.percent(odds.probabilityCheapest)) of them"
        if let p = odds.probabilityBreakeven {
            text += " and breaks even within \(MarkdownReport.months(r.scenario.months)) in \(Verdict.percent(p))"
        }
        let s = odds.savingsVsBaseline
        text += "; its savings run from \(r.money.significant(s.p10)) to \(r.money.significant(s.p90)) (10th to 90th percentile)."
        // Another option that is cheapest more often deserves a mention.
        if let other = r.options.filter({ $0.id != o.id }).max(by: {
            ($0.uncertainty?.probabilityCheapest ?? 0, $1.id) < ($1.uncertainty?.probabilityCheapest ?? 0, $0.id)
        }), let p = other.uncertainty?.probabilityCheapest, p > odds.probabilityCheapest {
            text += " \(other.label) is the cheapest more often, in \(Verdict.percent(p)) of the trials."
        }
        return text
    }

    static func uncertainty(_ r: BreakevenResult) -> String? {
        guard let u = r.uncertainty else { return nil }
        let drawn = u.inputs.count == 1 ? "input" : "\(u.inputs.count) inputs"
        let how = u.correlations == nil ? "independently" : "(the correlated pairs listed after them together, the others independently)"
        var out = "\(Money.grouped(String(u.trials))) trials (seed \(u.seed)); each draws the \(drawn) below \(how), and every other input keeps its scenario value. "
        out += "p10 is the value 1 trial in 10 comes in under; p90, 9 in 10."
        if u.failedTrials > 0 { out += " \(u.failedTrials) trials gave an invalid scenario and are left out." }
        out += "\n\n"
        let words = InputWording(r)
        var inputs = MarkdownTable([("Input", .left), ("Path", .left), ("Distribution", .left), ("Scenario value", .right),
                                    ("Drawn p10", .right), ("p50", .right), ("p90", .right)])
        for i in u.inputs {
            inputs.append([MarkdownText.text(words.name(i.path)), MarkdownText.code(i.path), MarkdownText.text(i.distribution)]
                          + [i.nominal, i.sampled.p10, i.sampled.p50, i.sampled.p90].map { words.value($0, at: i.path) })
        }
        out += inputs.text + "\n"
        if let correlations = u.correlations {
            var c = MarkdownTable([("Inputs", .left), ("Rank correlation", .right), ("In the trials", .right)])
            for x in correlations {
                c.append([x.between.map { MarkdownText.text(words.name($0)) }.joined(separator: " and "), Money.significant(x.rankCorrelation, digits: 3),
                          Money.fixed(x.achieved, decimals: 3)])
            }
            out += "Inputs that move together: Spearman's rank correlation as the scenario asks for it, and as the drawn values have it "
            out += "(a Gaussian copula: each input keeps its own distribution).\n\n" + c.text + "\n"
        }
        var t = MarkdownTable([("Option", .left), ("Total p10", .right), ("p50", .right), ("p90", .right),
                               ("Savings p10", .right), ("p50", .right), ("p90", .right),
                               ("Breakeven month p10 / p50 / p90", .right), ("Breaks even", .right), ("Cheapest", .right)])
        for o in r.options {
            guard let x = o.uncertainty else { continue }
            let isBaseline = o.id == r.baseline
            func month(_ m: Int?) -> String { m.map(String.init) ?? "never" }
            let months = x.breakevenMonth.map { "\(month($0.p10)) / \(month($0.p50)) / \(month($0.p90))" } ?? "–"
            let money = r.money
            t.append([MarkdownText.text(o.label), money.significant(x.totalCost.p10), money.significant(x.totalCost.p50), money.significant(x.totalCost.p90)]
                     + savingsCells(x, isBaseline: isBaseline, money) + [months] + oddsCells(x))
        }
        out += t.text + """

        Totals and savings over \(MarkdownReport.months(r.scenario.months)). Breaks even: the share of trials in which the option's cumulative cost \
        falls to the baseline's within the horizon and stays there. Cheapest: the share in which it has the lowest total cost.

        """
        let charts = r.options.filter { $0.id != r.baseline }.compactMap { o in
            o.uncertainty?.savingsHistogram.map { savingsHistogram($0, option: o.label, baseline: r.baselineOption?.label ?? r.baseline, trials: u.trials, money: r.money) }
        }
        if !charts.isEmpty {
            out += "\nHow the trials' savings spread (bar charts of the trials per equal bin between the 1st and the 99th percentile; "
            out += "the end bins also hold the 1% beyond them; a bin labelled by its middle):\n\n" + charts.joined(separator: "\n")
        }
        return out
    }

    /// Savings against the baseline at the trials' p10, p50 and p90 ("baseline" for the baseline).
    static func savingsCells(_ x: OptionUncertainty, isBaseline: Bool, _ money: MoneyFormat) -> [String] {
        isBaseline ? ["baseline", "", ""] : [x.savingsVsBaseline.p10, x.savingsVsBaseline.p50, x.savingsVsBaseline.p90].map(money.significant)
    }

    /// The shares of trials in which the option breaks even and is cheapest.
    static func oddsCells(_ x: OptionUncertainty) -> [String] {
        [x.probabilityBreakeven.map(Verdict.percent) ?? "–", Verdict.percent(x.probabilityCheapest)]
    }

    /// A Mermaid xychart-beta bar chart: trials per savings bin, the bins labelled by their middle.
    static func savingsHistogram(_ h: Histogram, option: String, baseline: String, trials: Int, money: MoneyFormat) -> String {
        let edges = [h.lower, h.lower + h.width * Double(h.counts.count)]
        let largest = edges.map(abs).max() ?? 0
        let (unit, suffix) = largest >= 1e6 ? (1e6, "M") : largest >= 1e3 ? (1e3, "k") : (1.0, "")
        let step = h.width / unit
        let decimals = step >= 1 ? 1 : step >= 0.1 ? 2 : 3
        let labels = h.counts.indices.map { i -> String in
            let middle = (h.lower + h.width * (Double(i) + 0.5)) / unit
            let text = Money.fixed(middle, decimals: decimals)
            return text.hasPrefix("-0") && Double(text) == 0 ? String(text.dropFirst()) : text
        }
        let top = NiceTicks(0, Double(h.counts.max() ?? 0)).upper
        // One dark colour for the bars: Mermaid's default bar fill is a pale tint that barely stands out.
        return MermaidXYChart(palette: [TornadoChart.lowColor], title: "Savings of \(option) against \(baseline), \(Money.grouped(String(trials))) trials",
                              xAxis: .categories(title: "Savings, \(money.sign.trimmingCharacters(in: .whitespaces) + suffix)",
                                                 labels: labels, quoted: true),
                              yTitle: "Trials", yRange: ("0", Money.fixed(top, decimals: 0)),
                              series: [.init(kind: .bar, values: h.counts.map(String.init))]).text
    }

    static func sensitivity(_ r: BreakevenResult, context: ReportContext) -> String? {
        guard let s = r.sensitivity else { return nil }
        var out = MarkdownText.text("\(TornadoChart.title(r, s)): \(r.money.significant(s.savings)) over \(MarkdownReport.months(r.scenario.months)) at the scenario values")
        out += s.breakevenMonth.map { ", breaking even in month \($0)." } ?? ", never breaking even."
        out += " " + TornadoChart.method(s) + "\n\n"
        guard !s.bars.isEmpty else { return out + "No input moves the savings.\n" }
        let file = TornadoChart.fileName(reportName(context))
        out += "![Tornado chart: \(MarkdownText.linkText(TornadoChart.title(r, s)))](\(MarkdownText.linkTarget(file)))\n\n"
        let drawn = min(TornadoChart.maxBars, s.bars.count)
        // A page with the chart inside (HTML) names no file.
        out += context.chartFilesName == nil ? "The \(drawn) longest bars are drawn.\n\n"
            : "The chart is the SVG file [\(MarkdownText.linkText(file))](\(MarkdownText.linkTarget(file))); the \(drawn) longest bars are drawn.\n\n"
        let words = InputWording(r), money = r.money
        var t = MarkdownTable([("Input", .left), ("Path", .left), ("Scenario value", .right), ("Low", .right), ("High", .right),
                               ("Savings at low", .right), ("Savings at high", .right), ("Swing", .right),
                               ("Breakeven month at low / high", .right)])
        for bar in s.bars.prefix(tornadoRows) {
            func month(_ m: Int?) -> String { m.map(String.init) ?? "never" }
            t.append([MarkdownText.text(words.name(bar.path)), MarkdownText.code(bar.path)]
                     + [bar.nominal, bar.low, bar.high].map { words.value($0, at: bar.path) }
                     + [money.significant(bar.savingsAtLow), money.significant(bar.savingsAtHigh), bar.movesSavings ? money.significant(bar.swing) : "none",
                      "\(month(bar.breakevenMonthAtLow)) / \(month(bar.breakevenMonthAtHigh))"])
        }
        out += t.text
        let more = s.bars.count - min(tornadoRows, s.bars.count)
        if more > 0 { out += "\n\(more) more input\(more == 1 ? "" : "s") move the savings less (every bar is in the JSON result).\n" }
        return out
    }

    /// NAME of `NAME.json`: the report files' name.
    static func reportName(_ context: ReportContext) -> String {
        let file = context.scenarioPath.split(separator: "/").last.map(String.init) ?? context.scenarioPath
        return file.hasSuffix(".json") ? String(file.dropLast(5)) : file
    }
}
