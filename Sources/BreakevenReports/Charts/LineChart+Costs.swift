import BreakevenCore

extension LineChart {
    /// Cumulative cost of every option, its breakeven month marked: where the lines cross is
    /// the answer to "when does it pay off".
    static func cumulative(_ r: BreakevenResult) -> LineChart {
        LineChart(title: "Cumulative cost", yTitle: "Cumulative cost (\(r.scenario.currency))", xTitle: xTitle(r),
                  months: r.scenario.months, series: series(r) { $0.months.map(\.cumulativeCost) }, money: r.money)
    }

    /// Each month's cost: one-time costs show as a first-month spike, growth as a slope.
    static func monthly(_ r: BreakevenResult) -> LineChart {
        LineChart(title: "Monthly cost", yTitle: "Monthly cost (\(r.scenario.currency))", xTitle: xTitle(r),
                  months: r.scenario.months, series: series(r) { $0.months.map(\.totalCost) }, money: r.money)
    }

    static func xTitle(_ r: BreakevenResult) -> String {
        "Month (1 = \(r.scenario.start))"
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
        return o.breakevenMonth.map { "breaks even in month \($0)" } ?? "never breaks even"
    }
}
