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
}
