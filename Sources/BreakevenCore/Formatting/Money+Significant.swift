import Foundation

extension Money {
    /// A value with about `digits` significant digits, without exponent or trailing zeros:
    /// 0.0756310 → "0.075631", 2.4899999 → "2.49", 20000000 → "20000000", 1234.5678 → "1234.57".
    public static func significant(_ x: Double, digits: Int = 6) -> String {
        guard x.isFinite, x != 0 else { return x.isFinite ? "0" : "\(x)" }
        let magnitude = Int(floor(log10(abs(x))))
        let decimals = min(15, max(0, digits - 1 - magnitude))
        return trimmed(fixed(x, decimals: decimals))
    }

    /// A count to `digits` significant digits, large ones with a suffix: 24_712_000_000 →
    /// "24.7B", 364_678_743 → "365M", 999_999 → "1M", 237_900 → "238k", 1800 → "1,800".
    public static func count(_ x: Double, digits: Int = 3) -> String {
        let a = abs(x), sign = x < 0 ? "-" : ""
        // From 10,000 in thousands; a value that rounds up to 1000 of a unit takes the next.
        let units: [(from: Double, scale: Double, suffix: String)] = [(1e12, 1e12, "T"), (1e9, 1e9, "B"), (1e6, 1e6, "M"), (1e4, 1e3, "k")]
        for (k, unit) in units.enumerated() where a >= unit.from {
            let text = significant(a / unit.scale, digits: digits)
            if k > 0, (Double(text) ?? 0) >= 1000 { return sign + "1" + units[k - 1].suffix }
            return sign + grouped(text) + unit.suffix
        }
        return sign + (a >= 1000 ? grouped(fixed(a, decimals: 0)) : significant(a, digits: digits))
    }
}
