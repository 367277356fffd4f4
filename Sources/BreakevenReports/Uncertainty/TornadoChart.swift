import BreakevenCore

/// The tornado as a standalone SVG file: one bar per input, from the savings at the scenario's
/// values to the savings with the input at its low value (upper half, blue) and at its high value
/// (lower half, orange), biggest swing on top.
public enum TornadoChart {
    static let maxBars = 12
    static let width = 960.0
    static let plotLeft = 360.0, plotRight = 900.0, plotTop = 128.0, row = 34.0
    static let lowColor = "#4e79a7", highColor = "#f28e2b"

    /// The file name beside the Markdown report of `NAME.json`.
    public static func fileName(_ reportName: String) -> String { reportName + ".tornado.svg" }

    static func title(_ result: BreakevenResult, _ s: Sensitivity) -> String {
        "What moves the savings of \(result.option(s.option)?.label ?? s.option) against \(result.option(s.baseline)?.label ?? s.baseline)"
    }

    static func method(_ s: Sensitivity) -> String {
        switch s.method {
        case .percentiles: return "Each uncertain input at its 10th and its 90th percentile, the others at their scenario values."
        case .plusMinus25: return "Each input 25% below and above its scenario value (within its valid range), the others unchanged."
        }
    }

    public static func render(_ result: BreakevenResult) -> String? {
        guard let s = result.sensitivity, !s.bars.isEmpty else { return nil }
        let money = result.money, words = InputWording(result)
        let bars = Array(s.bars.prefix(maxBars))
        let plotBottom = plotTop + Double(bars.count) * row
        let height = plotBottom + 70
        let values = bars.flatMap { [$0.savingsAtLow, $0.savingsAtHigh] } + [s.savings]
        // Ticks that end just past the longest bars, in one unit ("$0.5M" … "$5M"); room beyond
        // the ticks, in pixels, for the bars' value labels.
        let scale = NiceTicks(values.min() ?? 0, values.max() ?? 0, count: 8, mantissas: NiceTicks.withTwoAndAHalf)
        let axis = AxisScale(scale, money: money)
        let room = 48.0
        func x(_ v: Double) -> Double { plotLeft + room + (v - scale.lower) / (scale.upper - scale.lower) * (plotRight - plotLeft - 2 * room) }

        var svg = SVGDocument(width: width, height: height)
        svg.text("What moves the savings", x: 24, y: 30, size: 18, bold: true, fill: "#222222")
        svg.text("of \(result.option(s.option)?.label ?? s.option) against \(result.option(s.baseline)?.label ?? s.baseline): "
                 + "\(money.significant(s.savings)) over \(MarkdownReport.months(result.scenario.months)) at the scenario values", x: 24, y: 52, fill: "#222222")
        svg.text(method(s), x: 24, y: 72, fill: "#555555")
        svg.rect(x: 24, y: 84, width: 12, height: 12, fill: lowColor)
        svg.text("input at its low value", x: 42, y: 95)
        svg.rect(x: 204, y: 84, width: 12, height: 12, fill: highColor)
        svg.text("input at its high value", x: 222, y: 95)

        for tick in scale.ticks {
            svg.line(x1: x(tick), y1: plotTop - 6, x2: x(tick), y2: plotBottom, stroke: "#e6e6e6")
            svg.text(axis.label(tick), x: x(tick), y: plotBottom + 20, anchor: .middle, fill: "#444444")
        }
        svg.text("Savings against \(result.option(s.baseline)?.label ?? s.baseline) over \(MarkdownReport.months(result.scenario.months))",
                 x: (plotLeft + plotRight) / 2, y: plotBottom + 44, anchor: .middle, fill: "#444444")
        if scale.lower < 0, scale.upper > 0 {
            svg.line(x1: x(0), y1: plotTop - 6, x2: x(0), y2: plotBottom, stroke: "#b22222", dashed: true)
            svg.text("breakeven", x: x(0) + 4, y: plotTop - 10, fill: "#b22222")
        }
        for (i, bar) in bars.enumerated() {
            let top = plotTop + Double(i) * row + 4
            let half = (row - 8) / 2
            // The input's name; the option it belongs to under it, smaller.
            let title = words.docs[bar.path]?.title ?? bar.path
            if let owner = words.owner(bar.path), words.docs[bar.path] != nil {
                svg.text(clipped(title, 52), x: plotLeft - 12, y: top + half - 2, anchor: .end)
                svg.text(clipped(owner, 60), x: plotLeft - 12, y: top + half + 11, anchor: .end, size: 11, fill: "#777777")
            } else {
                svg.text(clipped(title, 52), x: plotLeft - 12, y: top + half + 4, anchor: .end)
            }
            let ends: [(value: Double, input: Double, y: Double, color: String, which: String)] = [
                (bar.savingsAtLow, bar.low, top, lowColor, "low"), (bar.savingsAtHigh, bar.high, top + half, highColor, "high"),
            ]
            if !bar.movesSavings {
                svg.text("no effect on the savings", x: x(s.savings) + 6, y: top + half + 4, size: 11, fill: "#777777")
                continue
            }
            for end in ends {
                let a = min(x(s.savings), x(end.value)), b = max(x(s.savings), x(end.value))
                svg.rect(x: a, y: end.y, width: max(1, b - a), height: half, fill: end.color,
                         title: "\(words.name(bar.path)) (\(bar.path)) at its \(end.which) value \(words.value(end.input, at: bar.path)): savings \(money.significant(end.value))")
                let right = end.value >= s.savings
                svg.text(words.short(end.input, at: bar.path), x: right ? b + 4 : a - 4, y: end.y + half - 3,
                         anchor: right ? .start : .end, size: 11, fill: "#444444")
            }
        }
        svg.line(x1: x(s.savings), y1: plotTop - 6, x2: x(s.savings), y2: plotBottom, stroke: "#222222", width: 1.5)
        let more = s.bars.count - bars.count
        let description = title(result, s) + ". " + method(s) + (more > 0 ? " \(more) inputs with smaller swings are not drawn." : "")
        return svg.text(title: title(result, s), description: description)
    }

    /// At most `n` characters, cut with an ellipsis: the label column has a fixed width.
    static func clipped(_ text: String, _ n: Int) -> String {
        text.count > n ? String(text.prefix(n - 1)) + "…" : text
    }
}
