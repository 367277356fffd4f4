import BreakevenCore

extension LineChart {
    /// Cumulative cost before (light colour) and after (full colour) for every option, over the
    /// months both sides project; nil without months to draw.
    static func beforeAfter(_ d: ResultDiff) -> LineChart? {
        let months = min(d.base?.months ?? d.head.months, d.head.months)
        guard months > 0 else { return nil }
        var series: [ChartSeries] = []
        for (k, o) in d.options.enumerated() {
            let color = ChartColor.at(k)
            let dashed = k >= ChartColor.palette.count
            // An option the change leaves as it was is drawn once.
            if let before = o.cumulativeBefore, let after = o.cumulativeAfter, Array(before.prefix(months)) == Array(after.prefix(months)) {
                let month = o.figure(.breakevenMonth)?.new.map { Int($0) }
                series.append(ChartSeries(label: "\(o.label), unchanged", note: note(o.isBaseline, month), values: Array(after.prefix(months)),
                                          color: color, dashed: dashed, marker: month.flatMap { $0 <= months ? $0 : nil }))
                continue
            }
            if let before = o.cumulativeBefore {
                let month = o.figure(.breakevenMonth)?.old.map { Int($0) }
                series.append(ChartSeries(label: "\(o.label), before", note: note(o.isBaseline, month), values: Array(before.prefix(months)),
                                          color: color.light, dashed: dashed, marker: month.flatMap { $0 <= months ? $0 : nil }))
            }
            if let after = o.cumulativeAfter {
                let month = o.figure(.breakevenMonth)?.new.map { Int($0) }
                series.append(ChartSeries(label: "\(o.label), after", note: note(o.isBaseline, month), values: Array(after.prefix(months)),
                                          color: color, dashed: dashed, marker: month.flatMap { $0 <= months ? $0 : nil }))
            }
        }
        return LineChart(title: "Cumulative cost, before and after", yTitle: "Cumulative cost (\(d.head.currency))",
                         xTitle: "Month (1 = \(MonthAxis.label(d.head.start)))", months: months, start: d.head.start, series: series, money: d.head.money)
    }

    private static func note(_ isBaseline: Bool, _ month: Int?) -> String {
        if isBaseline { return "baseline" }
        return month.map { "breaks even in month \($0)" } ?? "never breaks even"
    }
}
