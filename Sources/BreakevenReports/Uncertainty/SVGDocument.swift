import BreakevenCore

/// A small SVG 1.1 writer for the uncertainty and sweep charts: text stays text (no fonts,
/// scripts or images), coordinates print with one decimal, so a chart is byte-identical on
/// every machine.
struct SVGDocument {
    let width: Double
    let height: Double
    private var body = ""

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// The whole file, with a title and description for screen readers.
    func text(title: String, description: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(SVGDocument.n(width))" height="\(SVGDocument.n(height))" viewBox="0 0 \(SVGDocument.n(width)) \(SVGDocument.n(height))" font-family="Helvetica, Arial, sans-serif" font-size="13">
        <title>\(SVGDocument.escape(title))</title>
        <desc>\(SVGDocument.escape(description))</desc>
        <rect x="0" y="0" width="\(SVGDocument.n(width))" height="\(SVGDocument.n(height))" fill="#ffffff"/>

        """ + body + "</svg>\n"
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

    /// Text and attribute values: &, <, > and quotes escaped.
    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(ch)
            }
        }
        return out
    }
}
