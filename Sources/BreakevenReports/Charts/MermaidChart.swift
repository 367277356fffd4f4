import BreakevenCore

/// Draws a `LineChart` as a Mermaid `xychart-beta` block (`MermaidXYChart`). xychart-beta draws
/// no legend, so a table under the chart says which line is which; the palette gives the lines
/// the SVG's colours so the table can name them.
enum MermaidChart {
    static func render(_ chart: LineChart) -> String {
        // The axis of the SVG: spikes far off the rest are clipped to it (the note under the chart names them).
        let scale = AxisScale(values: SVGChart.fitted(chart), money: chart.money)
        let (unit, suffix) = scale.unit
        let unitWords = ["B": ", billions", "M": ", millions", "k": ", thousands"][suffix] ?? ""
        // Enough decimals to keep about a thousandth of the unit: $1k steps on a millions axis.
        let decimals = unit >= 1e3 ? 3 : 2
        let yTitle = chart.yTitle.hasSuffix(")") ? String(chart.yTitle.dropLast()) + unitWords + ")" : chart.yTitle + unitWords
        return MermaidXYChart(
            palette: chart.series.map(\.color.hex), title: chart.title, xAxis: .months(title: chart.xTitle, last: chart.months),
            yTitle: yTitle, yRange: (number(scale.min / unit, decimals), number(scale.max / unit, decimals)),
            series: chart.series.map { s in .init(kind: .line, label: s.label, values: s.values.map { number(min(max($0, scale.min), scale.max) / unit, decimals) }) }
        ).text
    }

    /// "Off the scale: Hosted (orange) $5.34k in Jan 2027; …", or nothing when nothing is clipped.
    static func offScale(_ chart: LineChart) -> String {
        let scale = AxisScale(values: SVGChart.fitted(chart), money: chart.money)
        let axis = MonthAxis(start: chart.start, months: chart.months)
        let clipped = chart.series.flatMap { s in
            s.values.enumerated().filter { $0.element > scale.max || $0.element < scale.min }
                .map { "\(MarkdownText.text(s.label)) (\(s.color.name)) \(chart.money.significant($0.element)) in \(axis.label($0.offset + 1))" }
        }
        guard !clipped.isEmpty else { return "" }
        return "Off the scale, drawn at its edge: " + clipped.joined(separator: "; ") + "."
    }

    /// Which line is which, for the chart above.
    /// - Parameter mentions: as `MarkdownText.text`'s, for a pull-request comment.
    static func legend(_ chart: LineChart, mentions: Bool = false) -> String {
        var t = MarkdownTable([("Line", .left), ("Option", .left), ("Breakeven", .left)])
        for s in chart.series {
            t.append([s.color.name, MarkdownText.text(s.label, mentions: mentions), MarkdownText.text(s.note, mentions: mentions)])
        }
        return t.text
    }

    static func number(_ x: Double, _ decimals: Int) -> String {
        let t = Money.trimmed(Money.fixed(x, decimals: decimals))
        return t == "-0" ? "0" : t
    }
}
