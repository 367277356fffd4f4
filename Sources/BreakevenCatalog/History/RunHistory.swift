import BreakevenStorage
import Foundation
import GRDB

/// The history of runs, in its own database file (the executable puts it in the XDG data
/// directory). Several processes may record at once — CI jobs in parallel — so the file is in WAL
/// mode, writers wait on a lock (busy timeout) instead of failing, and each record is one
/// immediate transaction that numbers the run.
public struct RunHistory: DatabaseStore {
    let writer: any DatabaseWriter

    public static let kind = DatabaseProblem.Kind.history

    public init(opened writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Records a run and returns it numbered (`sequence`, `scenarioRun`).
    @discardableResult
    public func record(_ entry: HistoryEntry) throws -> HistoryEntry {
        try record([entry])[0]
    }

    /// Records the runs of one command in one transaction: all of them, or none and an error.
    /// Whatever a valid scenario gives is recorded: any name (the empty one too) and any finite amount.
    @discardableResult
    public func record(_ entries: [HistoryEntry]) throws -> [HistoryEntry] {
        for entry in entries {
            let subject = "run of \(entry.scenarioName.isEmpty ? "(unnamed scenario)" : entry.scenarioName)"
            guard entry.scenarioSHA256.count == 64, entry.scenarioSHA256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw CatalogError.invalidEntry(entry: subject,
                                                message: "scenario sha256 must be 64 lowercase hex digits, found '\(entry.scenarioSHA256)'")
            }
            // The rules the history reads its rows back by (RunOptionRow).
            for option in entry.options {
                guard RunOptionRow.amounts.contains(option.totalCost), RunOptionRow.amounts.contains(option.npv) else {
                    throw CatalogError.invalidEntry(entry: subject, message: "option \(option.id): total cost and NPV must be finite amounts")
                }
                if let volume = option.breakevenTokensPerMonth, !RunOptionRow.volumes.contains(volume) {
                    throw CatalogError.invalidEntry(entry: subject,
                                                    message: "option \(option.id): breakeven volume: expected \(RunOptionRow.volumeWords), found \(volume)")
                }
                if let t = option.trials, !(RunOptionRow.amounts.contains(t.savingsP10) && RunOptionRow.amounts.contains(t.savingsP90)
                                            && (0...1).contains(t.probabilityBreakeven)) {
                    throw CatalogError.invalidEntry(entry: subject, message: "option \(option.id): trial savings must be finite amounts and "
                                                    + "the share that breaks even from 0 to 1, found \(t.savingsP10), \(t.savingsP90), \(t.probabilityBreakeven)")
                }
            }
        }
        return try writer.writeWithoutTransaction { db in
            var recorded = entries
            try db.inTransaction(.immediate) {
                for k in recorded.indices {
                    recorded[k].sequence = 0
                    recorded[k].scenarioRun = try Self.lastRun(of: recorded[k].scenarioName, db) + 1
                    try Self.insertNumbering(&recorded[k], db)
                    let runID = Int64(recorded[k].sequence)
                    for (position, outcome) in recorded[k].options.enumerated() {
                        try RunOptionRow(runID: runID, position: position, outcome: outcome).insert(db)
                    }
                    for (position, argument) in recorded[k].overrides.enumerated() {
                        try db.execute(sql: "INSERT INTO run_override (run_id, position, argument) VALUES (?, ?, ?)",
                                       arguments: [runID, position, argument])
                    }
                }
                return .commit
            }
            return recorded
        }
    }

