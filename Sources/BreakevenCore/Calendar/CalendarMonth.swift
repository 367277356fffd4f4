/// A calendar month such as 2026-01: the unit every projection is counted in.
public struct CalendarMonth: Sendable, Hashable, Comparable, CalendarText {
    static let textFormat = "YYYY-MM"

    public let year: Int
    /// 1...12
    public let month: Int

    public init(year: Int, month: Int) {
        self.year = year
        self.month = month
    }

    /// Parses "YYYY-MM"; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), (1...12).contains(m), y >= 1900, y <= 2200
        else { return nil }
        self.init(year: y, month: m)
    }

    /// The month `offset` months after this one.
    public func adding(months offset: Int) -> CalendarMonth {
        let zeroBased = year * 12 + (month - 1) + offset
        return CalendarMonth(year: zeroBased / 12, month: zeroBased % 12 + 1)
    }

    /// Days in the month, Gregorian leap rule. Read for every option's every month of every
    /// trial: inlined.
    public var days: Int {
        @inline(__always) get {
            switch month {
            case 2:
                let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
                return leap ? 29 : 28
            case 4, 6, 9, 11: return 30
            default: return 31
            }
        }
    }

    public var hours: Double {
        @inline(__always) get { Double(days * 24) }
    }
    public var seconds: Double { Double(days * 86_400) }

    /// The first day of the month.
    var firstDay: CalendarDay { CalendarDay(year: year, month: month, day: 1) }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        return "\(y)-\(m)"
    }

    public static func < (a: CalendarMonth, b: CalendarMonth) -> Bool {
        (a.year, a.month) < (b.year, b.month)
    }
}
