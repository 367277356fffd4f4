import BreakevenCore
import Foundation

/// One recorded run of a scenario: enough to tell, later, what changed between two runs and
/// which catalog prices they used. Reports never print `recordedAt`; it is for the history listing.
public struct HistoryEntry: Sendable, Hashable {
    /// The run's position in the whole history, 1, 2, 3… (assigned by `RunHistory.record`; 0 before).
    public internal(set) var sequence: Int
    /// The run's position among the runs of the same scenario name, 1, 2, 3… (assigned by `record`; 0 before).
    var scenarioRun: Int
    public var scenarioName: String
    /// SHA-256 of the scenario file, 64 lowercase hex digits (computed by the caller).
    public var scenarioSHA256: String
    /// `CatalogSnapshot.fingerprint` of the catalog the run used.
    public var catalogFingerprint: String
    /// The scenario's currency: what the options' amounts are in.
    public var currency: String
    /// When the run happened, as the caller's clock says; nil when not recorded.
    public var recordedAt: Date?
    /// Summary figures per option, in the order of the scenario.
    public var options: [OptionOutcome]
    /// The run's `--set` arguments as given (`options.self.gpu_hourly=1.9`), in order; empty for
    /// a run without them or recorded before they were kept.
    public var overrides: [String]

    public init(scenarioName: String, scenarioSHA256: String, catalogFingerprint: String, currency: String = "USD",
                recordedAt: Date? = nil, overrides: [String] = [], options: [OptionOutcome]) {
        self.overrides = overrides
        self.sequence = 0
        self.scenarioRun = 0
        self.scenarioName = scenarioName
        self.scenarioSHA256 = scenarioSHA256
        self.catalogFingerprint = catalogFingerprint
        self.currency = currency
        self.recordedAt = recordedAt
        self.options = options
    }
}

/// The headline figures of one option in one run.
public struct OptionOutcome: Sendable, Hashable {
    public var id: String
    /// Total cost over the horizon in the run's currency.
    public var totalCost: Double
    /// Net present value of the costs in the run's currency.
    public var npv: Double
    /// 0-based month from which the option stays at or below the baseline; nil: never (or it is the baseline).
    public var breakevenMonth: Int?
    /// Monthly token volume above which the option stays cheaper; nil: none found.
    public var breakevenTokensPerMonth: Double?
    /// Over the Monte Carlo trials, where the scenario has an `uncertainty` block (nil otherwise,
    /// for the baseline, and in runs recorded before they were kept).
    public var trials: TrialOutcome?

    public init(id: String, totalCost: Double, npv: Double, breakevenMonth: Int? = nil, breakevenTokensPerMonth: Double? = nil,
                trials: TrialOutcome? = nil) {
        self.id = id
        self.totalCost = totalCost
        self.npv = npv
        self.breakevenMonth = breakevenMonth
        self.breakevenTokensPerMonth = breakevenTokensPerMonth
        self.trials = trials
    }
}

/// An option's savings against the baseline at the trials' 10th and 90th percentiles, and the
/// share of trials in which it breaks even: how the range moved from run to run.
public struct TrialOutcome: Sendable, Hashable {
    public var savingsP10: Double
    public var savingsP90: Double
    public var probabilityBreakeven: Double
}

extension TrialOutcome {
    /// An option's trial figures as the run's result gives them; nil for the baseline (no savings).
    public init?(_ u: OptionUncertainty) {
        guard let odds = u.probabilityBreakeven else { return nil }
        self.init(savingsP10: u.savingsVsBaseline.p10, savingsP90: u.savingsVsBaseline.p90, probabilityBreakeven: odds)
    }
}
