import Foundation

/// Fixed, locale-free number formatting, so that reports are byte-identical everywhere.
public enum Money {
    /// 1234567.891 → "1,234,567.89" (cents, thousands separators, "-" for negatives).
    static func cents(_ x: Double) -> String {
        grouped(fixed(x, decimals: 2))
    }

    /// A non-negative amount without sign or currency, as prose writes it: "1.25M", "12.5M",
    /// "240k", "1.5k", "950", "3.50".
    static func abbreviated(_ a: Double) -> String {
        if a >= 1e9 { return trimmed(fixed(a / 1e9, decimals: a >= 1e10 ? 1 : 2)) + "B" }
        if a >= 1e6 { return trimmed(fixed(a / 1e6, decimals: a >= 1e7 ? 1 : 2)) + "M" }
        if a >= 1e4 { return fixed(a / 1e3, decimals: 0) + "k" }
        if a >= 1e3 { return trimmed(fixed(a / 1e3, decimals: 1)) + "k" }
        if a >= 100 { return fixed(a, decimals: 0) }
        return fixed(a, decimals: 2)
    }

    /// "2.3e16"-style for very large counts.
    public static func scientific(_ x: Double) -> String {
        guard x.isFinite else { return x > 0 ? "infinitely many" : "an undefined number of" }
        guard x != 0 else { return "0" }
        let exponent = Int(floor(log10(abs(x))))
        let mantissa = x / pow(10, Double(exponent))
        return trimmed(fixed(mantissa, decimals: 1)) + "e\(exponent)"
    }

    /// Rounds half away from zero to `decimals` places and prints without exponent.
    public static func fixed(_ x: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        // IEEE rounding of the binary value: the same digits on every machine.
        let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = x < 0 && scaled > 0
        var digits = String(format: "%.0f", scaled)
        if decimals > 0 {
            if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
            let cut = digits.index(digits.endIndex, offsetBy: -decimals)
            digits = digits[..<cut] + "." + digits[cut...]
        }
        return (negative ? "-" : "") + digits
    }

    /// Drops trailing zeros after a decimal point: "1.50" → "1.5", "2.00" → "2".
    public static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var t = text
        while t.hasSuffix("0") { t.removeLast() }
        if t.hasSuffix(".") { t.removeLast() }
        return t
    }

    /// "1234567.8" → "1,234,567.8"
    public static func grouped(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let body = negative ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", maxSplits: 1)
        let integer = Array(parts.first ?? "0")
        var out = ""
        for (k, ch) in integer.enumerated() {
            if k > 0, (integer.count - k) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        if parts.count > 1 { out += "." + parts[1] }
        return (negative ? "-" : "") + out
    }
}
