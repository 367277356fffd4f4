import BreakevenCore
import Foundation

/// A sweep as a standalone SVG file: a heatmap of the metric over a 2-D grid with the breakeven
/// frontier drawn on it, or a line chart over a 1-D one. Colours come in classes (a legend says
/// which range each holds), so equal neighbours merge into one rectangle and the file stays small.
public enum SweepChart {
    static let width = 1160.0
    static let plotLeft = 120.0, plotRight = 760.0, plotTop = 96.0, plotBottom = 616.0
    static let height = 700.0

    /// ColorBrewer RdBu, dearer (red) to cheaper (blue).
    static let diverging = ["#b2182b", "#d6604d", "#f4a582", "#fddbc7", "#d1e5f0", "#92c5de", "#4393c3", "#2166ac"]
    /// ColorBrewer YlGnBu, later (light) to earlier (dark).
    static let sequential = ["#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"]
    static let never = "#d9d9d9"
    /// Tableau 10, one colour per option.
    static let categorical = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]

    public static func fileName(_ reportName: String) -> String { reportName + ".sweep.svg" }

    public static func title(_ grid: SweepGrid) -> String {
        let option = grid.optionLabels[grid.optionIndex], baseline = grid.optionLabels[grid.baselineIndex]
        switch grid.metric {
        case .cheapest: return "Cheapest option over \(MarkdownReport.months(grid.months))"
        case .savings: return "Savings of \(option) against \(baseline) over \(MarkdownReport.months(grid.months))"
        case .breakevenMonth: return "Breakeven month of \(option) against \(baseline)"
        }
    }

    public static func render(_ grid: SweepGrid) -> String {
        grid.y == nil ? line(grid) : heatmap(grid)
    }

    // MARK: Heatmap

    /// A cell's colour class and the legend of all classes.
    struct Classes {
        var legend: [(color: String, label: String)]
        var color: (Int, Int) -> String?
    }

    static func classes(_ grid: SweepGrid) -> Classes {
        switch grid.metric {
        case .cheapest:
            let used = Set((0..<grid.ny).flatMap { j in (0..<grid.nx).map { grid.cheapest($0, j) } })
            return Classes(legend: grid.optionIDs.indices.filter(used.contains).map { (categorical[$0 % categorical.count], grid.optionLabels[$0]) },
                           color: { i, j in grid.totals(i, j, option: 0).totalCost.isFinite ? categorical[grid.cheapest(i, j) % categorical.count] : nil })
        case .savings:
            // Four classes each side of zero, a decade apart below the largest saving or loss
            // (1-2-5 rounded), so the region near the frontier is told apart as well as the far corner.
            var largest = 0.0
            for j in 0..<grid.ny { for i in 0..<grid.nx where grid.savings(i, j).isFinite { largest = max(largest, abs(grid.savings(i, j))) } }
            let top = roundedDown(max(largest, 1) / 2)
            let breaks = [0, top / 100, top / 10, top]
            var legend: [(String, String)] = []
            for k in (0..<4).reversed() { legend.append((diverging[4 + k], "cheaper by " + range(breaks, k, grid.money))) }
            for k in 0..<4 { legend.append((diverging[3 - k], "dearer by " + range(breaks, k, grid.money))) }
            return Classes(legend: legend, color: { i, j in
                let s = grid.savings(i, j)
                guard s.isFinite else { return nil }
                let k = breaks.lastIndex { abs(s) >= $0 } ?? 0
                return s >= 0 ? diverging[4 + k] : diverging[3 - k]
            })
        case .breakevenMonth:
            // Months in up to seven bands, earliest darkest; never in grey.
            let bands = min(7, grid.months)
            let size = Int((Double(grid.months) / Double(bands)).rounded(.up))
            var legend: [(String, String)] = []
            for k in 0..<bands {
                let first = k * size + 1, last = min(grid.months, (k + 1) * size)
                guard first <= last else { break }
                legend.append((sequential[6 - k], first == last ? "month \(first)" : "months \(first)–\(last)"))
            }
            legend.append((never, "never within \(MarkdownReport.months(grid.months))"))
            return Classes(legend: legend, color: { i, j in
                guard grid.totals(i, j, option: 0).totalCost.isFinite else { return nil }
                guard let m = grid.breakevenMonth(i, j) else { return never }
                return sequential[6 - min(bands - 1, (m - 1) / size)]
            })
        }
    }

    /// Class k of the breaks: "$0 to $20k", "$2M or more".
    static func range(_ breaks: [Double], _ k: Int, _ money: MoneyFormat) -> String {
        k == breaks.count - 1 ? "\(money.round(breaks[k])) or more" : "\(money.round(breaks[k])) to \(money.round(breaks[k + 1]))"
    }

    /// The largest 1, 2 or 5 × 10^k at or below x.
    static func roundedDown(_ x: Double) -> Double {
        let magnitude = pow(10, floor(log10(x)))
        return [5.0, 2, 1].map { $0 * magnitude }.first { $0 <= x } ?? magnitude
    }

    static func heatmap(_ grid: SweepGrid) -> String {
        guard let yAxis = grid.y else { return line(grid) }
        let nx = Double(grid.nx), ny = Double(grid.ny)
        let cellW = (plotRight - plotLeft) / nx, cellH = (plotBottom - plotTop) / ny
        // Grid point i sits in the middle of cell i; fractional indices map the same way.
        func px(_ u: Double) -> Double { plotLeft + (u + 0.5) * cellW }
        func py(_ v: Double) -> Double { plotBottom - (v + 0.5) * cellH }
        var svg = SVGDocument(width: width, height: height)
        svg.text(title(grid), x: 24, y: 30, size: 18, bold: true, fill: "#222222")
        svg.text(subtitle(grid), x: 24, y: 52, fill: "#555555")
        let c = classes(grid)
        // Cell edges rounded once, so neighbouring rectangles meet without a hairline between them.
        func edge(_ x: Double) -> Double { (x * 10).rounded() / 10 }
        for j in 0..<grid.ny {
            let top = edge(plotBottom - Double(j + 1) * cellH), bottom = edge(plotBottom - Double(j) * cellH)
            var i = 0
            while i < grid.nx {
                let color = c.color(i, j)
                var run = 1
                while i + run < grid.nx, c.color(i + run, j) == color { run += 1 }
                let left = edge(plotLeft + Double(i) * cellW), right = edge(plotLeft + Double(i + run) * cellW)
                svg.rect(x: left, y: top, width: right - left, height: bottom - top, fill: color ?? "#ffffff", crisp: true)
                i += run
            }
        }
        // The frontier: where the option's savings cross zero, or where the cheapest option changes.
        if grid.metric == .cheapest {
            for j in 0..<grid.ny {
                for i in 0..<grid.nx {
                    if i + 1 < grid.nx, grid.cheapest(i, j) != grid.cheapest(i + 1, j) {
                        let xe = plotLeft + Double(i + 1) * cellW
                        svg.line(x1: xe, y1: plotBottom - Double(j) * cellH, x2: xe, y2: plotBottom - Double(j + 1) * cellH, stroke: "#111111", width: 2)
                    }
                    if j + 1 < grid.ny, grid.cheapest(i, j) != grid.cheapest(i, j + 1) {
                        let ye = plotBottom - Double(j + 1) * cellH
                        svg.line(x1: plotLeft + Double(i) * cellW, y1: ye, x2: plotLeft + Double(i + 1) * cellW, y2: ye, stroke: "#111111", width: 2)
                    }
                }
            }
        } else {
            for segment in grid.frontier() {
                svg.line(x1: px(segment.from.0), y1: py(segment.from.1), x2: px(segment.to.0), y2: py(segment.to.1), stroke: "#111111", width: 2.5)
            }
        }
        svg.rect(x: plotLeft, y: plotTop, width: plotRight - plotLeft, height: plotBottom - plotTop, fill: "none", stroke: "#333333")
        axisTicks(grid.x, grid, vertical: false, svg: &svg) { px($0) }
        axisTicks(yAxis, grid, vertical: true, svg: &svg) { py($0) }
        svg.text(InputWording(grid).axisTitle(grid.x.path), x: (plotLeft + plotRight) / 2, y: plotBottom + 46, anchor: .middle, bold: true)
        svg.text(InputWording(grid).axisTitle(yAxis.path), x: 30, y: (plotTop + plotBottom) / 2, anchor: .middle, bold: true, rotate: true)
        // Where the scenario stands.
        if let yn = grid.yNominal {
            let u = grid.x.index(of: grid.xNominal), v = yAxis.index(of: yn)
            if u >= 0, u <= nx - 1, v >= 0, v <= ny - 1 {
                svg.circle(x: px(u), y: py(v), r: 6, fill: "#111111")
                svg.circle(x: px(u), y: py(v), r: 4, fill: "#ffffff")
                svg.text("scenario", x: px(u) + 9, y: py(v) + 4, bold: true, fill: "#111111")
            }
        }
        legend(c.legend, frontier: grid.metric == .cheapest ? "cheapest option changes" : "breakeven frontier", svg: &svg)
        return svg.text(title: title(grid), description: description(grid))
    }

    static func subtitle(_ grid: SweepGrid) -> String {
        var text = "\(grid.scenarioName): \(grid.nx)"
        if grid.y != nil { text += " × \(grid.ny)" }
        text += " points, every other input at its scenario value"
        return text + (grid.x.logarithmic || (grid.y?.logarithmic ?? false) ? "; log scale where marked" : "")
    }

    static func description(_ grid: SweepGrid) -> String {
        "\(title(grid)), as \(InputWording(grid).name(grid.x.path)) (\(grid.x.path))" + (grid.y.map { " and \(InputWording(grid).name($0.path)) (\($0.path))" } ?? "") + " vary. " + subtitle(grid) + "."
    }

    static func legend(_ entries: [(color: String, label: String)], frontier: String?, svg: inout SVGDocument) {
        var top = plotTop
        for e in entries {
            svg.rect(x: plotRight + 24, y: top, width: 14, height: 14, fill: e.color, stroke: "#999999")
            // About 50 characters fit beside the plot.
            let label = e.label.count > 50 ? String(e.label.prefix(49)) + "…" : e.label
            svg.text(label, x: plotRight + 44, y: top + 12)
            top += 22
        }
        if let frontier {
            top += 8
            svg.line(x1: plotRight + 24, y1: top + 7, x2: plotRight + 38, y2: top + 7, stroke: "#111111", width: 2.5)
            svg.text(frontier, x: plotRight + 44, y: top + 12)
        }
    }

    /// Ticks at round values inside the axis (decades on a log axis that spans one or more),
    /// placed by their fractional index.
    static func axisTicks(_ axis: SweepAxis, _ grid: SweepGrid, vertical: Bool, svg: inout SVGDocument, position: (Double) -> Double) {
        var ticks: [Double]
        if axis.logarithmic, axis.upper / axis.lower >= 10 {
            ticks = NiceTicks.decades(axis.lower, axis.upper)
        } else {
            ticks = NiceTicks(axis.lower, axis.upper, count: 6).ticks
        }
        ticks = ticks.filter { $0 >= axis.lower * (1 - 1e-12) && $0 <= axis.upper * (1 + 1e-12) || ($0 >= axis.lower && $0 <= axis.upper) }
        for t in ticks {
            let p = position(axis.index(of: t))
            if vertical {
                svg.line(x1: plotLeft - 5, y1: p, x2: plotLeft, y2: p, stroke: "#333333")
                svg.text(label(t, axis, grid), x: plotLeft - 8, y: p + 4, anchor: .end, fill: "#444444")
            } else {
                svg.line(x1: p, y1: plotBottom, x2: p, y2: plotBottom + 5, stroke: "#333333")
                svg.text(label(t, axis, grid), x: p, y: plotBottom + 20, anchor: .middle, fill: "#444444")
            }
        }
        if axis.logarithmic {
            let text = "log scale"
            if vertical { svg.text(text, x: plotLeft - 8, y: plotTop - 8, anchor: .end, size: 11, fill: "#777777") }
            else { svg.text(text, x: plotRight, y: plotBottom + 34, anchor: .end, size: 11, fill: "#777777") }
        }
    }

    /// A value of an axis in its unit: "1M", "$2.50", "4%".
    static func label(_ x: Double, _ axis: SweepAxis, _ grid: SweepGrid) -> String {
        InputWording(grid).short(x, at: axis.path)
    }

    // MARK: Line chart (1-D)

    static func line(_ grid: SweepGrid) -> String {
        var svg = SVGDocument(width: width, height: height)
        svg.text(title(grid), x: 24, y: 30, size: 18, bold: true, fill: "#222222")
        svg.text(subtitle(grid), x: 24, y: 52, fill: "#555555")
        let n = Double(grid.nx)
        func px(_ u: Double) -> Double { plotLeft + u / max(1, n - 1) * (plotRight - plotLeft) }
        var series: [(label: String, color: String, values: [Double?])] = []
        var yTitle = ""
        switch grid.metric {
        case .cheapest:
            yTitle = "Total cost over \(MarkdownReport.months(grid.months))"
            for k in grid.optionIDs.indices {
                series.append((grid.optionLabels[k], categorical[k % categorical.count],
                               (0..<grid.nx).map { grid.totals($0, 0, option: k).totalCost }.map { $0.isFinite ? $0 : nil }))
            }
        case .savings:
            yTitle = "Savings against \(grid.optionLabels[grid.baselineIndex])"
            series.append((grid.optionLabels[grid.optionIndex], diverging[7], (0..<grid.nx).map { grid.savings($0, 0) }.map { $0.isFinite ? $0 : nil }))
        case .breakevenMonth:
            yTitle = "Breakeven month (none where it never breaks even)"
            series.append((grid.optionLabels[grid.optionIndex], sequential[5], (0..<grid.nx).map { grid.breakevenMonth($0, 0).map(Double.init) }))
        }
        let drawn: [Double] = series.flatMap { $0.values.compactMap { $0 } }
        let all: [Double] = drawn + (grid.metric == .savings ? [0] : [])
        let scale = grid.metric == .breakevenMonth ? NiceTicks(0, Double(grid.months)) : NiceTicks(all.min() ?? 0, all.max() ?? 1, count: 8)
        func py(_ v: Double) -> Double { plotBottom - (v - scale.lower) / (scale.upper - scale.lower) * (plotBottom - plotTop) }
        for t in scale.ticks {
            svg.line(x1: plotLeft, y1: py(t), x2: plotRight, y2: py(t), stroke: "#e6e6e6")
            svg.text(grid.metric == .breakevenMonth ? Money.significant(t) : AxisScale(scale, money: grid.money).label(t), x: plotLeft - 8, y: py(t) + 4, anchor: .end, fill: "#444444")
        }
        if grid.metric == .savings, scale.lower < 0, scale.upper > 0 {
            svg.line(x1: plotLeft, y1: py(0), x2: plotRight, y2: py(0), stroke: "#555555", width: 1.5)
        }
        // The frontier: vertical lines where the savings cross zero or the cheapest option changes.
        let marks: [(Double, String)] = grid.metric == .cheapest
            ? grid.cheapestChanges(row: 0).map { ($0.index, "\(grid.optionIDs[$0.to]) cheapest from \(label($0.value, grid.x, grid))") }
            : grid.crossings(row: 0).map { ($0.index, "breakeven at \(label($0.value, grid.x, grid))") }
        for (k, mark) in marks.enumerated() {
            svg.line(x1: px(mark.0), y1: plotTop, x2: px(mark.0), y2: plotBottom, stroke: "#b22222", dashed: true)
            svg.text(mark.1, x: px(mark.0) + 4, y: plotTop + 14 + Double(k % 3) * 16, size: 12, fill: "#b22222")
        }
        for s in series {
            // Gaps (never, or a point that could not be built) break the line.
            var run: [(Double, Double)] = []
            for (i, v) in s.values.enumerated() {
                if let v { run.append((px(Double(i)), py(v))) } else { svg.polyline(run, stroke: s.color); run = [] }
            }
            svg.polyline(run, stroke: s.color)
            if run.count == 1, let p = run.first { svg.circle(x: p.0, y: p.1, r: 3, fill: s.color) }
        }
        svg.rect(x: plotLeft, y: plotTop, width: plotRight - plotLeft, height: plotBottom - plotTop, fill: "none", stroke: "#333333")
        axisTicks(grid.x, grid, vertical: false, svg: &svg) { px($0) }
        svg.text(InputWording(grid).axisTitle(grid.x.path), x: (plotLeft + plotRight) / 2, y: plotBottom + 46, anchor: .middle, bold: true)
        svg.text(yTitle, x: 30, y: (plotTop + plotBottom) / 2, anchor: .middle, bold: true, rotate: true)
        let u = grid.x.index(of: grid.xNominal)
        if u >= 0, u <= n - 1 {
            svg.line(x1: px(u), y1: plotBottom - 8, x2: px(u), y2: plotBottom, stroke: "#111111", width: 3)
            svg.text("scenario", x: px(u), y: plotBottom - 12, anchor: .middle, size: 11, bold: true, fill: "#111111")
        }
        legend(series.map { ($0.color, $0.label) }, frontier: nil, svg: &svg)
        return svg.text(title: title(grid), description: description(grid))
    }
}
