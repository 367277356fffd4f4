import BreakevenCore

/// Usage is stored in Unix seconds and counted in UTC calendar months.
extension CalendarMonth {
    /// The UTC month of a Unix time.
    public init(unix t: Int64) {
        let days = Int((t >= 0 ? t : t - 86_399) / 86_400)
        let date = Timestamp.civil(fromDays: days)
        self.init(year: date.year, month: date.month)
    }

    /// The first second of the month, UTC.
    var unixStart: Int64 { Int64(Timestamp.daysFromCivil(year: year, month: month, day: 1)) * 86_400 }

    /// The first second after the month.
    var unixEnd: Int64 { adding(months: 1).unixStart }
}
