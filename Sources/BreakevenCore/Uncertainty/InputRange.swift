/// The values one numeric input may take, as the scenario language declares them: what a
/// distribution must stay within, what normal and lognormal draws are truncated to, and what
/// a tornado's ±25% is clamped to.
public struct InputRange: Sendable, Hashable {
    public var lower: Double?
    var lowerExclusive: Bool
    public var upper: Double?
    var upperExclusive: Bool
    /// Integer keys (min_replicas, seats, lifetime_months…) take values rounded to the nearest integer.
    var isInteger: Bool

    init(lower: Double?, lowerExclusive: Bool = false, upper: Double?, upperExclusive: Bool = false, isInteger: Bool = false) {
        self.lower = lower
        self.lowerExclusive = lowerExclusive
        self.upper = upper
        self.upperExclusive = upperExclusive
        self.isInteger = isInteger
    }

    init(_ bounds: NumberBounds) {
        self.init(lower: bounds.min, lowerExclusive: bounds.minExclusive, upper: bounds.max, upperExclusive: bounds.maxExclusive)
    }

    init(integersFrom lo: Int, to hi: Int) {
        self.init(lower: Double(lo), upper: Double(hi), isInteger: true)
    }

    var bounds: NumberBounds {
        NumberBounds(min: lower, minExclusive: lowerExclusive, max: upper, maxExclusive: upperExclusive)
    }

    public func contains(_ x: Double) -> Bool {
        bounds.contains(x)
    }

    /// "a number from 0 to 1000", "an integer from 1 to 240", as the checker says it.
    public var phrase: String {
        if isInteger, let lower, let upper {
            return "an integer from \(NumberBounds.format(lower)) to \(NumberBounds.format(upper))"
        }
        return bounds.phrase
    }

    /// The nearest valid value: integers rounded half away from zero, then kept inside the
    /// bounds (just inside an exclusive one).
    public func clamped(_ x: Double) -> Double {
        var v = isInteger ? x.rounded(.toNearestOrAwayFromZero) : x
        if let lower {
            if lowerExclusive ? !(v > lower) : !(v >= lower) {
                v = lowerExclusive ? (isInteger ? (lower + 1).rounded(.down) : lower.nextUp) : lower
            }
        }
        if let upper {
            if upperExclusive ? !(v < upper) : !(v <= upper) {
                v = upperExclusive ? (isInteger ? (upper - 1).rounded(.up) : upper.nextDown) : upper
            }
        }
        return v
    }
}
