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

    /// Imports `first` (`firstAdded` requests), then `second`, which adds `added` and finds `known`
    /// already imported, then `first` again, which changes nothing; the store, to read the months.
    static func importOverlapping(_ format: UsageFormat, _ first: String, firstAdded: Int, then second: String, added: Int,
                                  known: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> UsageStore {
        let store = try UsageStore.inMemory()
        #expect(try store.importFile(Fixture.path(first), format: format).requestsAdded == firstAdded, sourceLocation: sourceLocation)
        let overlap = try store.importFile(Fixture.path(second), format: format)
        #expect(overlap.requestsAdded == added && overlap.requestsAlreadyImported == known, sourceLocation: sourceLocation)
        let again = try store.importFile(Fixture.path(first), format: format)
        #expect(again.requestsAdded == 0 && again.requestsAlreadyImported == firstAdded && again.changedNothing, sourceLocation: sourceLocation)
        return store
    }

    @Test func heliconeRequestsAreKnownByRequestIDAcrossFiles() throws {
        // The query page holds the 11:05 request of the export again, and two of the next day.
        let store = try Self.importOverlapping(.helicone, "helicone-export.jsonl", firstAdded: 3,
                                               then: "helicone-query-clickhouse.json", added: 2, known: 1)
        // 2,000 + 2,000 (01-01) + 600 (01-02) prompt tokens of gpt-4o-mini, each request once.
        let january = try store.history(models: ["gpt-4o-mini-2024-07-18"]).months
        #expect(january.map(\.figures.requests) == [3] && january.map(\.figures.inputTokens) == [4600])
    }

    @Test func langfuseObservationsAreKnownByIdAcrossV1AndV2Exports() throws {
        // The v2 page lists gen-1 and gen-2 again, by the same observation ids, and gen-7 besides.
        let store = try Self.importOverlapping(.langfuse, "langfuse-observations.json", firstAdded: 2,
                                               then: "langfuse-observations-v2.json", added: 1, known: 2)
        // gpt-4o-mini: gen-1 (2,000 prompt tokens, 800 cached) and gen-7 (2,000, 1,700 cached), each once.
        let gpt = try store.history(models: ["gpt-4o-mini-2024-07-18"]).months
        #expect(gpt.map(\.figures.requests) == [2] && gpt.map(\.figures.inputTokens) == [4000])
        #expect(gpt.map(\.figures.cachedInputTokens) == [2500] && gpt.map(\.figures.outputTokens) == [450])
        // claude: gen-2 once: 6,000 prompt tokens, not 12,000.
        let claude = try store.history(models: ["claude-sonnet-4-5-20250929"]).months
        #expect(claude.map(\.figures.requests) == [1] && claude.map(\.figures.inputTokens) == [6000])
    }

    @Test func claudeCodeResponsesAreKnownByMessageIDAcrossTranscripts() throws {
        // The resumed session repeats the session's second response (the same message.id and
        // requestId) before a new one of its own.
        let store = try Self.importOverlapping(.claudeCode, "claude-code-session.jsonl", firstAdded: 3,
                                               then: "claude-code-resumed.jsonl", added: 1, known: 1)
        #expect(try store.importFile(Fixture.path("claude-code-subagent.jsonl"), format: .claudeCode).requestsAdded == 2)
        let months = try store.history().months
        #expect(months.map(\.model) == ["claude-haiku-4-5-20251001", "claude-opus-4-5-20251101", "claude-sonnet-4-5-20250929"])
        let sonnet = try #require(months.last?.figures)
        // Three Sonnet responses, each once: 18,153 + 19,360 + 22,312 = 59,825 prompt tokens, of
        // which 12,840 + 18,150 + 19,354 = 50,344 cache reads (84.2%) and 5,310 + 1,204 + 2,950 =
        // 9,464 cache writes; 412 + 388 + 615 = 1,415 output tokens; no amounts (a subscription's).
        #expect(sonnet.requests == 3 && sonnet.inputTokens == 59_825 && sonnet.cachedInputTokens == 50_344)
        #expect(sonnet.cacheWriteTokens == 9_464 && sonnet.outputTokens == 1_415 && sonnet.billed == nil)
        #expect(abs(sonnet.cachedShare - 0.8415) < 0.0001)
        // The sub-agent's Haiku: 4,210 + 4,208 prompt tokens, 96 + 240 output tokens.
        let haiku = try #require(months.first?.figures)
        #expect(haiku.requests == 2 && haiku.inputTokens == 8_418 && haiku.outputTokens == 336)
    }

    @Test func codexResponsesAreKnownBySessionAndRunningTotalAcrossAGrownFileAndAFork() throws {
        // The session's file grown by `codex resume`: its three responses again, and one new.
        let store = try Self.importOverlapping(.codex, "codex-session.jsonl", firstAdded: 3, then: "codex-resumed.jsonl", added: 1, known: 3)
        let grownAgain = try store.importFile(Fixture.path("codex-resumed.jsonl"), format: .codex)
        #expect(grownAgain.requestsAdded == 0 && grownAgain.requestsAlreadyImported == 4 && grownAgain.changedNothing)
        // A fork copies the parent's first two responses (restamped at its own time) before one of its own.
        let fork = try store.importFile(Fixture.path("codex-fork.jsonl"), format: .codex)
        #expect(fork.requestsAdded == 1 && fork.requestsAlreadyImported == 2)
        let months = try store.history().months
        #expect(months.map(\.model) == ["gpt-5", "gpt-5-codex"])
        // gpt-5-codex, each response once: 12,000 + 13,100 + 16,000 + 13,400 = 54,500 prompt tokens, of
        // which 3,072 + 11,904 + 14,336 + 12,288 = 41,600 cached (76.3%); 450 + 820 + 610 + 700 = 2,580
        // output tokens; no amounts.
        let codex = try #require(months.last?.figures)
        #expect(codex.requests == 4 && codex.inputTokens == 54_500 && codex.cachedInputTokens == 41_600)
        #expect(codex.outputTokens == 2_580 && codex.cacheWriteTokens == nil && codex.billed == nil)
        // gpt-5: the second turn's response, 14,500 prompt tokens.
        #expect(months.first?.figures.requests == 1 && months.first?.figures.inputTokens == 14_500)
    }

    @Test func aDirectoryOfTranscriptsReadWholeCoversTheHoursBetweenItsSessions() throws {
        // Sessions on 31 December, 15 January and 1 February: each file covers its own hours only.
        func session(_ id: String, at time: String) throws -> String {
            try Fixture.write(#"{"type":"assistant","timestamp":"\#(time)","requestId":"req_\#(id)","message":{"id":"msg_\#(id)","model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":100,"output_tokens":20}}}"# + "\n",
                              name: "\(id).jsonl")
        }
        let store = try UsageStore.inMemory()
        let files = try [session("a", at: "2025-12-31T23:30:00Z"), session("b", at: "2026-01-15T12:00:00Z"), session("c", at: "2026-02-01T00:10:00Z")]
            .map { try store.importFile($0, format: .claudeCode) }
        let january = CalendarMonth(year: 2026, month: 1)
        #expect(try store.history().complete(january) == nil)
        // Read whole, the directory covers 2025-12-31 23:00 to 2026-02-01 01:00: January is complete,
        // its one request the month's usage.
        let coverage = try #require(try store.recordDirectory("projects", format: .claudeCode, files: files))
        #expect(coverage.text == "projects (claude-code): 3 files read whole; covers 2025-12-31 23:00 UTC to 2026-02-01 01:00 UTC")
        #expect(try store.history().complete(january)?.figures.requests == 1)
        // The same files again change nothing; exports are never covered this way.
        _ = try store.recordDirectory("projects", format: .claudeCode, files: files)
        #expect(try store.history().sources.count == 4)
        #expect(try store.recordDirectory("pages", format: .openai, files: files) == nil)
    }

    @Test func overlappingOpenRouterSavesAreKeyedByDayModelAndEndpoint() throws {
        let store = try UsageStore.inMemory()
        let page = try store.importFile(Fixture.path("openrouter-activity.json"), format: .openrouter)
        #expect(page.bucketsAdded == 5)
        // The saves hold 2026-01-01 of o4-mini again (unchanged), and three days the page has not.
        let saves = try store.importFile(Fixture.path("openrouter-activity-saves.jsonl"), format: .openrouter)
        #expect(saves.bucketsAdded == 3 && saves.bucketsUnchanged == 1 && saves.bucketsChanged == 0)
        let before = try store.history()
        for file in ["openrouter-activity.json", "openrouter-activity-saves.jsonl"] {
            #expect(try store.importFile(Fixture.path(file), format: .openrouter).changedNothing)
        }
        let history = try store.history()
        #expect(history.months == before.months)
        // The saves cover 2025-12-31 to 2026-02-01: January is complete, December is not.
        #expect(history.covers(.openrouter, CalendarMonth(year: 2026, month: 1)) && !history.covers(.openrouter, CalendarMonth(year: 2025, month: 12)))
        let january = history.months.filter { $0.month == CalendarMonth(year: 2026, month: 1) }
        #expect(january.map(\.model) == ["meta-llama/llama-3.3-70b-instruct", "openai/o4-mini"])
        let llama = january[0].figures, o4 = january[1].figures
        // Llama: 100 + 20 + 60 (the page) + 30 (01-10, once) requests; 400,000 + 80,000 + 240,000 + 120,000 prompt tokens.
        #expect(llama.requests == 210 && llama.inputTokens == 840_000 && llama.outputTokens == 105_000)
        // $0.056 + $0.0792 + $0.0336 + $0.0168 = $0.1856 (summed in floating point: compared in micro-dollars).
        #expect((try #require(llama.billed) * 1e6).rounded() == 185_600 && llama.currency == "USD")
        // o4-mini: 40 + 10 (BYOK) + 20 requests; 30,000 + 20,000 + 15,000 completion tokens, reasoning within.
        #expect(o4.requests == 70 && o4.inputTokens == 210_000 && o4.outputTokens == 65_000 && o4.cacheWriteTokens == nil)
        // $0.242 + ($0.00715 fee + $0.143 on the user's key) + $0.132 = $0.52415.
        #expect((try #require(o4.billed) * 1e6).rounded() == 524_150)
        #expect(history.completeMonths().map(\.month) == [CalendarMonth(year: 2026, month: 1)])
    }

    @Test func aLaterOpenRouterSaveWithOtherFiguresChangesTheDay() throws {
        let store = try UsageStore.inMemory()
        func save(_ requests: Int) throws -> String {
            try Fixture.write(#"{"data": [{"date": "2026-01-05", "model": "openai/o4-mini", "model_permaslug": "openai/o4-mini-2025-04-16", "endpoint_id": "e-1", "provider_name": "OpenAI", "usage": 0.01, "byok_usage_inference": 0, "requests": \#(requests), "prompt_tokens": 1000, "completion_tokens": 100, "reasoning_tokens": 0}]}"#,
                              name: "activity.json")
        }
        _ = try store.importFile(try save(4), format: .openrouter)
        let later = try store.importFile(try save(5), format: .openrouter)
        #expect(later.bucketsChanged == 1 && later.bucketsAdded == 0)
        #expect(try store.history().months[0].figures.requests == 5)
    }

    @Test func overlappingVertexResponsesAreKeyedByHourModelAndLocation() throws {
        let store = try UsageStore.inMemory()
        let tokens = try store.importFile(Fixture.path("vertex-timeseries.json"), format: .vertex)
        #expect(tokens.bucketsAdded == 3)
        // The pages hold the same hours again, now with invocation counts: the three change, none is added.
        let pages = try store.importFile(Fixture.path("vertex-timeseries-pages.jsonl"), format: .vertex)
        #expect(pages.bucketsAdded == 0 && pages.bucketsChanged == 3)
        #expect(try store.importFile(Fixture.path("vertex-timeseries-pages.jsonl"), format: .vertex).changedNothing)
        let january = try store.history().months
        #expect(january.map(\.model) == ["google/gemini-2.5-flash", "google/gemini-2.5-pro"])
        // Pro: 600 + 500 requests; 1,500,000 + 1,500,000 input and 60,000 + 45,000 output tokens, counted once.
        let pro = january[1].figures
        #expect(pro.requests == 1_100 && pro.inputTokens == 3_000_000 && pro.outputTokens == 105_000 && pro.cacheWriteTokens == nil)
    }

    @Test func azureMonitorResponsesAreKeyedByHourModelAccountAndDeployment() throws {
        let store = try UsageStore.inMemory()
        let tokens = try store.importFile(Fixture.path("azure-monitor-metrics.json"), format: .azureMonitor)
        #expect(tokens.bucketsAdded == 5)
        // The CLI's file holds the same hours again, now with request counts: the five change, none is added.
        let cli = try store.importFile(Fixture.path("azure-monitor-cli.jsonl"), format: .azureMonitor)
        #expect(cli.bucketsAdded == 0 && cli.bucketsChanged == 5)
        #expect(try store.importFile(Fixture.path("azure-monitor-cli.jsonl"), format: .azureMonitor).changedNothing)
        let january = try store.history().months
        #expect(january.map(\.model) == ["azure/gpt-4o", "azure/gpt-4o-mini"])
        // gpt-4o: chat-prod 500 + 600 and chat-batch 100 requests; 1,200,000 + 1,500,000 + 300,000 input
        // and 45,000 + 60,000 + 9,000 output tokens, counted once.
        let gpt4o = january[0].figures
        #expect(gpt4o.requests == 1_200 && gpt4o.inputTokens == 3_000_000 && gpt4o.outputTokens == 114_000 && gpt4o.cacheWriteTokens == nil)
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
