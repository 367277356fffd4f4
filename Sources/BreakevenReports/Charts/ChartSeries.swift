/// One line of a chart: an option's value month by month.
struct ChartSeries: Sendable, Hashable {
    var label: String
    /// What the legend adds after the label: "baseline", "breaks even in month 3".
    var note: String
    /// Month 1 first.
    var values: [Double]
    var color: ChartColor
    var dashed: Bool
    /// The 1-based month marked on the line (its breakeven month).
    var marker: Int?
}
