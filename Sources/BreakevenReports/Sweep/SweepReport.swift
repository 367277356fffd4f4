import BreakevenCore

/// A sweep's Markdown summary: what was swept, where the frontier lies row by row, how much of
/// the grid each option wins, and the command that reproduces it.
public enum SweepReport {
    /// Rows of the frontier table at most; a taller grid is sampled evenly (first and last kept).
    static let maxRows = 21

    /// - Parameters:
    ///   - name: NAME of the files, NAME.sweep.svg and NAME.sweep.csv beside the summary.
    ///   - command: the command line that reproduces the sweep.
    public static func render(_ grid: SweepGrid, name: String, command: String) -> String {
        let option = grid.optionLabels[grid.optionIndex], baseline = grid.optionLabels[grid.baselineIndex]
        var out = "# Sweep: \(MarkdownText.text(grid.scenarioName))\n\n"
        out += "\(MarkdownText.text(SweepChart.title(grid))), as \(axisText(grid.x, grid))" + (grid.y.map { " and \(axisText($0, grid))" } ?? "") + " vary"
        out += "; every other input keeps its scenario value. Each point is a whole projection of the scenario.\n\n"
        let chart = SweepChart.fileName(name), csv = name + ".sweep.csv"
        out += "![\(MarkdownText.linkText(SweepChart.title(grid)))](\(MarkdownText.linkTarget(chart)))\n\n"
        out += "The chart is the SVG file [\(MarkdownText.linkText(chart))](\(MarkdownText.linkTarget(chart))) ("
            + (grid.y == nil ? "a line chart" : "a heatmap with the frontier drawn in black")
        out += "); every point's figures are in [\(MarkdownText.linkText(csv))](\(MarkdownText.linkTarget(csv))).\n\n"

        out += "## Frontier\n\n"
        if grid.metric == .cheapest {
            out += cheapestFrontier(grid)
        } else {
            out += savingsFrontier(grid, option: option, baseline: baseline)
        }
        if let note = leftOut(grid, csv: csv) { out += "\n" + note }

        out += "\n## Over the grid\n\n"
        var finite = 0, cheaper = 0
        var wins = [Int](repeating: 0, count: grid.optionIDs.count)
        var lowest = Double.infinity, highest = -Double.infinity
        for j in 0..<grid.ny {
            for i in 0..<grid.nx where grid.totals(i, j, option: 0).totalCost.isFinite {
                finite += 1
                let s = grid.savings(i, j)
                if s >= 0 { cheaper += 1 }
                lowest = min(lowest, s)
                highest = max(highest, s)
                wins[grid.cheapest(i, j)] += 1
            }
        }
        let share = { (n: Int) in Verdict.percent(Double(n) / Double(max(1, finite))) }
        out += MarkdownText.text("\(option) is at or below \(baseline) at \(share(cheaper)) of the \(finite) points; its savings run from \(grid.money.compact(lowest)) to \(grid.money.compact(highest)).") + "\n\n"
        var t = MarkdownTable([("Option", .left), ("Cheapest at", .right)])
        for k in grid.optionIDs.indices { t.append([MarkdownText.text(grid.optionLabels[k]), share(wins[k])]) }
        out += t.text
        let failed = grid.nx * grid.ny - finite
        if failed > 0 { out += "\n\(failed) points gave an invalid scenario and are left blank.\n" }
        out += "\n## Reproduce\n\n" + MarkdownText.block(command, language: "sh")
        return out
    }

    /// "GPU price · Self-hosted Llama (`options.self.gpu_hourly`) from $1.00 to $5.00 per GPU-hour (32 points)".
    static func axisText(_ axis: SweepAxis, _ grid: SweepGrid) -> String {
        let words = InputWording(grid)
        return "\(MarkdownText.text(words.name(axis.path))) (\(MarkdownText.code(axis.path))) from \(MarkdownText.text(words.short(axis.lower, at: axis.path)))"
            + " to \(MarkdownText.text(words.value(axis.upper, at: axis.path))) (\(axis.count) points\(axis.logarithmic ? ", log scale" : ""))"
    }

    /// Rows to list: all of a short grid, else an even sample with the first and the last.
    static func rows(_ grid: SweepGrid) -> [Int] {
        guard grid.ny > maxRows else { return Array((0..<grid.ny).reversed()) }
        return (0..<maxRows).map { Int((Double($0) * Double(grid.ny - 1) / Double(maxRows - 1)).rounded()) }.reversed()
    }

