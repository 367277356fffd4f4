import BreakevenCore

/// The month axis of the cost charts: ticks on calendar months, labelled as people write dates
/// ("Jan 2027"), at most about 8 of them so that the labels never touch.
struct MonthAxis: Sendable, Hashable {
    var start: CalendarMonth
    var months: Int

    static let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "Jan 2027".
    static func label(_ m: CalendarMonth) -> String {
        names[(m.month - 1) % 12] + " " + String(m.year)
    }

    /// The date of 1-based month `i`.
    func label(_ i: Int) -> String { Self.label(start.adding(months: i - 1)) }

    /// 1-based months with a tick: the first, then every `step` months from it (1, 7, 13 … for
    /// 6), the step the smallest of 1, 2, 3, 6, 12, 24, 60 that keeps about 8 labels.
    var ticks: [Int] {
        let step = [1, 2, 3, 6, 12, 24, 60].first { (months - 1) / $0 < 8 } ?? 120
        return Array(stride(from: 1, through: max(months, 1), by: step))
    }
}
