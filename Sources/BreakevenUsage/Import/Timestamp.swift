/// Dates and times as exports write them, to Unix seconds (UTC), without a formatter per row:
/// RFC 3339 (`2026-01-15T10:23:45.123Z`, `…+02:00`), PostgreSQL's text form
/// (`2026-01-15 10:23:45.123`, `…+00`; LiteLLM's timestamps have no zone and are UTC) and a
/// bare date (midnight UTC).
enum Timestamp {
    /// The times usage may have: 1970-01-01 to the end of 9999, UTC. Months are stored as YYYY-MM
    /// (9999-12-31T23:59:59-14:00, in 10000, broke the database's check: a raw SQLite error,
    /// exit 73), and nothing was used before 1970.
    static let usable: Range<Int64> = 0..<253_402_300_800
    static let usableText = "from 1970 to 9999 (UTC)"

    static func parse(_ text: String) -> Int64? {
        var copy = text
        return copy.withUTF8 { parse($0) }
    }

    static func parse(_ s: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= s.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                let b = s[k]
                guard b >= 0x30, b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            i += n
            return v
        }
        func take(_ c: UInt8) -> Bool {
            guard i < s.count, s[i] == c else { return false }
            i += 1
            return true
        }
        while i < s.count, s[i] == 0x20 { i += 1 }
        guard let year = digits(4), take(0x2D), let month = digits(2), take(0x2D), let day = digits(2),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        var seconds = 0
        if i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") || s[i] == 0x20 {
            i += 1
            guard let h = digits(2), take(0x3A), let m = digits(2), h < 24, m < 60 else { return nil }
            var sec = 0
            if take(0x3A) {
                guard let v = digits(2), v < 61 else { return nil }
                sec = min(v, 59)
            }
            // Fractions of a second are dropped: buckets are hours at the finest.
            if take(0x2E) {
                let first = i
                while i < s.count, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
                guard i > first else { return nil }
            }
            seconds = h * 3600 + m * 60 + sec
            // The zone: Z, +hh, +hh:mm, +hhmm; none is UTC.
            if i < s.count, s[i] == UInt8(ascii: "Z") || s[i] == UInt8(ascii: "z") {
                i += 1
            } else if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
                let sign = s[i] == UInt8(ascii: "+") ? 1 : -1
                i += 1
                guard let oh = digits(2), oh < 24 else { return nil }
                var om = 0
                if take(0x3A) {
                    guard let v = digits(2) else { return nil }
                    om = v
                } else if i + 2 <= s.count, let v = digits(2) {
                    om = v
                }
                guard om < 60 else { return nil }
                seconds -= sign * (oh * 3600 + om * 60)
            }
        }
        while i < s.count, s[i] == 0x20 { i += 1 }
        guard i == s.count else { return nil }
        return Int64(daysFromCivil(year: year, month: month, day: day)) * 86_400 + Int64(seconds)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The calendar date of a day count (civil_from_days): (year, month, day).
    static func civil(fromDays z: Int) -> (year: Int, month: Int, day: Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
