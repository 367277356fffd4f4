/// A checked scenario with every number explicit: what the engine simulates.
public struct Scenario: Sendable {
    public enum Profile: String, Sendable, Hashable, CaseIterable { case enterprise, personal }

    public var name: String
    public var description: String
    public var profile: Profile
    public var currency: String
    public var start: CalendarMonth
    public var months: Int
    /// Yearly rate used to discount month i by (1 + rate)^(−i/12).
    public var discountRate: Double
    var workload: Workload
    public var options: [ServingOption]
    public var baselineID: String
    /// The `uncertainty` block: Monte Carlo trials over uncertain inputs; nil without one.
    public var uncertainty: UncertaintyPlan? = nil
    /// Every input with its source, in the order read: the report's assumptions section.
    public var assumptions: [Assumption]
    /// SHA-256 of the scenario's canonical JSON (after `--set`), hex; set by the loader's caller.
    public var digest: String
    /// Limits `run` and `diff` check (the scenario's `guardrails`).
    public var guardrails: [Guardrail] = []
    /// The months that happened (`workload.actuals`), each as the engine replays it; empty without them.
    var replay: [ReplayMonth] = []
    /// How old each catalog price it uses is at its `as_of` day (reports warn past 90 days).
    var priceAges: [CatalogPriceAge] = []

    init(name: String, description: String = "", profile: Profile = .enterprise, currency: String = "USD",
                start: CalendarMonth, months: Int, discountRate: Double = 0, workload: Workload,
                options: [ServingOption], baselineID: String? = nil, assumptions: [Assumption] = [], digest: String = "") {
        self.name = name
        self.description = description
        self.profile = profile
        self.currency = currency
        self.start = start
        self.months = months
        self.discountRate = discountRate
        self.workload = workload
        self.options = options
        self.baselineID = baselineID ?? options.first?.id ?? ""
        self.assumptions = assumptions
        self.digest = digest
    }

    public func option(_ id: String) -> ServingOption? { options.first { $0.id == id } }

    public var baselineIndex: Int { options.firstIndex { $0.id == baselineID } ?? 0 }
}
