/// Unix times as messages and tables print them: `2026-01-15 10:00 UTC`.
public enum UsageTime {
    public static func text(_ t: Int64) -> String {
        let d = fields(t)
        return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2)) \(pad(d.second / 3600, 2)):\(pad(d.second % 3600 / 60, 2)) UTC"
    }

    /// PostgreSQL's text of a timestamp without zone, in UTC, to the millisecond, as LiteLLM's
    /// spend logs export it: `2026-05-01 09:15:02.123`.
    public static func postgresText(milliseconds: Int64) -> String {
        let d = fields(milliseconds / 1000)
        let s = d.second
        return "\(pad(d.year, 4))-\(pad(d.month, 2))-\(pad(d.day, 2)) \(pad(s / 3600, 2)):\(pad(s % 3600 / 60, 2)):\(pad(s % 60, 2))."
            + pad(Int(milliseconds % 1000), 3)
    }

    /// The UTC date of a Unix time and the second of its day.
    static func fields(_ t: Int64) -> (year: Int, month: Int, day: Int, second: Int) {
        let days = Int((t >= 0 ? t : t - 86_399) / 86_400)
        let date = Timestamp.civil(fromDays: days)
        return (date.year, date.month, date.day, Int(t - Int64(days) * 86_400))
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
