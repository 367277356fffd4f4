import BreakevenCore

/// The report as one self-contained web page (`--format html`), for people who will not open
/// Markdown: the Markdown report's content, section by section, with its charts drawn inline as
/// SVG (no scripts, styles or fonts to fetch; readable without JavaScript, at phone width too).
/// The page is well-formed XML as well as HTML, so tests parse it with an XML parser.
public enum HTMLReport {
    public static func fileName(_ reportName: String) -> String { reportName + ".html" }

    public static func render(_ result: BreakevenResult, context: ReportContext) -> String {
        var standalone = context
        standalone.chartFilesName = nil
        let markdown = MarkdownReport.render(result, context: standalone)
        var page = HTMLPage()
        page.charts = [ChartReport.cumulativeSVG(result), ChartReport.monthlySVG(result)]
        page.tornado = TornadoChart.render(result)
        page.read(markdown)
        return page.document(title: result.scenario.name)
    }
}

/// Builds the page from the Markdown the reports write: headings, paragraphs, tables, lists,
/// code blocks, Mermaid charts (replaced by their SVG) and the tornado image.
struct HTMLPage {
    /// The cost charts, in the order their Mermaid blocks come (cumulative, then monthly).
    var charts: [String] = []
    var tornado: String?
    private var body = ""
    private var sections: [(id: String, title: String)] = []
    private var ids: Set<String> = []

