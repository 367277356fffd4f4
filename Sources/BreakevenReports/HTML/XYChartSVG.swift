import BreakevenCore
import Foundation

/// A Mermaid `xychart-beta` block of a report (the savings histogram, cost by switch month) drawn
/// as inline SVG for the HTML page, which must read without JavaScript. It reads back what
/// `MermaidXYChart` writes: a title, the x axis (a month range or categories), the y axis with
/// its range, and bar or line series.
struct XYChartSVG {
    var title = ""
    var xTitle = ""
    var categories: [String] = []
    var yTitle = ""
    var yRange: (Double, Double)?
    var palette: [String] = []
    var series: [(bar: Bool, label: String?, values: [Double])] = []

    static let width = 760.0, height = 380.0
    static let plotLeft = 80.0, plotRight = 740.0, plotTop = 56.0, plotBottom = 300.0

    /// The chart of a block's lines; nil when they are not an xychart.
    init?(_ lines: [String]) {
        guard lines.contains(where: { $0.trimmingCharacters(in: .whitespaces) == "xychart-beta" }) else { return nil }
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let words = Self.tokens(line)
            if line.hasPrefix("%%{init"), let start = line.range(of: "\"plotColorPalette\": \""),
               let end = line[start.upperBound...].firstIndex(of: "\"") {
                palette = line[start.upperBound..<end].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            } else if words.first == "title", words.count > 1 {
                title = words[1]
            } else if words.first == "x-axis", words.count > 1 {
                xTitle = words[1]
                if let list = Self.list(line) {
                    categories = list
                } else if words.count >= 5, let a = Int(words[2]), let b = Int(words[4]), a <= b {
                    categories = (a...b).map(String.init)
                } else if words.count >= 3 {
                    categories = [words[2].trimmingCharacters(in: CharacterSet(charactersIn: "[]"))]
                }
            } else if words.first == "y-axis", words.count > 1 {
                yTitle = words[1]
                if words.count >= 5, let a = Double(words[2]), let b = Double(words[4]) { yRange = (a, b) }
            } else if words.first == "bar" || words.first == "line", let list = Self.list(line) {
                let label = words.count > 2 && !words[1].hasPrefix("[") ? words[1] : nil
                series.append((words.first == "bar", label, list.map { Double($0) ?? 0 }))
            }
        }
    }

    /// Words of a statement: quoted strings as one word without their quotes.
    static func tokens(_ line: String) -> [String] {
        var out: [String] = [], current = "", quoted = false
        for c in line {
            if c == "\"" { quoted.toggle(); if !quoted { out.append(current); current = "" }; continue }
            if c == " ", !quoted { if !current.isEmpty { out.append(current) }; current = ""; continue }
            current.append(c)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The items of the statement's `[…]` list, unquoted.
    static func list(_ line: String) -> [String]? {
        guard let open = line.lastIndex(of: "["), let close = line.lastIndex(of: "]"), open < close else { return nil }
        var items: [String] = [], current = "", quoted = false
        for c in line[line.index(after: open)..<close] {
            if c == "\"" { quoted.toggle(); continue }
            if c == ",", !quoted { items.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
            current.append(c)
        }
        items.append(current.trimmingCharacters(in: .whitespaces))
        return items.filter { !$0.isEmpty }
    }

    var svg: String {
        let values = series.flatMap(\.values)
        let ticks = NiceTicks(yRange?.0 ?? min(0, values.min() ?? 0), yRange?.1 ?? (values.max() ?? 1), count: 5)
        let n = Double(max(categories.count, series.map(\.values.count).max() ?? 1))
        let slot = (Self.plotRight - Self.plotLeft) / n
        func x(_ i: Int) -> Double { Self.plotLeft + (Double(i) + 0.5) * slot }
        func y(_ v: Double) -> Double {
            Self.plotBottom - (min(max(v, ticks.lower), ticks.upper) - ticks.lower) / (ticks.upper - ticks.lower) * (Self.plotBottom - Self.plotTop)
        }
        var doc = SVGDocument(width: Self.width, height: Self.height)
        doc.text(title, x: 16, y: 28, size: 15, bold: true, fill: "#222222")
        for t in ticks.ticks {
            doc.line(x1: Self.plotLeft, y1: y(t), x2: Self.plotRight, y2: y(t), stroke: "#e6e6e6")
            doc.text(Money.trimmed(Money.fixed(t, decimals: 2)), x: Self.plotLeft - 8, y: y(t) + 4, anchor: .end, fill: "#444444")
        }
        // At most about 12 category labels.
        let every = max(1, Int((n / 12).rounded(.up)))
        for (i, label) in categories.enumerated() where i % every == 0 {
            doc.text(label, x: x(i), y: Self.plotBottom + 18, anchor: .middle, size: 11, fill: "#444444")
        }
        for (k, s) in series.enumerated() {
            let color = k < palette.count ? palette[k] : ChartColor.at(k).hex
            if s.bar {
                for (i, v) in s.values.enumerated() {
                    doc.rect(x: x(i) - slot * 0.4, y: min(y(v), y(0)), width: slot * 0.8, height: abs(y(0) - y(v)), fill: color,
                             title: "\(i < categories.count ? categories[i] : String(i + 1)): \(Money.trimmed(Money.fixed(v, decimals: 3)))")
                }
            } else {
                doc.polyline(s.values.enumerated().map { (x($0.offset), y($0.element)) }, stroke: color, width: 2.5)
            }
        }
        doc.line(x1: Self.plotLeft, y1: Self.plotBottom, x2: Self.plotRight, y2: Self.plotBottom, stroke: "#333333")
        doc.text(xTitle, x: (Self.plotLeft + Self.plotRight) / 2, y: Self.plotBottom + 44, anchor: .middle, fill: "#222222")
        doc.text(yTitle, x: 20, y: (Self.plotTop + Self.plotBottom) / 2, anchor: .middle, fill: "#222222", rotate: true)
        return doc.text(title: title, description: "\(title): \(series.count == 1 ? "one series" : "\(series.count) series") over \(categories.count) points.")
    }
}
