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
    /// The calendar month of month 1.
    var start: CalendarMonth
    var series: [ChartSeries]
    /// How its amounts are written.
    var money: MoneyFormat
    /// Spikes far off the other values (a purchase, a resale credit) are drawn off a clipped
    /// axis and labelled, so that they do not flatten every other line (the monthly chart).
    var clipsSpikes = false

    /// Every value drawn, for the axis range.
    var values: [Double] { series.flatMap(\.values) }
}
