import BreakevenCore

/// A chart of money month by month, one line per series: what the SVG and Mermaid renderers
/// draw. Built from a result (cumulative and monthly cost) or from a diff (before and after).
struct LineChart: Sendable, Hashable {
    var title: String
    /// "Cumulative cost (USD)"
    var yTitle: String
    /// "Month (1 = 2026-01)"
    var xTitle: String
    var months: Int
    var series: [ChartSeries]
    /// How its amounts are written.
    var money: MoneyFormat

    /// Every value drawn, for the axis range.
    var values: [Double] { series.flatMap(\.values) }
}
