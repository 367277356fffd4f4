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
        let fitted = Self.fitted(chart)
        let scale = AxisScale(values: fitted, money: chart.money)
        let x = { (month: Double) -> Double in
            let span = Double(max(chart.months - 1, 0))
            guard span > 0 else { return (plotLeft + plotRight) / 2 }
            return plotLeft + (month - 1) / span * (plotRight - plotLeft)
        }
        // Values off a clipped axis are drawn at its edge and labelled there.
        let y = { (value: Double) -> Double in
            plotBottom - (Swift.min(Swift.max(value, scale.min), scale.max) - scale.min) / (scale.max - scale.min) * (plotBottom - plotTop)
        }

        var svg = SVGDocument(width: width, height: height, size: n)
        svg.element("text", ["x": n(plotLeft), "y": "30", "font-size": "18", "font-weight": "bold", "fill": "#222222"], text: chart.title)
        let clipped = fitted.count < chart.values.count
        svg.element("text", ["x": n(plotLeft), "y": "52", "fill": "#555555"],
                    text: subtitle + (clipped ? " · amounts off the scale labelled" : ""))

        // Grid and y axis labels.
        svg.open("g", ["stroke": "#e6e6e6", "stroke-width": "1"])
        for tick in scale.ticks {
            svg.element("line", ["x1": n(plotLeft), "y1": n(y(tick)), "x2": n(plotRight), "y2": n(y(tick))])
        }
        let axis = MonthAxis(start: chart.start, months: chart.months)
        let monthTicks = axis.ticks
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
            svg.element("text", ["x": n(x(Double(tick))), "y": n(plotBottom + 20)], text: axis.label(tick))
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
        svg.element("text", ["x": n((plotLeft + plotRight) / 2), "y": n(plotBottom + 46), "text-anchor": "middle", "fill": "#222222"], text: "Month")
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
        // Off the scale: a triangle at the edge, and the amount and month beside it; labels at one
        // edge move inwards a row while they would cover one already placed.
        var spikes: [(left: Double, width: Double, up: Bool, row: Int)] = []
        for s in chart.series {
            for (i, v) in s.values.enumerated() where v > scale.max || v < scale.min {
                let cx = x(Double(i + 1)), up = v > scale.max, edge = up ? plotTop : plotBottom
                let tip = up ? edge - 2 : edge + 2, base = up ? edge + 8 : edge - 8
                svg.element("polygon", ["points": "\(n(cx - 6)),\(n(base)) \(n(cx + 6)),\(n(base)) \(n(cx)),\(n(tip))", "fill": s.color.hex])
                let label = "\(chart.money.significant(v)) in \(axis.label(i + 1))"
                let width = Double(label.count) * 6.7
                let anchor = cx > plotRight - 120 ? "end" : "start"
                let left = anchor == "end" ? cx - 10 - width : cx + 10
                var row = 0
                while spikes.contains(where: { $0.up == up && $0.row == row && left < $0.left + $0.width + 6 && $0.left < left + width + 6 }) { row += 1 }
                spikes.append((left, width, up, row))
                let ly = up ? edge + 14 + Double(row) * 15 : edge - 6 - Double(row) * 15
                svg.element("text", ["x": n(anchor == "end" ? cx - 10 : cx + 10), "y": n(ly), "text-anchor": anchor,
                                     "font-size": "12", "fill": s.color.hex], text: label)
            }
        }
        // Breakeven: a ring on the line and a dashed rule up to its label at the top of the plot,
        // labels in rows so that they never cover one another or sit in a corner of the lines.
        var placed: [(x: Double, width: Double, row: Int)] = []
        for s in chart.series {
            guard let month = s.marker, month >= 1, month <= s.values.count else { continue }
            let cx = x(Double(month)), cy = y(s.values[month - 1])
            let label = "breaks even: \(axis.label(month))"
            // About 6.7 px a character at 12 px.
            let width = Double(label.count) * 6.7
            let anchor = cx + width + 8 > plotRight ? "end" : "start"
            let left = anchor == "end" ? cx - 6 - width : cx + 6
            var row = 0
            while placed.contains(where: { $0.row == row && left < $0.x + $0.width + 8 && $0.x < left + width + 8 }) { row += 1 }
            placed.append((left, width, row))
            let ly = plotTop + 16 + Double(row) * 17
            svg.element("line", ["x1": n(cx), "y1": n(ly + 4), "x2": n(cx), "y2": n(cy), "stroke": s.color.hex, "stroke-width": "1",
                                 "stroke-dasharray": "4 3"])
            svg.element("circle", ["cx": n(cx), "cy": n(cy), "r": "5", "fill": "#ffffff", "stroke": s.color.hex, "stroke-width": "2.5"])
            svg.element("text", ["x": n(anchor == "end" ? cx - 6 : cx + 6), "y": n(ly), "text-anchor": anchor, "font-size": "12",
                                 "font-weight": "bold", "fill": s.color.hex], text: label)
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

    /// The values the money axis fits: every one, or for a chart that clips spikes, all but those
    /// far off the rest (beyond the core of the values by more than its span: a purchase of
    /// $5,000 among months of $20). The core leaves out one extreme per line at each end.
    static func fitted(_ chart: LineChart) -> [Double] {
        let all = chart.values.filter(\.isFinite)
        let sorted = all.sorted(), extremes = chart.series.count
        guard chart.clipsSpikes, sorted.count > 4 * extremes else { return chart.values }
        let low = sorted[extremes], high = sorted[sorted.count - 1 - extremes]
        let span = Swift.max(high, 0) - Swift.min(low, 0)
        guard span > 0 else { return chart.values }
        let top = (sorted.last ?? 0) > high + span ? high : .infinity
        let bottom = (sorted.first ?? 0) < low - span ? low : -.infinity
        return all.filter { $0 <= top && $0 >= bottom }
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
