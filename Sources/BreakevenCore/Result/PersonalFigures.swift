/// What a person asks of an option before buying a machine or changing a subscription.
public struct PersonalFigures: Sendable, Hashable, Codable {
    /// The first month from which the option's cumulative cash cost (resale not counted) stays at
    /// or below the baseline's spend: when it has paid for itself. nil: not within the horizon, or
    /// the option is the baseline.
    @ExplicitNull public var paybackMonth: Int?
    /// Purchase price less resale, spread over the lifetime, for the units owned at the end.
    @ExplicitNull public var hardwareCostPerMonth: Double?
    /// watts busy × $/kWh ÷ (output tokens/s × 3.6): electricity per million output tokens.
    @ExplicitNull public var electricityPerMTok: Double?
    /// Busy hours the busiest month needs, against the hours the machines are on (× max utilization).
    @ExplicitNull public var hoursNeededPerMonth: Double?
    @ExplicitNull public var hoursAvailablePerMonth: Double?
    @ExplicitNull public var carriesLoad: Bool?
    /// A bought machine's payback against every other option, in the scenario's order; nil for
    /// options that are not bought machines.
    @ExplicitNull public var paybacks: [Payback]?

    enum CodingKeys: String, CodingKey {
        case paybackMonth = "payback_month"
        case hardwareCostPerMonth = "hardware_cost_per_month"
        case electricityPerMTok = "electricity_per_mtok"
        case hoursNeededPerMonth = "hours_needed_per_month"
        case hoursAvailablePerMonth = "hours_available_per_month"
        case carriesLoad = "carries_load"
        case paybacks
    }

    /// Electricity per million output tokens: W × $/kWh ÷ (tokens/s × 3.6)
    /// (1e6 tokens take 1e6 / (tokens/s) seconds = 1e6 / (3,600 × tokens/s) hours of W watts).
    public static func electricityPerMTok(watts: Double, pricePerKWh: Double, tokensPerSecond: Double) -> Double? {
        tokensPerSecond > 0 ? watts * pricePerKWh / (tokensPerSecond * 3.6) : nil
    }
}
