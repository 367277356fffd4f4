import BreakevenCore

/// Draws a `LineChart` as a Mermaid `xychart-beta` block, which GitHub renders inline in
/// Markdown. xychart-beta draws no legend, so a table under the chart says which line is which;
/// an init directive gives the lines the SVG's colours so the table can name them.
enum MermaidChart {
    static func render(_ chart: LineChart) -> String {
        let scale = AxisScale(values: chart.values)
        let (unit, suffix) = scale.unit
        let unitWords = ["B": ", billions", "M": ", millions", "k": ", thousands"][suffix] ?? ""
        // Enough decimals to keep about a thousandth of the unit: $1k steps on a millions axis.
        let decimals = unit >= 1e3 ? 3 : 2
        let palette = chart.series.map(\.color.hex).joined(separator: ", ")
        var out = "```mermaid\n"
        out += "%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"\(palette)\"}}}}%%\n"
        out += "xychart-beta\n"
        out += "    title \"\(text(chart.title))\"\n"
        if chart.months > 1 {
            out += "    x-axis \"\(text(chart.xTitle))\" 1 --> \(chart.months)\n"
        } else {
            out += "    x-axis \"\(text(chart.xTitle))\" [1]\n"
        }
        let yTitle = chart.yTitle.hasSuffix(")") ? String(chart.yTitle.dropLast()) + unitWords + ")" : chart.yTitle + unitWords
        out += "    y-axis \"\(text(yTitle))\" \(number(scale.min / unit, decimals)) --> \(number(scale.max / unit, decimals))\n"
        for s in chart.series {
            out += "    line \"\(text(s.label))\" [" + s.values.map { number($0 / unit, decimals) }.joined(separator: ", ") + "]\n"
        }
        return out + "```\n"
    }

    /// Which line is which, for the chart above.
    static func legend(_ chart: LineChart) -> String {
        var t = MarkdownTable([("Line", .left), ("Option", .left), ("Breakeven", .left)])
        for s in chart.series {
            t.append([s.color.name, s.label, s.note])
        }
        return t.text
    }

    /// Mermaid strings are double-quoted and cannot contain a double quote.
    static func text(_ s: String) -> String {
        s.replacingOccurrences(of: "\"", with: "'").replacingOccurrences(of: "\n", with: " ")
    }

    static func number(_ x: Double, _ decimals: Int) -> String {
        let t = Money.trimmed(Money.fixed(x, decimals: decimals))
        return t == "-0" ? "0" : t
    }
}