    /// Inserts a run, numbered by SQLite's AUTOINCREMENT. Past the largest number (a hand-edited
    /// `sqlite_sequence`) SQLite has none left, says the disk is full and aborts the transaction:
    /// the row at fault is named instead, before the insert.
    private static func insertNumbering(_ entry: inout HistoryEntry, _ db: Database) throws {
        let table = HistoryEntry.databaseTableName
        // Read as a raw value: a hand edit may have left text there, which a typed read would trap on.
        let seq = try DatabaseValue.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table])
        if case .int64(Int64.max)? = seq?.storage {
            throw DamagedRow(entry: "sqlite_sequence row \(table)",
                             message: "seq: expected a run number below \(Int64.max), found \(Int64.max): no run number is left")
        }
        try entry.insert(db)
    }

    /// The highest run number of a scenario so far, 0 for none, read strictly: text, or a number
    /// after which there is none (Int.max, left by a hand edit), is a damaged row, not a trap.
    private static func lastRun(of scenario: String, _ db: Database) throws -> Int {
        let query = HistoryEntry.filter(Column("scenario_name") == scenario).select(max(Column("scenario_run")).forKey("scenario_run"))
        guard let row = try Row.fetchOne(db, query) else { return 0 }
        let last: Int? = try StoredRow(row, entry: "run of \(scenario)")("scenario_run", in: ...(Int.max - 1),
                                                                         "a run number below \(Int.max)")
        return last ?? 0
    }

    /// Every recorded run, oldest first; only those of `scenario` when it is given.
    public func entries(scenario: String? = nil) throws -> [HistoryEntry] {
        try writer.read { db in
            var runs = HistoryEntry.order(Column("id"))
            if let scenario { runs = runs.filter(Column("scenario_name") == scenario) }
            var entries = try runs.fetchAll(db)
            let ids = entries.map { Int64($0.sequence) }
            let options = Dictionary(grouping: try RunOptionRow.filter(ids.contains(Column("run_id")))
                .order(Column("run_id"), Column("position")).fetchAll(db), by: \.runID)
            var overrides: [Int64: [String]] = [:]
            for row in try Table("run_override").filter(ids.contains(Column("run_id"))).order(Column("run_id"), Column("position"))
                .fetchAll(db) {
                let r = StoredRow(row, entry: "run override")
                overrides[try r("run_id"), default: []].append(try r("argument"))
            }
            for k in entries.indices {
                let id = Int64(entries[k].sequence)
                entries[k].options = (options[id] ?? []).map(\.outcome)
                entries[k].overrides = overrides[id] ?? []
            }
            return entries
        }
    }

    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs and their option figures") { db in
            try db.create(table: "run") { t in
                // AUTOINCREMENT: a run's sequence number is never reused
                t.autoIncrementedPrimaryKey("id")
                t.column("scenario_name", .text).notNull().check { length($0) > 0 }
                t.column("scenario_run", .integer).notNull().check { $0 > 0 }
                t.column("scenario_sha256", .text).notNull()
                    .check(sql: "length(scenario_sha256) = 64 AND scenario_sha256 NOT GLOB '*[^0-9a-f]*'")
                t.column("catalog_fingerprint", .text).notNull()
                t.column("recorded_at", .datetime)
                t.uniqueKey(["scenario_name", "scenario_run"])
            }
            try db.create(table: "run_option") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull().check { $0 >= 0 }
                t.column("option_id", .text).notNull().check { length($0) > 0 }
                // micro-USD
                t.column("total_cost_micros", .integer).notNull()
                t.column("npv_micros", .integer).notNull()
                t.column("breakeven_month", .integer).check { $0 >= 0 }
                t.column("breakeven_tokens_per_month", .double).check { $0 >= 0 }
                t.primaryKey(["run_id", "position"])
            }
        }
        migrator.registerMigration("v2: the currency of a run's amounts") { db in
            // Runs recorded before were all in US dollars (the currency was only a label then).
            try db.alter(table: "run") { t in
                t.add(column: "currency", .text).notNull().defaults(to: "USD").check { length($0) > 0 }
            }
        }
        migrator.registerMigration("v3: every name and amount a valid scenario gives") { db in
            // v1 refused an empty scenario name and stored amounts as integer micro-units, which
            // cap at 9.2e12; a valid scenario can have either, and the history must record what
            // validation accepts. Amounts are now the run's own figures (doubles, as computed: a
            // projection, not a ledger). SQLite changes a CHECK only by rebuilding the table.
            try db.create(table: "new_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("scenario_name", .text).notNull()
                t.column("scenario_run", .integer).notNull().check { $0 > 0 }
                t.column("scenario_sha256", .text).notNull()
                    .check(sql: "length(scenario_sha256) = 64 AND scenario_sha256 NOT GLOB '*[^0-9a-f]*'")
                t.column("catalog_fingerprint", .text).notNull()
                t.column("recorded_at", .datetime)
                t.column("currency", .text).notNull().defaults(to: "USD").check { length($0) > 0 }
                t.uniqueKey(["scenario_name", "scenario_run"])
            }
            try db.execute(sql: """
                INSERT INTO new_run (id, scenario_name, scenario_run, scenario_sha256, catalog_fingerprint, recorded_at, currency)
                SELECT id, scenario_name, scenario_run, scenario_sha256, catalog_fingerprint, recorded_at, currency FROM run
                """)
            try db.create(table: "new_run_option") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull().check { $0 >= 0 }
                t.column("option_id", .text).notNull().check { length($0) > 0 }
                t.column("total_cost", .double).notNull()
                t.column("npv", .double).notNull()
                t.column("breakeven_month", .integer).check { $0 >= 0 }
                t.column("breakeven_tokens_per_month", .double).check { $0 >= 0 }
                t.primaryKey(["run_id", "position"])
            }
            try db.execute(sql: """
                INSERT INTO new_run_option (run_id, position, option_id, total_cost, npv, breakeven_month, breakeven_tokens_per_month)
                SELECT run_id, position, option_id, total_cost_micros / 1e6, npv_micros / 1e6, breakeven_month, breakeven_tokens_per_month
                FROM run_option
                """)
            try db.drop(table: "run_option")
            try db.drop(table: "run")
            try db.rename(table: "new_run", to: "run")
            try db.rename(table: "new_run_option", to: "run_option")
        }
        migrator.registerMigration("v4: the --set values of a run") { db in
            // Two runs of the same file differ by their --set values: kept, so the history says
            // which value gave which figures. (When a run was made is in run.recorded_at since v1.)
            try db.create(table: "run_override") { t in
                t.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                t.column("position", .integer).notNull().check { $0 >= 0 }
                t.column("argument", .text).notNull()
                t.primaryKey(["run_id", "position"])
            }
        }
        migrator.registerMigration("v5: the figures of a run's Monte Carlo trials") { db in
            // NULL for a run without an uncertainty block, for the baseline, and for runs before.
            try db.alter(table: "run_option") { t in
                t.add(column: "savings_p10", .double)
                t.add(column: "savings_p90", .double)
                t.add(column: "probability_breakeven", .double).check { $0 >= 0 && $0 <= 1 }
            }
        }
        return migrator
    }
}
