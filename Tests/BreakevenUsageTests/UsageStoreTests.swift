@testable import BreakevenCore
@testable import BreakevenUsage
import Testing

/// Imports are one transaction per file and idempotent by natural keys.
struct UsageStoreTests {
    @Test func theSameFileTwiceChangesNothing() throws {
        let store = try UsageStore.inMemory()
        let first = try store.importFile(Fixture.path("openai-completions-1h.json"), format: .openai, name: "usage.json")
        #expect(first.bucketsAdded == 2 && !first.changedNothing)
        let before = try store.history()
        let again = try store.importFile(Fixture.path("openai-completions-1h.json"), format: .openai, name: "usage.json")
        #expect(again.bucketsUnchanged == 2 && again.changedNothing)
        let after = try store.history()
        #expect(after.months == before.months && after.sources == before.sources)
    }

    @Test func requestsAlreadyImportedAreNotCountedTwice() throws {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("litellm-spend-logs.csv"), format: .litellm)
        // An overlapping export: the first two requests again, and one new one.
        let overlap = try Fixture.write("""
            request_id,startTime,model,prompt_tokens,completion_tokens
            chatcmpl-0a1b2c3d,2026-01-01 09:15:02.123,gpt-4o-mini,1000,250
            chatcmpl-4e5f6a7b,2026-01-01 09:48:30.500,gpt-4o-mini,3000,400
            chatcmpl-new,2026-01-01 09:59:00,gpt-4o-mini,500,50
            """, name: "overlap.csv")
        let summary = try store.importFile(overlap, format: .litellm)
        #expect(summary.requestsAdded == 1 && summary.requestsAlreadyImported == 2)
        let january = try store.history(models: ["gpt-4o-mini"]).months
        #expect(january.count == 1)
        // 1,000 + 3,000 + 500 prompt tokens over 3 requests; the failed row is not one.
        #expect(january[0].figures.requests == 3 && january[0].figures.inputTokens == 4500)
        // Cached tokens come from the first file's metadata only (768); the second file has none.
        #expect(january[0].figures.cachedInputTokens == 768)
    }

    @Test func heliconeRequestsAreKnownByRequestIDAcrossFiles() throws {
        let store = try UsageStore.inMemory()
        let lines = try store.importFile(Fixture.path("helicone-export.jsonl"), format: .helicone)
        #expect(lines.requestsAdded == 3)
        // The query page holds the 11:05 request of the export again, and two of the next day.
        let page = try store.importFile(Fixture.path("helicone-query-clickhouse.json"), format: .helicone)
        #expect(page.requestsAdded == 2 && page.requestsAlreadyImported == 1)
        let again = try store.importFile(Fixture.path("helicone-export.jsonl"), format: .helicone)
        #expect(again.requestsAdded == 0 && again.requestsAlreadyImported == 3 && again.changedNothing)
        // 2,000 + 2,000 (01-01) + 600 (01-02) prompt tokens of gpt-4o-mini, each request once.
        let january = try store.history(models: ["gpt-4o-mini-2024-07-18"]).months
        #expect(january.map(\.figures.requests) == [3] && january.map(\.figures.inputTokens) == [4600])
    }

    @Test func aMalformedRecordRefusesTheWholeFileAndChangesNothing() throws {
        let store = try UsageStore.inMemory()
        let bad = try Fixture.write("""
            request_id,startTime,model,prompt_tokens,completion_tokens
            r1,2026-01-01 09:00:00,gpt-4o,10,5
            r2,2026-01-01 09:30:00,gpt-4o,ten,5
            """, name: "bad.csv")
        #expect(importError(as: "bad.csv") { _ = try store.importFile(bad, format: .litellm, name: "bad.csv") }
                == #"bad.csv:3: error: column prompt_tokens: expected a whole number ≥ 0, found "ten""#)
        let history = try store.history()
        #expect(history.months.isEmpty && history.sources.isEmpty && history.sizes.isEmpty)
        // r1 was not remembered either: importing a fixed file takes it.
        let fixed = try Fixture.write("request_id,startTime,model,prompt_tokens,completion_tokens\nr1,2026-01-01 09:00:00,gpt-4o,10,5\n", name: "ok.csv")
        #expect(try store.importFile(fixed, format: .litellm).requestsAdded == 1)
    }

    @Test func aLaterExportWithOtherFiguresReplacesTheBucket() throws {
        let store = try UsageStore.inMemory()
        func page(_ requests: Int) -> String {
            #"{"object": "page", "data": [{"start_time": 1767225600, "end_time": 1767229200, "results": [{"input_tokens": 100, "output_tokens": 10, "num_model_requests": \#(requests), "model": "gpt-4o"}]}]}"#
        }
        _ = try store.importFile(try Fixture.write(page(4), name: "a.json"), format: .openai)
        let later = try store.importFile(try Fixture.write(page(5), name: "b.json"), format: .openai)
        #expect(later.bucketsChanged == 1)
        #expect(try store.history().months[0].figures.requests == 5)
    }

    @Test func bucketsOfAnotherWidthOverTheSameHoursAreRefused() throws {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("openai-completions-1h.json"), format: .openai)
        let daily = Fixture.path("openai-completions-1d.jsonl")
        #expect(importError(as: "daily.jsonl") { _ = try store.importFile(daily, format: .openai, name: "daily.jsonl") }
                == "daily.jsonl: error: its 1d buckets overlap 1h buckets of openai usage already imported (2026-01-01 00:00 UTC to 2026-01-01 01:00 UTC): the same usage would count twice; import one bucket width for a period")
    }

    @Test func perRequestSourcesKeepRequestSizeHistograms() throws {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("litellm-spend-logs.csv"), format: .litellm)
        let sizes = try store.history(models: ["claude-sonnet-4-5"]).sizes
        #expect(sizes.count == 1)
        // 250,000 prompt tokens: in the bin above 240,387 (2^17.875) up to the 256,000 edge, past 200,000.
        #expect(RequestSizeBins.upperEdge(sizes[0].bin) == 256_000)
        #expect(RequestSizeBins.upperEdge(sizes[0].bin - 1) == 240_387)
        #expect(RequestSizeBins.upperEdge(RequestSizeBins.bin(200_000)) == 200_000)
        #expect(sizes[0].month == CalendarMonth(year: 2026, month: 1))
    }
}
