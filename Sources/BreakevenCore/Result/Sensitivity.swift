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
    public private(set) var savingsAtLow: Double
    public private(set) var savingsAtHigh: Double
    /// nil: never within the horizon.
    @ExplicitNull public var breakevenMonthAtLow: Int?
    @ExplicitNull public var breakevenMonthAtHigh: Int?
    /// |savings at high − savings at low|: the bar's length, which the tornado sorts by. Kept
    /// with the bar (the result JSON lists it) and worked out only here.
    public private(set) var swing: Double

    init(path: String, nominal: Double, low: Double, high: Double, savingsAtLow: Double, savingsAtHigh: Double,
         breakevenMonthAtLow: Int?, breakevenMonthAtHigh: Int?) {
        self.path = path
        self.nominal = nominal
        self.low = low
        self.high = high
        self.savingsAtLow = savingsAtLow
        self.savingsAtHigh = savingsAtHigh
        self.breakevenMonthAtLow = breakevenMonthAtLow
        self.breakevenMonthAtHigh = breakevenMonthAtHigh
        swing = abs(savingsAtHigh - savingsAtLow)
    }

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
}
