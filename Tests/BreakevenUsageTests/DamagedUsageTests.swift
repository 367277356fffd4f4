import BreakevenStorage
@testable import BreakevenUsage
import GRDB
import Testing

/// A usage database someone changed by hand (with `sqlite3`, CHECK constraints switched off) or a
/// disk damaged: every value is read strictly and a damaged one names its table, row and column,
/// never traps (text in a count used to stop the process) and never reads as 0.
@Suite("A damaged usage database")
struct DamagedUsageTests {
    /// The LiteLLM fixture imported: three requests of gpt-4o and claude on 2026-01-01 (rows 1… of
    /// usage_bucket, one row in usage_source, request-size bins in usage_size_bin).
    func store(after sql: String) throws -> UsageStore {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("litellm-spend-logs.csv"), format: .litellm)
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: sql)
        }
        return store
    }

    func damage(after sql: String) throws -> String {
        let store = try store(after: sql)
        return try #require(throws: DamagedRow.self) { try store.history() }.description
    }

    @Test func textWhereACountBelongs() throws {
        #expect(try damage(after: "UPDATE usage_bucket SET input_tokens = 'abc' WHERE rowid = 1")
                == #"usage_bucket row 1: input_tokens: expected a whole number, found "abc""#)
        #expect(try damage(after: "UPDATE usage_source SET records = 'abc'")
                == #"usage_source row 1: records: expected a whole number, found "abc""#)
        #expect(try damage(after: "UPDATE usage_size_bin SET requests = 'x' WHERE rowid = 1")
                == #"usage_size_bin row 1: requests: expected a whole number, found "x""#)
    }

    @Test func valuesOutsideWhatAnImportWrites() throws {
        #expect(try damage(after: "UPDATE usage_bucket SET output_tokens = -1 WHERE rowid = 1")
                == "usage_bucket row 1: output_tokens: expected a whole number ≥ 0, found -1")
        // 9,223,372,036,854,775,807 s is Int64.max, some 292 billion years after 1970.
        #expect(try damage(after: "UPDATE usage_bucket SET start = 9223372036854775807 WHERE rowid = 1")
                == "usage_bucket row 1: start: expected Unix seconds from 1970 to 9999 (UTC), found 9223372036854775807")
        #expect(try damage(after: "UPDATE usage_bucket SET start = 1e300 WHERE rowid = 1")
                == "usage_bucket row 1: start: expected a whole number, found 1e+300")
        #expect(try damage(after: "UPDATE usage_bucket SET seconds = 0 WHERE rowid = 1")
                == "usage_bucket row 1: seconds: expected seconds > 0 that end by 9999, found 0")
        #expect(try damage(after: "UPDATE usage_bucket SET batch = 7 WHERE rowid = 1")
                == "usage_bucket row 1: batch: expected 0, 1 or NULL, found 7")
        #expect(try damage(after: "UPDATE usage_bucket SET format = 'csv' WHERE rowid = 1")
                == #"usage_bucket row 1: format: expected one of openai, anthropic, litellm, otel, focus, bedrock-cur, langfuse, helicone, openrouter, claude-code, codex, anthropic-cost, openai-cost, vertex, azure-monitor, found "csv""#)
        #expect(try damage(after: "UPDATE usage_size_bin SET month = '2026-13' WHERE rowid = 1")
                == #"usage_size_bin row 1: month: expected a month YYYY-MM from 1970 to 9999, found "2026-13""#)
        #expect(try damage(after: "UPDATE usage_bucket SET model = X'FF00' WHERE rowid = 1")
                == "usage_bucket row 1: model: expected text, found a blob of 2 bytes")
    }

    @Test func rowsThatContradictTheRest() throws {
        // A spend log counts every request; a bucket of it without a count was changed by hand
        // (fit and drift used to ask for --tokens-per-request).
        #expect(try damage(after: "UPDATE usage_bucket SET requests = NULL WHERE rowid = 1")
                == "usage_bucket row 1: requests: expected a whole number ≥ 0 (litellm usage counts its requests), found NULL")
        // Every bucket comes from an imported file (fit used to find no complete month).
        #expect(try damage(after: "PRAGMA foreign_keys = OFF; DELETE FROM usage_source")
                == "usage_bucket row 1: source_id: expected the id of a usage_source row, found 1")
    }

    @Test func cachedTokensArePartOfThePrompt() throws {
        let store = try store(after: "SELECT 1")
        let input = try store.writer.read { try Int64.fetchOne($0, sql: "SELECT input_tokens FROM usage_bucket WHERE rowid = 1") }
        let prompt = try #require(input)
        #expect(try damage(after: "UPDATE usage_bucket SET cached_input_tokens = input_tokens + 1 WHERE rowid = 1")
                == "usage_bucket row 1: cached_input_tokens: expected a whole number from 0 to input_tokens (\(prompt)), found \(prompt + 1)")
    }

    @Test func sumsThatWouldOverflowAreRefusedBeforeTheyAreTaken() throws {
        // Two rows of 9e18 each would pass Int64.max (9.22e18) when a month is summed: the whole
        // table's total(), 1.8e19 (a float sum, which cannot overflow), is refused first.
        #expect(try damage(after: "UPDATE usage_bucket SET output_tokens = 9000000000000000000 WHERE rowid <= 2")
                == "usage_bucket: its rows count 1.8e19 output tokens; expected at most 1e18, which no import stores")
        // abs(Int64.min) is an SQLite error: the amount is summed as a float.
        #expect(try damage(after: "UPDATE usage_bucket SET billed_micros = -9223372036854775808 WHERE rowid = 1")
                .hasPrefix("usage_bucket: its rows hold 9.2e12 in billed amounts; expected at most 1e12"))
    }

    @Test func anImportIntoADatabasePastTheCeilingBlamesTheDatabase() throws {
        // 1e300 is stored as a REAL; an import's upsert would add to it, and the file being
        // imported used to be named as the cause.
        let store = try store(after: "UPDATE usage_bucket SET input_tokens = 1e300 WHERE rowid = 1")
        let error = try #require(throws: DamagedRow.self) {
            _ = try store.importFile(Fixture.path("anthropic-usage-report.json"), format: .anthropic)
        }
        #expect(error.description == "usage_bucket: its rows count 1e300 input tokens; expected at most 1e18, which no import stores")
    }

    @Test func anUndamagedDatabaseReadsAsBefore() throws {
        let history = try store(after: "SELECT 1").history()
        #expect(history.sources.count == 1)
        #expect(!history.months.isEmpty)
    }
}
