import BreakevenCore

extension LineChart {
    /// Cumulative cost of every option, its breakeven month marked: where the lines cross is
    /// the answer to "when does it pay off".
    static func cumulative(_ r: BreakevenResult) -> LineChart {
        LineChart(title: "Cumulative cost", yTitle: "Cumulative cost (\(r.scenario.currency))", xTitle: xTitle(r),
                  months: r.scenario.months, start: r.scenario.start, series: series(r) { $0.months.map(\.cumulativeCost) }, money: r.money)
    }

    /// Each month's cost: growth as a slope; one-time costs and purchases as spikes, off a
    /// clipped axis where they would flatten the rest. Breakeven is a cumulative notion: no markers.
    static func monthly(_ r: BreakevenResult) -> LineChart {
        var chart = LineChart(title: "Monthly cost", yTitle: "Monthly cost (\(r.scenario.currency))", xTitle: xTitle(r),
                              months: r.scenario.months, start: r.scenario.start, series: series(r) { $0.months.map(\.totalCost) }, money: r.money)
        for k in chart.series.indices { chart.series[k].marker = nil }
        chart.clipsSpikes = true
        return chart
    }

    static func xTitle(_ r: BreakevenResult) -> String {
        "Month (1 = \(MonthAxis.label(r.scenario.start)))"
    }

    static func series(_ r: BreakevenResult, _ values: (OptionResult) -> [Double]) -> [ChartSeries] {
        r.options.enumerated().map { k, o in
            ChartSeries(label: o.label, note: note(o, in: r), values: values(o), color: .at(k),
                        dashed: k >= ChartColor.palette.count, marker: o.id == r.baseline ? nil : o.breakevenMonth)
        }
    }

    /// "baseline", "breaks even in month 3", "never breaks even".
    static func note(_ o: OptionResult, in r: BreakevenResult) -> String {
        if o.id == r.baseline { return "baseline" }
        return o.breakevenMonth.map { "breaks even in month \($0) (\(MonthAxis.label(r.scenario.start.adding(months: $0 - 1))))" } ?? "never breaks even"
    }
}
