@testable import BreakevenUsage
import Testing

/// Counts are exact 64-bit integers, and a sum past Int64.max would trap: an import is refused
/// once a figure passes 1e18 (one hour and group while the file is summed, or the whole database
/// once it is written), far beyond real usage and far below 9.2e18.
struct UsageCeilingTests {
    /// LiteLLM spend-log rows of 1e15 prompt tokens each (the most one field may hold), all in
    /// the hour from `hour`:00 on 2026-01-01, ids `prefix`1, `prefix`2…
    /// With `hours` above 1, row k is in the hour `hour` + k mod `hours`.
    func spendLog(rows: Int, hour: String, prefix: String, hours: Int = 1) throws -> String {
        let first = Int(hour) ?? 0
        let lines = (1...rows).map { k in
            let h = first + k % hours
            return "\(prefix)\(k),2026-01-01 \(h < 10 ? "0" : "")\(h):00:00,gpt-4o,1000000000000000,5,"
        }
        return try Fixture.write((["request_id,startTime,model,prompt_tokens,completion_tokens,metadata"] + lines).joined(separator: "\n") + "\n",
                                 name: "spend.csv")
    }

    @Test func anHourPastTheCeilingIsRefusedWhileTheFileIsSummed() throws {
        // 1,001 requests × 1e15 = 1.001e18 prompt tokens in one hour: past 1e18 with the 1,001st,
        // on line 1,002 (after the header).
        let store = try UsageStore.inMemory()
        let path = try spendLog(rows: 1001, hour: "09", prefix: "r")
        #expect(importError(as: "spend.csv") { _ = try store.importFile(path, format: .litellm) }
                == "spend.csv:1002: error: input tokens of one hour and group add up past 1e18; expected real usage, far below that")
        #expect(try store.models().isEmpty)
    }

    @Test func aMonthOfOneRequestSizePastTheCeilingIsRefusedInItsOwnWords() throws {
        // 1,001 requests of 1e15 prompt tokens alternate between 09:00 and 10:00: 501 and 500 in
        // the hours (5.01e17 and 5e17, below 1e18), but all 1,001 in January's request-size bin
        // of gpt-4o, where the 1,001st, on line 1,002, takes the sum to 1.001e18.
        let store = try UsageStore.inMemory()
        let path = try spendLog(rows: 1001, hour: "09", prefix: "r", hours: 2)
        #expect(importError(as: "spend.csv") { _ = try store.importFile(path, format: .litellm) }
                == "spend.csv:1002: error: input tokens of one month's requests of one model and size add up past 1e18; expected real usage, far below that")
        #expect(try store.models().isEmpty)
    }

    @Test func aBucketPastTheCeilingNamesTheResultThatTakesItThere() throws {
        // An OpenAI page whose one bucket holds 1,001 results of one group with 1e15 input tokens
        // each (found by the import fuzz test, which used to get no line): 1,000 make exactly 1e18,
        // the 1,001st, results[1000] on line 1,002 at column 1, passes it.
        let result = #"{"input_tokens": 1000000000000000, "output_tokens": 0, "num_model_requests": 1, "model": "m"}"#
        let text = #"{"object": "page", "data": [{"start_time": 1767225600, "end_time": 1767229200, "results": ["# + "\n"
            + Array(repeating: result, count: 1001).joined(separator: ",\n") + "]}]}\n"
        let path = try Fixture.write(text, name: "usage.json")
        let store = try UsageStore.inMemory()
        #expect(importError(as: "usage.json") { _ = try store.importFile(path, format: .openai) }
                == "usage.json:1002:1: error: data[0].results[1000]: input tokens of one hour and group add up past 1e18; expected real usage, far below that")
        #expect(try store.models().isEmpty)
    }

    @Test func aDatabasePastTheCeilingRefusesTheFileThatWouldTakeItThere() throws {
        // 600 requests × 1e15 = 6e17 in each of two hours: the first file fits, the second would
        // make 1.2e18 and is refused; its transaction rolls back and the first file's hour stays.
        let store = try UsageStore.inMemory()
        _ = try store.importFile(try spendLog(rows: 600, hour: "09", prefix: "a"), format: .litellm)
        let second = try spendLog(rows: 600, hour: "10", prefix: "b")
        #expect(importError(as: "spend.csv") { _ = try store.importFile(second, format: .litellm) }
                == "spend.csv: error: with this file the usage database would count 1.2e18 input tokens; expected at most 1e18, far beyond real usage")
        let january = try #require(try store.history().months.first)
        #expect(january.figures.inputTokens == 600_000_000_000_000_000)
        #expect(january.figures.requests == 600)
    }
}
