/// One Mermaid `xychart-beta` block, which GitHub draws inline in Markdown: the one emitter of
/// Mermaid in the reports (cost lines, switch months, the savings histogram), with the one
/// escaping of the text a scenario puts in its quoted strings.
struct MermaidXYChart {
    enum XAxis {
        /// Months 1 to `last` ("1 --> 36"), or the single month "[1]".
        case months(title: String, last: Int)
        /// Category labels as written, quoted or bare (numbers).
        case categories(title: String, labels: [String], quoted: Bool)
    }

    enum Kind: String { case line, bar }

    struct Series {
        var kind: Kind
        /// Named lines get a label; nil draws the series unnamed.
        var label: String?
        /// Values as written (already scaled and rounded).
        var values: [String]
    }

    /// Colours of the series, in order: given, the lines keep the SVG's colours.
    var palette: [String] = []
    var title: String
    var xAxis: XAxis
    var yTitle: String
    /// "lo --> hi" as written; nil lets Mermaid choose.
    var yRange: (lower: String, upper: String)?
    var series: [Series]

    var text: String {
        var out = "```mermaid\n"
        if !palette.isEmpty {
            out += "%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"\(palette.joined(separator: ", "))\"}}}}%%\n"
        }
        out += "xychart-beta\n"
        out += "    title \(Self.quoted(title))\n"
        switch xAxis {
        case .months(let title, let last):
            out += "    x-axis \(Self.quoted(title)) " + (last > 1 ? "1 --> \(last)" : "[1]") + "\n"
        case .categories(let title, let labels, let quoted):
            out += "    x-axis \(Self.quoted(title)) [" + labels.map { quoted ? Self.quoted($0) : $0 }.joined(separator: ", ") + "]\n"
        }
        out += "    y-axis \(Self.quoted(yTitle))" + (yRange.map { " \($0.lower) --> \($0.upper)" } ?? "") + "\n"
        for s in series {
            out += "    \(s.kind.rawValue) " + (s.label.map { Self.quoted($0) + " " } ?? "") + "[" + s.values.joined(separator: ", ") + "]\n"
        }
        return out + "```\n"
    }

    /// A Mermaid string: it cannot hold a double quote (none is escapable), and a line break,
    /// control character or angle bracket would end the statement or be read as markup.
    static func quoted(_ s: String) -> String {
        var out = ""
        for c in MarkdownText.visible(s) {
            switch c {
            case "\"": out += "'"
            case "<": out += "‹"
            case ">": out += "›"
            default: out.append(c)
            }
        }
        return "\"" + out + "\""
    }
}
