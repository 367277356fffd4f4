import BreakevenCore

extension MarkdownReport {
    /// The cumulative-cost chart, which line is which, and the SVG beside the report.
    static func cumulativeChart(_ r: BreakevenResult, context: ReportContext) -> String {
        let chart = LineChart.cumulative(r)
        var out = MermaidChart.render(chart) + "\n" + MermaidChart.legend(chart)
        out += "\nWhere a line crosses below the baseline's and stays there, the option has broken even."
        if let name = context.chartFilesName {
            let file = ChartReport.fileNames(name).cumulative
            out += " The same chart as an image: [\(MarkdownText.linkText(file))](\(MarkdownText.linkTarget(file)))."
        }
        return out + "\n"
    }

    /// The monthly-cost chart; its lines have the colours of the cumulative chart.
    static func monthlyChart(_ r: BreakevenResult, context: ReportContext) -> String {
        let chart = LineChart.monthly(r)
        var out = MermaidChart.render(chart) + "\n"
        out += "Lines as in the cumulative chart: " + chart.series.map { "\($0.color.name): \(MarkdownText.text($0.label))" }.joined(separator: "; ") + "."
        let off = MermaidChart.offScale(chart)
        if !off.isEmpty { out += " " + off }
        if let name = context.chartFilesName {
            let file = ChartReport.fileNames(name).monthly
            out += " As an image: [\(MarkdownText.linkText(file))](\(MarkdownText.linkTarget(file)))."
        }
        return out + "\n"
    }
}
