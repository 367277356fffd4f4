import BreakevenStorage
import Dispatch
import Foundation
import GRDB
import Synchronization
import Testing
@testable import BreakevenCatalog

@Suite struct RunHistoryTests {
    /// sha256("") — any 64 lowercase hex digits do.
    static let sha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    static func entry(_ scenario: String, totalCost: Double = 1_000) -> HistoryEntry {
        HistoryEntry(scenarioName: scenario, scenarioSHA256: sha, catalogFingerprint: "catalog-v1:3:2026-11-01:0123456789abcdef",
                     options: [
                        OptionOutcome(id: "gpt", totalCost: totalCost, npv: totalCost * 0.9),
                        OptionOutcome(id: "llama-self", totalCost: 850.25, npv: -12.5, breakevenMonth: 7, breakevenTokensPerMonth: 4.2e9),
                     ])
    }

    @Test func numbersRunsOverallAndPerScenario() throws {
        let history = try RunHistory.inMemory()
        let a1 = try history.record(Self.entry("support"))
        let b1 = try history.record(Self.entry("personal"))
        let a2 = try history.record(Self.entry("support", totalCost: 1_200))
        let sequences: [Int] = [a1.sequence, b1.sequence, a2.sequence]
        let scenarioRuns: [Int] = [a1.scenarioRun, b1.scenarioRun, a2.scenarioRun]
        #expect(sequences == [1, 2, 3])
        #expect(scenarioRuns == [1, 1, 2])

        let support = try history.entries(scenario: "support")
        #expect(support == [a1, a2])
        #expect(support[1].options[0].totalCost == 1_200)
        #expect(support[1].options[0].npv == 1_080) // 1,200 × 0.9
        #expect(support[0].options[1] == OptionOutcome(id: "llama-self", totalCost: 850.25, npv: -12.5, breakevenMonth: 7,
                                                       breakevenTokensPerMonth: 4.2e9))
        #expect(try history.entries().map(\.scenarioName) == ["support", "personal", "support"])
    }

    /// SQLite numbers runs by AUTOINCREMENT; with `sqlite_sequence` edited to the largest number
    /// it has none left and reports a full disk (exit 73, "database or disk is full"), which
    /// would send a user looking at the disk. The row at fault is named, and nothing is written.
    @Test func noRunNumberLeftNamesTheSequenceRow() throws {
        let history = try RunHistory.inMemory()
        try history.record(Self.entry("support"))
        try history.writer.write { try $0.execute(sql: "UPDATE sqlite_sequence SET seq = 9223372036854775807 WHERE name = 'run'") }
        let refusal = try #require(throws: DamagedRow.self) { try history.record(Self.entry("support")) }
        #expect(refusal.description == "sqlite_sequence row run: seq: expected a run number below 9223372036854775807, found 9223372036854775807: no run number is left")
        #expect(try history.entries().count == 1)
    }

    @Test func keepsEachRunsCurrency() throws {
        let history = try RunHistory.inMemory()
        var euros = Self.entry("support")
        euros.currency = "EUR"
        try history.record(euros)
        try history.record(Self.entry("personal"))
        #expect(try history.entries().map(\.currency) == ["EUR", "USD"])
    }

    @Test func aHistoryFromBeforeCurrenciesReadsAsDollars() throws {
        // A history file of the first schema, with one run in it, opened by this version.
        let history = try Self.history(upTo: "v1: runs and their option figures",
            "INSERT INTO run (scenario_name, scenario_run, scenario_sha256, catalog_fingerprint) VALUES ('support', 1, ?, 'c')")
        #expect(try history.entries().map(\.currency) == ["USD"])
    }

    @Test func keepsTheCallersTimestampAsGiven() throws {
        let history = try RunHistory.inMemory()
        var entry = Self.entry("support")
        entry.recordedAt = Date(timeIntervalSince1970: 1_795_000_000) // 2026-11-18 (an arbitrary second)
        try history.record(entry)
        #expect(try history.entries().first?.recordedAt == Date(timeIntervalSince1970: 1_795_000_000))
    }

    @Test func refusesABadScenarioDigest() throws {
        let history = try RunHistory.inMemory()
        var entry = Self.entry("support")
        entry.scenarioSHA256 = "ABC"
        let error = try #require(throws: CatalogError.self) { try history.record(entry) }
        #expect(error.description == "run of support: scenario sha256 must be 64 lowercase hex digits, found 'ABC'")
        #expect(try history.entries().isEmpty)
    }

    @Test func recordsWhateverAValidScenarioGives() throws {
        // An empty name and amounts past the 9.2e12 that integer micro-units held.
        let history = try RunHistory.inMemory()
        try history.record(Self.entry("", totalCost: 9e12))
        try history.record(Self.entry("huge", totalCost: 4.2e21))
        let entries = try history.entries()
        #expect(entries.map(\.scenarioName) == ["", "huge"])
        #expect(entries.map { $0.options[0].totalCost } == [9e12, 4.2e21])
        #expect(entries[1].options[0].npv == 4.2e21 * 0.9)
    }

    @Test func theRunsOfOneCommandAreRecordedTogetherOrNotAtAll() throws {
        let history = try RunHistory.inMemory()
        let both = try history.record([Self.entry("support"), Self.entry("personal")])
        #expect(both.map(\.sequence) == [1, 2])
        var bad = Self.entry("third")
        bad.options[0].npv = .infinity
        let error = try #require(throws: CatalogError.self) { try history.record([Self.entry("support"), bad]) }
        #expect(error.description == "run of third: option gpt: total cost and NPV must be finite amounts")
        #expect(try history.entries().map(\.scenarioName) == ["support", "personal"])
    }

    @Test func aHistoryInMicroUnitsKeepsItsAmounts() throws {
        // A v2 file: $1,500,000.25 as 1,500,000,250,000 micro-units, an NPV of -$12.5.
        let history = try Self.history(upTo: "v2: the currency of a run's amounts",
            "INSERT INTO run (scenario_name, scenario_run, scenario_sha256, catalog_fingerprint, currency) VALUES ('support', 1, ?, 'c', 'EUR')",
            "INSERT INTO run_option VALUES (1, 0, 'self', 1500000250000, -12500000, 3, 1e9)")
        let entry = try #require(try history.entries().first)
        #expect(entry.currency == "EUR")
        #expect(entry.options == [OptionOutcome(id: "self", totalCost: 1_500_000.25, npv: -12.5, breakevenMonth: 3, breakevenTokensPerMonth: 1e9)])
        // Numbering goes on after the migrated run.
        #expect(try history.record(Self.entry("support")).scenarioRun == 2)
    }

    @Test func aDamagedFigureIsAnErrorThatNamesTheRun() throws {
        // A hand-edited history: text where an amount must be. SQLite keeps it in a REAL column,
        // and its own conversion would read it as 0.
        let history = try RunHistory.inMemory()
        try history.record(Self.entry("support"))
        try history.writer.write { try $0.execute(sql: "UPDATE run_option SET total_cost = 'lots' WHERE position = 1") }
        let error = try #require(throws: DamagedRow.self) { try history.entries() }
        #expect(error.description == #"run 1 option 1: total_cost: expected a number, found "lots""#)
    }

    /// What the history records it reads back by the same rule: finite amounts (an inf, which
    /// SQLite keeps, used to print as "$in.fB"), and the schema's month and volume ≥ 0.
    @Test func anAmountThatIsNotFiniteIsADamagedRow() throws {
        func refusal(_ sql: String) throws -> String {
            let history = try RunHistory.inMemory()
            try history.record(Self.entry("support"))
            try history.writer.damage(sql)
            return try #require(throws: DamagedRow.self) { try history.entries() }.description
        }
        #expect(try refusal("UPDATE run_option SET npv = -9e999 WHERE position = 0")
                == "run 1 option 0: npv: expected a finite amount, found -inf")
        #expect(try refusal("UPDATE run_option SET breakeven_tokens_per_month = 9e999 WHERE position = 1")
                == "run 1 option 1: breakeven_tokens_per_month: expected a finite count of tokens ≥ 0, found inf")
        #expect(try refusal("UPDATE run_option SET breakeven_month = -1 WHERE position = 1")
                == "run 1 option 1: breakeven_month: expected a month ≥ 0, found -1")
        // The schema's scenario_run > 0.
        #expect(try refusal("UPDATE run SET scenario_run = 0")
                == "run 1: scenario_run: expected a run number from 1 to 9223372036854775806, found 0")
        // And it records nothing it would not read back.
        var entry = Self.entry("support")
        entry.options[1].breakevenTokensPerMonth = .infinity
        let unrecorded = try #require(throws: CatalogError.self) { try RunHistory.inMemory().record(entry) }
        #expect(unrecorded.description == "run of support: option llama-self: breakeven volume: expected a finite count of tokens ≥ 0, found inf")
    }

    /// The next run of a scenario is numbered one past its last: a last number after which there
    /// is none (a hand edit) used to trap the recording run; it is a damaged row that names it.
    @Test func aRunNumberWithNoNextOneIsADamagedRow() throws {
        let history = try RunHistory.inMemory()
        try history.record(Self.entry("support"))
        try history.writer.write { try $0.execute(sql: "UPDATE run SET scenario_run = 9223372036854775807") }
        let error = try #require(throws: DamagedRow.self) { try history.record(Self.entry("support")) }
        #expect(error.description
                == "run of support: scenario_run: expected a run number below 9223372036854775807, found 9223372036854775807")
        // Another scenario's runs are numbered as before.
        #expect(try history.record(Self.entry("personal")).scenarioRun == 1)
    }

    @Test func keepsEachRunsTimeAndSetValuesInOrder() throws {
        let history = try RunHistory.inMemory()
        var tuned = Self.entry("support")
        // 2026-11-27 17:10:00 UTC: 1,795,799,400 s after 1970 (20,784 days × 86,400 + 61,800).
        tuned.recordedAt = Date(timeIntervalSince1970: 1_795_799_400)
        tuned.overrides = ["options.self.gpu_hourly=1.9", "workload.requests_per_month=2e6"]
        try history.record(tuned)
        try history.record(Self.entry("support"))
        let entries = try history.entries()
        #expect(entries.map(\.overrides) == [["options.self.gpu_hourly=1.9", "workload.requests_per_month=2e6"], []])
        #expect(entries[0].recordedAt == Date(timeIntervalSince1970: 1_795_799_400))
        #expect(entries[1].recordedAt == nil)
    }

    @Test func aHistoryFromBeforeSetValuesReadsWithoutThem() throws {
        // A v3 file with one run, opened by this version: the run has no --set values, and new runs keep theirs.
        let history = try Self.history(upTo: "v3: every name and amount a valid scenario gives",
            "INSERT INTO run (scenario_name, scenario_run, scenario_sha256, catalog_fingerprint, currency) VALUES ('support', 1, ?, 'c', 'USD')")
        var next = Self.entry("support")
        next.overrides = ["months=12"]
        try history.record(next)
        #expect(try history.entries().map(\.overrides) == [[], ["months=12"]])
    }

    @Test func keepsTheTrialFiguresOfARunWithUncertainty() throws {
        // llama-self's savings over the trials ran from −$120.5 to $480.25 and it broke even in
        // 87.25% of them; gpt is the baseline (no savings) and keeps none.
        let history = try RunHistory.inMemory()
        var entry = Self.entry("support")
        entry.options[1].trials = TrialOutcome(savingsP10: -120.5, savingsP90: 480.25, probabilityBreakeven: 0.8725)
        try history.record(entry)
        let read = try history.entries()
        #expect(read.map { $0.options.map(\.trials) } == [[nil, TrialOutcome(savingsP10: -120.5, savingsP90: 480.25, probabilityBreakeven: 0.8725)]])
        // A share above 1 is neither recorded nor, written by hand, read back.
        entry.options[1].trials?.probabilityBreakeven = 1.5
        let refused = try #require(throws: CatalogError.self) { try history.record(entry) }
        #expect(refused.description.contains("option llama-self: trial savings must be finite amounts and the share that breaks even from 0 to 1"))
        try history.writer.damage("UPDATE run_option SET savings_p90 = NULL WHERE position = 1")
        let damaged = try #require(throws: DamagedRow.self) { try history.entries() }
        #expect(damaged.description == "run 1 option 1: savings_p10, savings_p90, probability_breakeven: expected all three or none, found some NULL")
    }

    @Test func aHistoryFromBeforeTrialsReadsWithoutThem() throws {
        // A v4 file with one run and its option, opened by this version: no trial figures.
        let history = try Self.history(upTo: "v4: the --set values of a run",
            "INSERT INTO run (scenario_name, scenario_run, scenario_sha256, catalog_fingerprint, currency) VALUES ('support', 1, ?, 'c', 'USD')",
            "INSERT INTO run_option (run_id, position, option_id, total_cost, npv) VALUES (1, 0, 'gpt', 1000, 900)")
        #expect(try history.entries().map { $0.options.map(\.trials) } == [[nil]])
    }

    /// A history file written by an earlier version (migrated up to `migration`) holding the run
    /// of support the statements insert (`?` is the scenario digest), opened by this version.
    static func history(upTo migration: String, _ statements: String...) throws -> RunHistory {
        let queue = try DatabaseOpening.inMemory()
        try RunHistory.migrator.migrate(queue, upTo: migration)
        try queue.write { db in
            for sql in statements { try db.execute(sql: sql, arguments: sql.contains("?") ? [Self.sha] : []) }
        }
        return try RunHistory(migrating: queue)
    }

    static func temporaryFile(_ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent(name).path
    }

    @Test func aFileThatIsNotAHistoryIsRefusedAndLeftAlone() throws {
        let zero = try Self.temporaryFile("zero.sqlite")
        #expect(FileManager.default.createFile(atPath: zero, contents: Data()))
        let read = try #require(throws: DatabaseProblem.self) { try RunHistory(readingAt: zero) }
        #expect(read.description == "\(zero) is not a breakeven run history")
        #expect(try FileManager.default.attributesOfItem(atPath: zero)[.size] as? Int == 0)

        let text = try Self.temporaryFile("notes.sqlite")
        try "remember the milk\n".write(toFile: text, atomically: false, encoding: .utf8)
        for open in [{ try RunHistory(path: text) }, { try RunHistory(readingAt: text) }] {
            let problem = try #require(throws: DatabaseProblem.self) { try open() }
            #expect(problem.description == "\(text) is not a SQLite database, so not a breakeven run history")
        }
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "remember the milk\n")

        let catalog = try Self.temporaryFile("catalog.sqlite")
        _ = try CatalogStore(path: catalog)
        let misplaced = try #require(throws: DatabaseProblem.self) { try RunHistory(path: catalog) }
        #expect(misplaced.description == "\(catalog) is not a breakeven run history")

        let missing = try #require(throws: DatabaseProblem.self) { try RunHistory(readingAt: catalog + ".gone") }
        #expect(missing.reason == .missing)
        #expect(!FileManager.default.fileExists(atPath: catalog + ".gone"))
    }

    @Test func aHistoryFromANewerBreakevenIsNeitherReadNorWritten() throws {
        let path = try Self.temporaryFile("history.sqlite")
        try RunHistory(path: path).record(Self.entry("support"))
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('v9: something later')")
        }
        for open in [{ try RunHistory(path: path) }, { try RunHistory(readingAt: path) }] {
            let problem = try #require(throws: DatabaseProblem.self) { try open() }
            #expect(problem.description == "\(path) was made by a newer breakeven: its run history has changes this version does not know, so it is left as it is")
        }
    }

    /// GRDB creates its table of migrations in a transaction of its own, before the first
    /// migration: a second process that opens the file in between (or after a first run stopped
    /// there) sees that table alone. That is a file being made, not someone else's (one of eight
    /// concurrent writers used to be refused with "is not a breakeven run history").
    @Test func aFileWithOnlyGRDBsTableOfMigrationsIsNew() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("history.sqlite").path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        }
        let history = try RunHistory(path: path)
        try history.record(Self.entry("scenario"))
        #expect(try history.entries().map(\.sequence) == [1])
    }

    @Test func eightConcurrentWritersAllSucceed() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("history.sqlite").path

        // Eight threads, each with its own connection to one new file (as eight CI jobs would open it),
        // each recording five runs of its own scenario while the others write.
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for writer in 0..<8 {
            DispatchQueue.global().async(group: group) {
                do {
                    let history = try RunHistory(path: path)
                    for _ in 0..<5 { try history.record(Self.entry("scenario-\(writer)")) }
                } catch {
                    failures.withLock { $0.append("writer \(writer): \(error)") }
                }
            }
        }
        group.wait()
        #expect(failures.withLock { $0 } == [])

        let all = try RunHistory(path: path).entries()
        // 8 writers × 5 runs = 40 runs, numbered 1…40, each scenario's runs numbered 1…5.
        #expect(all.map(\.sequence) == Array(1...40))
        let runsPerScenario = Dictionary(grouping: all, by: \.scenarioName).mapValues { $0.map(\.scenarioRun) }
        #expect(runsPerScenario.count == 8)
        #expect(runsPerScenario.values.allSatisfy { $0 == [1, 2, 3, 4, 5] })
    }
}