    /// Says how many rows a sampled table leaves out, why, and where they are.
    static func leftOut(_ grid: SweepGrid, csv: String) -> String? {
        guard let y = grid.y else { return nil }
        let shown = rows(grid).count
        guard shown < grid.ny else { return nil }
        return "The table lists \(shown) of the \(grid.ny) values of \(MarkdownText.code(y.path)), evenly spaced with the first and the last, "
            + "to stay readable: the \(grid.ny - shown) left out are in the chart and in [\(MarkdownText.linkText(csv))](\(MarkdownText.linkTarget(csv))).\n"
    }

    static func cheaperRange(_ grid: SweepGrid, row j: Int) -> String {
        let crossings = grid.crossings(row: j)
        if crossings.isEmpty {
            let s = grid.savings(0, j)
            return s.isFinite ? (s >= 0 ? "everywhere" : "nowhere") : "–"
        }
        let start = grid.savings(0, j) >= 0
        var parts: [String] = []
        if start { parts.append("up to \(SweepChart.label(crossings[0].value, grid.x, grid))") }
        var k = start ? 1 : 0
        while k < crossings.count {
            let from = crossings[k].value
            if k + 1 < crossings.count {
                parts.append("\(SweepChart.label(from, grid.x, grid)) to \(SweepChart.label(crossings[k + 1].value, grid.x, grid))")
            } else {
                parts.append("from \(SweepChart.label(from, grid.x, grid))")
            }
            k += 2
        }
        return parts.joined(separator: "; ")
    }

    static func savingsFrontier(_ grid: SweepGrid, option: String, baseline: String) -> String {
        let (option, baseline) = (MarkdownText.text(option), MarkdownText.text(baseline))
        let x = MarkdownText.text(InputWording(grid).name(grid.x.path))
        guard let y = grid.y else {
            let crossings = grid.crossings(row: 0)
            guard !crossings.isEmpty else {
                let s = grid.savings(0, 0)
                return "\(option) is \(s >= 0 ? "at or below" : "above") \(baseline) over the whole range of \(x).\n"
            }
            return crossings.map { c in
                "- At \(x) = \(SweepChart.label(c.value, grid.x, grid)) \(option) becomes \(c.cheaperAbove ? "cheaper" : "dearer") than \(baseline) (savings cross zero, interpolated between grid points).\n"
            }.joined()
        }
        let out = "Where \(option) is at or below \(baseline) along \(x), for each value of \(MarkdownText.text(InputWording(grid).name(y.path))) (interpolated between grid points):\n\n"
        var t = MarkdownTable([(MarkdownText.text(InputWording(grid).name(y.path)), .right), ("\(option) at or below \(baseline) where \(x) is", .left)])
        for j in rows(grid) { t.append([SweepChart.label(grid.yValues[j], y, grid), cheaperRange(grid, row: j)]) }
        return out + t.text
    }

    static func cheapestFrontier(_ grid: SweepGrid) -> String {
        func along(_ j: Int) -> String {
            var parts: [String] = []
            var current = grid.cheapest(0, j)
            var from: Double?
            for change in grid.cheapestChanges(row: j) {
                parts.append("\(MarkdownText.text(grid.optionIDs[current])) " + (from.map { "from \(SweepChart.label($0, grid.x, grid)) to \(SweepChart.label(change.value, grid.x, grid))" } ?? "up to \(SweepChart.label(change.value, grid.x, grid))"))
                current = change.to
                from = change.value
            }
            parts.append("\(MarkdownText.text(grid.optionIDs[current])) " + (from.map { "from \(SweepChart.label($0, grid.x, grid))" } ?? "everywhere"))
            return parts.joined(separator: ", ")
        }
        let x = MarkdownText.text(InputWording(grid).name(grid.x.path))
        guard let y = grid.y else { return "Cheapest along \(x): \(along(0)).\n" }
        var t = MarkdownTable([(MarkdownText.text(InputWording(grid).name(y.path)), .right), ("Cheapest option along \(x)", .left)])
        for j in rows(grid) { t.append([SweepChart.label(grid.yValues[j], y, grid), along(j)]) }
        return t.text
    }
}
