/// A tornado: how far the savings of one option against the baseline (and its breakeven month)
/// move when each input goes to its low and its high value, biggest swing first.
public struct Sensitivity: Sendable, Hashable, Codable {
    public enum Method: String, Sendable, Hashable, Codable {
        /// Each uncertain input at the 10th and 90th percentile of its distribution.
        case percentiles = "p10_p90"
        /// Without uncertain inputs: every numeric input ±25%, clamped to its valid range.
        case plusMinus25 = "plus_minus_25_percent"
    }

    public var option: String
    public var baseline: String
    public var method: Method
    public var savings: Double
    @ExplicitNull public var breakevenMonth: Int?
    public var bars: [TornadoBar]

    enum CodingKeys: String, CodingKey {
        case option, baseline, method, savings
        case breakevenMonth = "breakeven_month"
        case bars
    }
}

/// One input's bar: its low and high value and the savings and breakeven month at each.
public struct TornadoBar: Sendable, Hashable, Codable {
    public var path: String
    public var nominal: Double
    public var low: Double
    public var high: Double
    public var savingsAtLow: Double
    public var savingsAtHigh: Double
    /// nil: never within the horizon.
    public var breakevenMonthAtLow: Int?
    public var breakevenMonthAtHigh: Int?

    /// |savings at high − savings at low|: the bar's length.
    public var swing: Double { abs(savingsAtHigh - savingsAtLow) }

    /// Whether the savings move at all. An input that changes both options' totals alike (the
    /// volume, when the baseline overflows to the option compared) still leaves a difference
    /// of about 1e-10 from floating-point rounding; under half a cent, the smallest amount a
    /// report shows, it is no swing.
    public var movesSavings: Bool { swing >= 0.005 }

    /// Months between the two breakeven months, "never" counting as one past the horizon.
    func breakevenSwing(months: Int) -> Int {
        abs((breakevenMonthAtHigh ?? months + 1) - (breakevenMonthAtLow ?? months + 1))
    }

    enum CodingKeys: String, CodingKey {
        case path, nominal, low, high
        case savingsAtLow = "savings_at_low"
        case savingsAtHigh = "savings_at_high"
        case breakevenMonthAtLow = "breakeven_month_at_low"
        case breakevenMonthAtHigh = "breakeven_month_at_high"
        case swing
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(path, forKey: .path)
        try c.encode(nominal, forKey: .nominal)
        try c.encode(low, forKey: .low)
        try c.encode(high, forKey: .high)
        try c.encode(savingsAtLow, forKey: .savingsAtLow)
        try c.encode(savingsAtHigh, forKey: .savingsAtHigh)
        try c.encode(breakevenMonthAtLow, forKey: .breakevenMonthAtLow)
        try c.encode(breakevenMonthAtHigh, forKey: .breakevenMonthAtHigh)
        try c.encode(swing, forKey: .swing)
    }
}

extension TornadoBar {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        path = try c.decode(String.self, forKey: .path)
        nominal = try c.decode(Double.self, forKey: .nominal)
        low = try c.decode(Double.self, forKey: .low)
        high = try c.decode(Double.self, forKey: .high)
        savingsAtLow = try c.decode(Double.self, forKey: .savingsAtLow)
        savingsAtHigh = try c.decode(Double.self, forKey: .savingsAtHigh)
        breakevenMonthAtLow = try c.decodeIfPresent(Int.self, forKey: .breakevenMonthAtLow)
        breakevenMonthAtHigh = try c.decodeIfPresent(Int.self, forKey: .breakevenMonthAtHigh)
    }
}
