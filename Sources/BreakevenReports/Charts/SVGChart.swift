import BreakevenCore

/// Draws a `LineChart` as a standalone SVG 1.1 file (with `SVGDocument`): axes with units,
/// grid, one line per series, breakeven months marked, and a legend.
enum SVGChart {
    static let width = 960.0
    static let plotLeft = 96.0, plotRight = 928.0, plotTop = 76.0, plotBottom = 436.0
    static let legendRow = 22.0

    static func render(_ chart: LineChart, subtitle: String) -> String {
        let legendTop = plotBottom + 78
        let height = legendTop + Double(chart.series.count) * legendRow + 14
        let scale = AxisScale(values: chart.values, money: chart.money)
        let x = { (month: Double) -> Double in
            let span = Double(max(chart.months - 1, 0))
            guard span > 0 else { return (plotLeft + plotRight) / 2 }
            return plotLeft + (month - 1) / span * (plotRight - plotLeft)
        }
        let y = { (value: Double) -> Double in
            plotBottom - (value - scale.min) / (scale.max - scale.min) * (plotBottom - plotTop)
        }

        var svg = SVGDocument(width: width, height: height, size: n)
        svg.element("text", ["x": n(plotLeft), "y": "30", "font-size": "18", "font-weight": "bold", "fill": "#222222"], text: chart.title)
        svg.element("text", ["x": n(plotLeft), "y": "52", "fill": "#555555"], text: subtitle)

        // Grid and y axis labels.
        svg.open("g", ["stroke": "#e6e6e6", "stroke-width": "1"])
        for tick in scale.ticks {
            svg.element("line", ["x1": n(plotLeft), "y1": n(y(tick)), "x2": n(plotRight), "y2": n(y(tick))])
        }
        let monthTicks = AxisScale.monthTicks(chart.months)
        for tick in monthTicks {
            svg.element("line", ["x1": n(x(Double(tick))), "y1": n(plotTop), "x2": n(x(Double(tick))), "y2": n(plotBottom)])
        }
        svg.close("g")
        svg.open("g", ["fill": "#444444", "text-anchor": "end"])
        for tick in scale.ticks {
            svg.element("text", ["x": n(plotLeft - 8), "y": n(y(tick) + 4)], text: scale.label(tick))
        }
        svg.close("g")
        svg.open("g", ["fill": "#444444", "text-anchor": "middle"])
        for tick in monthTicks {
            svg.element("text", ["x": n(x(Double(tick))), "y": n(plotBottom + 20)], text: String(tick))
        }
        svg.close("g")

        // Axes: the zero line darker when the range goes below zero.
        svg.open("g", ["stroke": "#333333", "stroke-width": "1"])
        svg.element("line", ["x1": n(plotLeft), "y1": n(plotTop), "x2": n(plotLeft), "y2": n(plotBottom)])
        svg.element("line", ["x1": n(plotLeft), "y1": n(plotBottom), "x2": n(plotRight), "y2": n(plotBottom)])
        if scale.min < 0 {
            svg.element("line", ["x1": n(plotLeft), "y1": n(y(0)), "x2": n(plotRight), "y2": n(y(0))])
        }
        svg.close("g")
        svg.element("text", ["x": n((plotLeft + plotRight) / 2), "y": n(plotBottom + 46), "text-anchor": "middle", "fill": "#222222"], text: chart.xTitle)
        svg.element("text", ["transform": "translate(22 \(n((plotTop + plotBottom) / 2))) rotate(-90)", "text-anchor": "middle", "fill": "#222222"],
                    text: chart.yTitle)

        // Lines, then markers on top of every line.
        for s in chart.series where !s.values.isEmpty {
            let points = s.values.enumerated().map { "\(n(x(Double($0.offset + 1)))),\(n(y($0.element)))" }.joined(separator: " ")
            if s.dashed {
                svg.element("polyline", ["fill": "none", "stroke": s.color.hex, "stroke-width": "2.5", "stroke-linejoin": "round",
                                         "stroke-dasharray": "8 4", "points": points])
            } else {
                svg.element("polyline", ["fill": "none", "stroke": s.color.hex, "stroke-width": "2.5", "stroke-linejoin": "round", "points": points])
            }
            if s.values.count == 1 {
                svg.element("circle", ["cx": n(x(1)), "cy": n(y(s.values[0])), "r": "3", "fill": s.color.hex])
            }
        }
        var placed: [(x: Double, y: Double)] = []
        for s in chart.series {
            guard let month = s.marker, month >= 1, month <= s.values.count else { continue }
            let cx = x(Double(month)), cy = y(s.values[month - 1])
            svg.element("line", ["x1": n(cx), "y1": n(cy), "x2": n(cx), "y2": n(plotBottom), "stroke": s.color.hex, "stroke-width": "1",
                                 "stroke-dasharray": "4 3"])
            svg.element("circle", ["cx": n(cx), "cy": n(cy), "r": "5", "fill": "#ffffff", "stroke": s.color.hex, "stroke-width": "2.5"])
            // Labels above the marker, moved up while they would overlap one already placed.
            var ly = max(cy - 10, plotTop + 12)
            while placed.contains(where: { abs($0.x - cx) < 70 && abs($0.y - ly) < 17 }), ly > plotTop + 12 - 60 {
                ly -= 17
            }
            placed.append((cx, ly))
            let anchor = cx > plotRight - 40 ? "end" : cx < plotLeft + 40 ? "start" : "middle"
            let label = "month \(month)"
            // A white box under the label keeps it readable where it crosses a line (about
            // 6.7 px a character at 12 px).
            let boxWidth = Double(label.count) * 6.7 + 8
            // Labels at the left edge start right of the axis, at the right edge end left of the border.
            let textX = anchor == "start" ? cx + 8 : anchor == "end" ? cx - 8 : cx
            let boxX = anchor == "start" ? textX - 4 : anchor == "end" ? textX - boxWidth + 4 : textX - boxWidth / 2
            svg.element("rect", ["x": n(boxX), "y": n(ly - 12), "width": n(boxWidth), "height": "16", "rx": "3", "fill": "#ffffff", "fill-opacity": "0.85"])
            svg.element("text", ["x": n(textX), "y": n(ly), "text-anchor": anchor, "font-size": "12", "fill": s.color.hex], text: label)
        }

        // Legend: one row per series.
        for (k, s) in chart.series.enumerated() {
            let rowY = legendTop + Double(k) * legendRow
            if s.dashed {
                svg.element("line", ["x1": n(plotLeft), "y1": n(rowY - 4), "x2": n(plotLeft + 28), "y2": n(rowY - 4), "stroke": s.color.hex,
                                     "stroke-width": "3", "stroke-dasharray": "8 4"])
            } else {
                svg.element("line", ["x1": n(plotLeft), "y1": n(rowY - 4), "x2": n(plotLeft + 28), "y2": n(rowY - 4), "stroke": s.color.hex, "stroke-width": "3"])
            }
            if s.marker != nil {
                svg.element("circle", ["cx": n(plotLeft + 14), "cy": n(rowY - 4), "r": "4", "fill": "#ffffff", "stroke": s.color.hex, "stroke-width": "2"])
            }
            svg.element("text", ["x": n(plotLeft + 38), "y": n(rowY), "fill": "#222222"], text: s.note.isEmpty ? s.label : "\(s.label) — \(s.note)")
        }
        return svg.text(title: chart.title, description: description(chart))
    }

    /// What a screen reader says: the chart and each line's last value.
    static func description(_ chart: LineChart) -> String {
        let scale = AxisScale(values: chart.values, money: chart.money)
        let lines = chart.series.map { s in
            "\(s.label)\(s.note.isEmpty ? "" : " (\(s.note))"): \(chart.money.amount(s.values.last ?? 0)) in month \(s.values.count)"
        }
        return "\(chart.title) over \(ChartReport.months(chart.months)), from \(scale.label(scale.min)) to \(scale.label(scale.max)). " + lines.joined(separator: "; ") + "."
    }

    /// Coordinates with one decimal.
    static func n(_ x: Double) -> String { Money.fixed(x, decimals: 1) }
}
