/// A calendar date such as 2026-11-01: when a price took effect, or which price a scenario asks for.
public struct CalendarDay: Sendable, Hashable, Comparable, CalendarText {
    static let textFormat = "YYYY-MM-DD"

    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD" (a valid Gregorian date); nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), y >= 1900, y <= 2200,
              d >= 1, d <= CalendarMonth(year: y, month: m).days
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    var calendarMonth: CalendarMonth { CalendarMonth(year: year, month: month) }

    public var description: String {
        let d = day < 10 ? "0\(day)" : String(day)
        return "\(calendarMonth)-\(d)"
    }

    public static func < (a: CalendarDay, b: CalendarDay) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}
