import BreakevenStorage
import Foundation
import GRDB

/// A recorded run is a row of `run`; its option figures are rows of `run_option` and its `--set`
/// arguments rows of `run_override`, in order (`RunHistory` writes and reads those).
extension HistoryEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "run"

    /// The run of a `run` row, without its options and overrides.
    public init(row: Row) throws {
        let id: Int = try StoredRow(row, entry: "run")("id")
        let r = StoredRow(row, entry: "run \(id)")
        self.init(scenarioName: try r("scenario_name"), scenarioSHA256: try r("scenario_sha256"),
                  catalogFingerprint: try r("catalog_fingerprint"), currency: try r("currency"), recordedAt: try r("recorded_at"),
                  options: [])
        sequence = id
        // The schema's CHECK, read again: a tool may have switched the checks off.
        scenarioRun = try r("scenario_run", in: 1...(Int.max - 1), "a run number from 1 to \(Int.max - 1)")
    }

    /// The run's own columns; a new run (sequence 0) is numbered by SQLite.
    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = sequence == 0 ? nil : sequence
        container["scenario_name"] = scenarioName
        container["scenario_run"] = scenarioRun
        container["scenario_sha256"] = scenarioSHA256
        container["catalog_fingerprint"] = catalogFingerprint
        container["currency"] = currency
        container["recorded_at"] = recordedAt
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        sequence = Int(inserted.rowID)
    }
}

/// One row of `run_option`: an option's figures at its position in a run, in the run's currency.
struct RunOptionRow: FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_option"

    var runID: Int64
    var position: Int
    var outcome: OptionOutcome

    init(runID: Int64, position: Int, outcome: OptionOutcome) {
        self.runID = runID
        self.position = position
        self.outcome = outcome
    }

    init(row: Row) throws {
        runID = try StoredRow(row, entry: "run option")("run_id")
        position = try StoredRow(row, entry: "run \(runID) option")("position")
        let r = StoredRow(row, entry: "run \(runID) option \(position)")
        outcome = OptionOutcome(id: try r("option_id"), totalCost: try r("total_cost", in: Self.amounts, Self.amountWords),
                                npv: try r("npv", in: Self.amounts, Self.amountWords),
                                breakevenMonth: try r("breakeven_month", in: 0..., "a month ≥ 0"),
                                breakevenTokensPerMonth: try r("breakeven_tokens_per_month", in: Self.volumes, Self.volumeWords))
        // The three trial columns together or not at all (v5; a run before it has none).
        let p10: Double? = try r("savings_p10", in: Self.amounts, Self.amountWords)
        let p90: Double? = try r("savings_p90", in: Self.amounts, Self.amountWords)
        let odds: Double? = try r("probability_breakeven", in: 0...1, "a share from 0 to 1")
        switch (p10, p90, odds) {
        case (nil, nil, nil): break
        case (let p10?, let p90?, let odds?): outcome.trials = TrialOutcome(savingsP10: p10, savingsP90: p90, probabilityBreakeven: odds)
        default: throw r.damaged("savings_p10, savings_p90, probability_breakeven: expected all three or none, found some NULL")
        }
    }

    /// The amounts and volumes the history records and reads back: any finite amount a valid
    /// scenario gives, volumes ≥ 0 (an inf left by a hand edit would print as "$in.fB").
    static let amounts = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
    static let amountWords = "a finite amount"
    static let volumes = 0...Double.greatestFiniteMagnitude
    static let volumeWords = "a finite count of tokens ≥ 0"

    func encode(to container: inout PersistenceContainer) {
        container["run_id"] = runID
        container["position"] = position
        container["option_id"] = outcome.id
        container["total_cost"] = outcome.totalCost
        container["npv"] = outcome.npv
        container["breakeven_month"] = outcome.breakevenMonth
        container["breakeven_tokens_per_month"] = outcome.breakevenTokensPerMonth
        container["savings_p10"] = outcome.trials?.savingsP10
        container["savings_p90"] = outcome.trials?.savingsP90
        container["probability_breakeven"] = outcome.trials?.probabilityBreakeven
    }
}
