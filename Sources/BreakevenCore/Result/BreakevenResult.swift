/// Everything a run found, versioned: the contract between computing and rendering, and what
/// `diff` and `compare` read back from a CI baseline. Unknown figures are null, never 0.
public struct BreakevenResult: Sendable, Hashable, Codable {
    public static let currentVersion = 1

    var resultVersion: Int
    public var scenario: ScenarioInfo
    public var baseline: String
    public var options: [OptionResult]
    public var warnings: [Warning]
    public var assumptions: [Assumption]
    /// The scenario's guardrails, so `diff` can check them from result files too (absent from
    /// results written before guardrails existed).
    @EmptyWhenMissing public var guardrails: [Guardrail]
    /// How the Monte Carlo trials were made; nil (left out) without an `uncertainty` block.
    public var uncertainty: UncertaintySummary? = nil
    /// The tornado of the best alternative's savings; nil with only a baseline.
    public var sensitivity: Sensitivity? = nil

    init(scenario: ScenarioInfo, baseline: String, options: [OptionResult], warnings: [Warning], assumptions: [Assumption],
                guardrails: [Guardrail] = []) {
        self.resultVersion = BreakevenResult.currentVersion
        self.scenario = scenario
        self.baseline = baseline
        self.options = options
        self.warnings = warnings
        self.assumptions = assumptions
        self.guardrails = guardrails
    }

    public func option(_ id: String) -> OptionResult? { options.first { $0.id == id } }

    public var baselineOption: OptionResult? { option(baseline) }

    enum CodingKeys: String, CodingKey {
        case resultVersion = "result_version"
        case scenario, baseline, options, warnings, assumptions, guardrails
        case uncertainty, sensitivity
    }
}

public struct ScenarioInfo: Sendable, Hashable, Codable {
    public var name: String
    /// SHA-256 of the canonical JSON of the scenario (after overrides), hex.
    public var sha256: String
    public var description: String
    public var profile: String
    public var currency: String
    public var start: CalendarMonth
    public var months: Int
    public var discountRate: Double
    /// Mean tokens of one request over the request classes (before any option's multiplier).
    var inputTokensPerRequest: Double
    var outputTokensPerRequest: Double
    /// Maturity phases, in order; empty when the scenario has none.
    public var phases: [PhaseInfo] = []
    /// The months that happened (`workload.actuals`); nil (left out) without them.
    public var actuals: [ActualMonth]? = nil

    /// The workload's tokens (input + output before multipliers) in a month of this many requests.
    public func workloadTokens(requests: Double) -> Double {
        requests * (inputTokensPerRequest + outputTokensPerRequest)
    }

    enum CodingKeys: String, CodingKey {
        case name, sha256, description, profile, currency, start, months
        case discountRate = "discount_rate"
        case inputTokensPerRequest = "input_tokens_per_request"
        case outputTokensPerRequest = "output_tokens_per_request"
        case phases
        case actuals
    }

    /// The phase of a 1-based month.
    public func phase(month: Int) -> PhaseInfo? {
        phases.first { month <= $0.untilMonth } ?? phases.last
    }
}

/// A thing the reader should not miss: idle GPUs, no breakeven, unmet demand, a guessed shape.


/// A maturity phase as the report shows it.
public struct PhaseInfo: Sendable, Hashable, Codable {
    public var name: String
    public var untilMonth: Int
    public var volumeMultiplier: Double
    /// nil: every option.
    @ExplicitNull public var allowedOptions: [String]?

    init(_ phase: WorkloadPhase) {
        name = phase.name
        untilMonth = phase.untilMonth
        volumeMultiplier = phase.volumeMultiplier
        allowedOptions = phase.allowedOptions.map { $0.sorted() }
    }

    enum CodingKeys: String, CodingKey {
        case name
        case untilMonth = "until_month"
        case volumeMultiplier = "volume_multiplier"
        case allowedOptions = "allowed_options"
    }
}
