import Foundation
import GRDB

/// One row of `run`.
struct RunRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "run"

    var id: Int64?
    var scenarioName: String
    var scenarioRun: Int
    var scenarioSHA256: String
    var catalogFingerprint: String
    var currency: String
    var recordedAt: Date?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case scenarioName = "scenario_name"
        case scenarioRun = "scenario_run"
        case scenarioSHA256 = "scenario_sha256"
        case catalogFingerprint = "catalog_fingerprint"
        case currency
        case recordedAt = "recorded_at"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One row of `run_override`: a `--set` argument of a run, in the order given.
struct RunOverrideRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_override"

    var runID: Int64
    var position: Int
    var argument: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case runID = "run_id"
        case position
        case argument
    }
}

/// One row of `run_option`: an option's figures in a run, in the run's currency.
struct RunOptionRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "run_option"

    var runID: Int64
    var position: Int
    var optionID: String
    var totalCost: Double
    var npv: Double
    var breakevenMonth: Int?
    var breakevenTokensPerMonth: Double?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case runID = "run_id"
        case position
        case optionID = "option_id"
        case totalCost = "total_cost"
        case npv
        case breakevenMonth = "breakeven_month"
        case breakevenTokensPerMonth = "breakeven_tokens_per_month"
    }
}
