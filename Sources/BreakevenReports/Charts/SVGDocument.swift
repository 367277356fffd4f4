import BreakevenCore

/// The one SVG 1.1 writer of the reports: every chart (cost lines, tornado, sweeps) is built
/// with it, and every piece of text or attribute value passes through its `escape`, so nothing
/// a scenario names can break the XML or add markup. Text stays text (no fonts, scripts or
/// images), coordinates print with one decimal, so a chart is byte-identical on every machine.
struct SVGDocument {
    let width: Double
    let height: Double
    /// How the root's width and height print: "960" or, for the cost charts, "960.0".
    let size: (Double) -> String
    private var body = ""

    init(width: Double, height: Double, size: @escaping (Double) -> String = SVGDocument.n) {
        self.width = width
        self.height = height
        self.size = size
    }

    /// The whole file, with a title and description for screen readers.
    func text(title: String, description: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(size(width))" height="\(size(height))" viewBox="0 0 \(size(width)) \(size(height))" font-family="Helvetica, Arial, sans-serif" font-size="13">
        <title>\(SVGDocument.escape(title))</title>
        <desc>\(SVGDocument.escape(description))</desc>
        <rect x="0" y="0" width="\(size(width))" height="\(size(height))" fill="#ffffff"/>

        """ + body + "</svg>\n"
    }

    /// `<name a="v" …/>`, or `<name a="v" …>text</name>` with text; values and text escaped.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String>, text: String? = nil) {
        body += "<" + name + Self.attributes(attributes)
        body += text.map { ">" + Self.escape($0) + "</\(name)>\n" } ?? "/>\n"
    }

    /// `<name a="v" …>`, to hold the elements added until `close(name)`.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String>) {
        body += "<" + name + Self.attributes(attributes) + ">\n"
    }

    mutating func close(_ name: String) {
        body += "</\(name)>\n"
    }

    static func attributes(_ list: KeyValuePairs<String, String>) -> String {
        list.map { " \($0.key)=\"\(escape($0.value))\"" }.joined()
    }

    /// - Parameter crisp: no anti-aliased edges, so that tiles meet without hairlines.
    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, title: String? = nil,
                       crisp: Bool = false) {
        let strokeText = (stroke.map { " stroke=\"\($0)\" stroke-width=\"1\"" } ?? "") + (crisp ? " shape-rendering=\"crispEdges\"" : "")
        let open = "<rect x=\"\(SVGDocument.n(x))\" y=\"\(SVGDocument.n(y))\" width=\"\(SVGDocument.n(max(0, width)))\" height=\"\(SVGDocument.n(max(0, height)))\" fill=\"\(fill)\"\(strokeText)"
        if let title {
            body += open + "><title>\(SVGDocument.escape(title))</title></rect>\n"
        } else {
            body += open + "/>\n"
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dashed: Bool = false) {
        body += "<line x1=\"\(SVGDocument.n(x1))\" y1=\"\(SVGDocument.n(y1))\" x2=\"\(SVGDocument.n(x2))\" y2=\"\(SVGDocument.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(SVGDocument.n(width))\""
            + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n"
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dashed: Bool = false) {
        guard points.count > 1 else { return }
        let list = points.map { "\(SVGDocument.n($0.0)),\(SVGDocument.n($0.1))" }.joined(separator: " ")
        body += "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(SVGDocument.n(width))\" stroke-linejoin=\"round\""
            + (dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n"
    }

    mutating func circle(x: Double, y: Double, r: Double, fill: String) {
        body += "<circle cx=\"\(SVGDocument.n(x))\" cy=\"\(SVGDocument.n(y))\" r=\"\(SVGDocument.n(r))\" fill=\"\(fill)\"/>\n"
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ string: String, x: Double, y: Double, anchor: Anchor = .start, size: Double? = nil,
                       bold: Bool = false, fill: String = "#333333", rotate: Bool = false) {
        var attributes = "x=\"\(SVGDocument.n(x))\" y=\"\(SVGDocument.n(y))\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if let size { attributes += " font-size=\"\(SVGDocument.n(size))\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if rotate { attributes += " transform=\"rotate(-90 \(SVGDocument.n(x)) \(SVGDocument.n(y)))\"" }
        body += "<text \(attributes) fill=\"\(fill)\">\(SVGDocument.escape(string))</text>\n"
    }

    /// One decimal, no "-0".
    static func n(_ x: Double) -> String {
        let t = Money.trimmed(Money.fixed(x, decimals: 1))
        return t == "-0" ? "0" : t
    }

    /// Text and attribute values: &, <, > and quotes as entities; a character XML 1.0 does not
    /// allow even escaped (C0 controls but tab and line feed, U+FFFE, U+FFFF) and the bidi
    /// overrides as the replacement character, so every SVG parses.
    static func escape(_ s: String) -> String {
        s.escapingScalars { c in
            switch c {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&apos;"
            case "\t", "\n": return nil
            default:
                let v = c.value
                let invalid = v < 0x20 || v == 0xFFFE || v == 0xFFFF || (0x7F...0x9F).contains(v)
                    || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
                return invalid ? "\u{FFFD}" : nil
            }
        }
    }
}