    mutating func read(_ markdown: String) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var paragraph: [String] = []
        var k = 0
        func flush() {
            if !paragraph.isEmpty { body += "<p>" + HTMLInline.html(paragraph.joined(separator: " ")) + "</p>\n" }
            paragraph = []
        }
        var costCharts = charts[...]
        while k < lines.count {
            let line = lines[k]
            if line.hasPrefix("```") {
                flush()
                let fence = String(line.prefix { $0 == "`" })
                let language = String(line.dropFirst(fence.count))
                var block: [String] = []
                k += 1
                while k < lines.count, lines[k] != fence { block.append(lines[k]); k += 1 }
                k += 1
                if language == "mermaid" {
                    let isCost = block.contains { $0.contains("x-axis \"Month (1 = ") }
                    if isCost, let svg = costCharts.popFirst() { figure(svg) }
                    else if let chart = XYChartSVG(block) { figure(chart.svg) }
                } else {
                    body += "<pre><code>" + HTMLInline.escape(block.joined(separator: "\n")) + "</code></pre>\n"
                }
                continue
            }
            if line.hasPrefix("|") {
                flush()
                var rows: [String] = []
                while k < lines.count, lines[k].hasPrefix("|") { rows.append(lines[k]); k += 1 }
                table(rows)
                continue
            }
            if line.hasPrefix("- ") {
                flush()
                body += "<ul>\n"
                while k < lines.count, lines[k].hasPrefix("- ") {
                    body += "<li>" + HTMLInline.html(String(lines[k].dropFirst(2))) + "</li>\n"
                    k += 1
                }
                body += "</ul>\n"
                continue
            }
            if line.hasPrefix("![") {
                flush()
                if let tornado { figure(tornado) }
            } else if line.hasPrefix("## ") {
                flush()
                heading(String(line.dropFirst(3)))
            } else if line.hasPrefix("# ") {
                flush()
                body += "<h1>" + HTMLInline.html(String(line.dropFirst(2))) + "</h1>\n"
            } else if line.isEmpty {
                flush()
            } else {
                paragraph.append(line)
            }
            k += 1
        }
        flush()
        if !sections.isEmpty { body += "</section>\n" }
    }

    private mutating func heading(_ markdown: String) {
        if !sections.isEmpty { body += "</section>\n" }
        let title = HTMLInline.html(markdown)
        var id = Self.slug(markdown)
        var n = 2
        while ids.contains(id) { id = Self.slug(markdown) + "-\(n)"; n += 1 }
        ids.insert(id)
        sections.append((id, title))
        body += "<section id=\"\(id)\">\n<h2>\(title)</h2>\n"
    }

    /// "Cost breakdown" → "cost-breakdown"; an id of letters, digits and hyphens only.
    static func slug(_ text: String) -> String {
        var out = ""
        for c in text.lowercased() {
            if c.isASCII, c.isLetter || c.isNumber { out.append(c) } else if !out.hasSuffix("-") { out.append("-") }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "section" : "section-" + out
    }

    private mutating func figure(_ svg: String) {
        // The SVG file without its XML declaration, inside the page.
        let inline = svg.hasPrefix("<?xml") ? String(svg.drop { $0 != "\n" }.dropFirst()) : svg
        body += "<figure>\n" + inline + "</figure>\n"
    }

    private mutating func table(_ rows: [String]) {
        let cells = rows.map(Self.cells)
        guard let header = cells.first else { return }
        let rule = cells.count > 1 ? cells[1] : []
        let right = rule.map { $0.hasSuffix(":") }
        var out = "<div class=\"table\"><table>\n<thead><tr>"
        for (c, text) in header.enumerated() { out += "<th\(c < right.count && right[c] ? " class=\"n\"" : "")>" + HTMLInline.html(text) + "</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for row in cells.dropFirst(2) {
            out += "<tr>"
            for (c, text) in row.enumerated() { out += "<td\(c < right.count && right[c] ? " class=\"n\"" : "")>" + HTMLInline.html(text) + "</td>" }
            out += "</tr>\n"
        }
        body += out + "</tbody>\n</table></div>\n"
    }

    /// The cells of `| a | b \| c |`: split on pipes that are not escaped.
    static func cells(_ row: String) -> [String] {
        var out: [String] = [], current = "", escaped = false
        for c in row.dropFirst() {
            if escaped { current.append(c); escaped = false; continue }
            if c == "\\" { current.append(c); escaped = true; continue }
            if c == "|" { out.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(c)
        }
        return out
    }

    func document(title: String) -> String {
        var nav = "<nav><ul>\n"
        for s in sections { nav += "<li><a href=\"#\(s.id)\">\(s.title)</a></li>\n" }
        nav += "</ul></nav>\n"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>\(HTMLInline.escape(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <main>

        """ + Self.afterTitle(nav, in: body) + "</main>\n</body>\n</html>\n"
    }

    /// The table of contents goes under the page's title.
    static func afterTitle(_ nav: String, in body: String) -> String {
        guard let end = body.range(of: "</h1>\n") else { return nav + body }
        return String(body[..<end.upperBound]) + nav + String(body[end.upperBound...])
    }

    /// One small style sheet, inline: readable type; tables that fit the page by wrapping a cell's
    /// words (a figure with its unit, an input path at its dots) and scroll sideways only where
    /// that is not enough, as on a phone; charts that shrink to the screen.
    static let style = """

    body { margin: 0; font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #222; background: #fff; }
    main { max-width: 1100px; margin: 0 auto; padding: 16px; }
    h1 { font-size: 1.8em; line-height: 1.2; margin: 0.4em 0; }
    h2 { font-size: 1.35em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid #ddd; }
    nav ul { list-style: none; padding: 0; margin: 0 0 1em; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.9em; }
    a { color: #1f5fa8; }
    .table { overflow-x: auto; margin: 0.6em 0; }
    table { border-collapse: collapse; font-size: 0.9em; }
    th, td { border: 1px solid #ddd; padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #f4f6f8; }
    td.n, th.n { text-align: right; }
    td:first-child { min-width: 9em; }
    tbody tr:nth-child(even) { background: #fafbfc; }
    code { font-family: Menlo, Consolas, monospace; font-size: 0.88em; background: #f4f6f8; padding: 0 3px; border-radius: 3px; }
    pre { overflow-x: auto; background: #f4f6f8; padding: 10px; border-radius: 4px; }
    pre code { padding: 0; }
    figure { margin: 1em 0; overflow-x: auto; }
    figure svg { max-width: 100%; height: auto; display: block; }
    @media (max-width: 700px) { figure svg { max-width: none; width: 660px; } }

    """
}
