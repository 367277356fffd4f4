/// Unix times as messages and tables print them: `2026-01-15 10:00 UTC`.
public enum UsageTime {
    public static func text(_ t: Int64) -> String {
        let days = Int((t >= 0 ? t : t - 86_399) / 86_400)
        let date = Timestamp.civil(fromDays: days)
        let seconds = Int(t - Int64(days) * 86_400)
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2)) \(pad(seconds / 3600, 2)):\(pad(seconds % 3600 / 60, 2)) UTC"
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
}
