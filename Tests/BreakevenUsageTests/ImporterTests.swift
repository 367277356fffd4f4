@testable import BreakevenUsage
import Testing

/// Each format's fixture, read record by record. Unix times: 2026-01-01T00:00Z is 1,767,225,600.
struct ImporterTests {
    @Test func openAIPageKeepsEachResultAsABucketOfItsWidth() throws {
        let sink = try ListSink.read(.openai, Fixture.path("openai-completions-1h.json"))
        #expect(sink.buckets.count == 2)
        let standard = sink.buckets[0], batch = sink.buckets[1]
        #expect(standard.start == 1_767_225_600 && standard.seconds == 3600)
        #expect(standard.model == "gpt-4o-mini-2024-07-18")
        #expect(standard.requests == 60 && standard.usage.input == 120_000 && standard.usage.cachedInput == 40_000 && standard.usage.output == 30_000)
        #expect(standard.batch == false && batch.batch == true)
        #expect(standard.dimensions.text == #"{"batch":"false"}"#)
        #expect(batch.requests == 20 && batch.usage.input == 50_000)
        // Two one-hour buckets, the second empty: the file covers 00:00 to 02:00.
        #expect(sink.covered! == (1_767_225_600, 1_767_232_800))
    }

    @Test func openAIJSONLinesAreOnePagePerLine() throws {
        let sink = try ListSink.read(.openai, Fixture.path("openai-completions-1d.jsonl"))
        #expect(sink.buckets.map(\.seconds) == [86_400, 86_400])
        #expect(sink.buckets.map(\.requests) == [5, 7])
        // Not grouped by batch: unknown, never false.
        #expect(sink.buckets.allSatisfy { $0.batch == nil })
        #expect(sink.buckets[0].dimensions.text == #"{"project_id":"proj_abc"}"#)
    }

    @Test func anthropicInputIsUncachedPlusCacheReadsPlusCacheWrites() throws {
        let sink = try ListSink.read(.anthropic, Fixture.path("anthropic-usage-report.json"))
        #expect(sink.buckets.count == 2)
        let b = sink.buckets[0]
        // 1,500 uncached + 200 cache reads + 500 (5m) + 1,000 (1h) cache writes = 3,200 prompt tokens.
        #expect(b.usage.input == 3200 && b.usage.cachedInput == 200 && b.usage.cacheWrite == 1500 && b.usage.output == 500)
        #expect(b.requests == nil)
        #expect(b.seconds == 86_400 && b.batch == false)
        #expect(sink.buckets[1].batch == true && sink.buckets[1].usage.cacheWrite == 0)
    }

    @Test func liteLLMRowsAreRequestsWithCacheFromTheUsageObject() throws {
        let sink = try ListSink.read(.litellm, Fixture.path("litellm-spend-logs.csv"))
        #expect(sink.requests.count == 3)
        #expect(sink.skipped == ["failed requests (status \"failure\")": 1])
        let first = sink.requests[0]
        // 2026-01-01 09:15:02 UTC = 1,767,225,600 + 9 × 3,600 + 15 × 60 + 2.
        #expect(first.time == 1_767_258_902)
        #expect(first.id == "chatcmpl-0a1b2c3d" && first.model == "gpt-4o-mini")
        #expect(first.usage.input == 1000 && first.usage.cachedInput == 768 && first.usage.output == 250)
        #expect(first.usage.billed == 0.00042 && first.usage.currency == "USD")
        let claude = sink.requests[2]
        #expect(claude.usage.input == 250_000 && claude.usage.cachedInput == 200_000 && claude.usage.cacheWrite == 10_000)
        // From the hour of the first request (09:00) to the end of the last one's (11:00).
        #expect(sink.covered! == (1_767_258_000, 1_767_265_200))
    }

    @Test func otelSpansWithTokenUsageAreRequests() throws {
        let sink = try ListSink.read(.otel, Fixture.path("otel-genai-traces.json"))
        // The HTTP child span has no usage: not a model call.
        #expect(sink.requests.count == 2)
        #expect(sink.requests[0].model == "gpt-4o-mini-2024-07-18")
        #expect(sink.requests[0].usage.cachedInput == 768 && sink.requests[0].time == 1_767_258_902)
        #expect(sink.requests[0].id == "5b8efff798038103d269b633813fc60c/eee19b7ec3c1b174")
        // No response model: the request model; an intValue written as a JSON number is accepted.
        #expect(sink.requests[1].model == "gpt-4o-mini" && sink.requests[1].usage.input == 3000)
        #expect(sink.requests[0].dimensions.text == #"{"gen_ai.operation.name":"chat","gen_ai.provider.name":"openai","service.name":"support-bot"}"#)
    }

    @Test func langfuseGenerationsAreRequestsWithEveryInputUsageType() throws {
        let sink = try ListSink.read(.langfuse, Fixture.path("langfuse-observations.json"))
        // A span, an event and a generation without usage (a timeout) are not model calls.
        #expect(sink.requests.map(\.id) == ["gen-1", "gen-2"])
        #expect(sink.skipped == ["generations without token usage": 1])
        let gpt = sink.requests[0], claude = sink.requests[1]
        // 2026-01-01T09:15:02.123Z = 1,767,225,600 + 9 × 3,600 + 15 × 60 + 2 (the fraction dropped).
        #expect(gpt.time == 1_767_258_902 && gpt.model == "gpt-4o-mini-2024-07-18")
        // usageDetails input 1,200 (uncached) + input_cached_tokens 800 = 2,000 prompt tokens.
        #expect(gpt.usage.input == 2000 && gpt.usage.cachedInput == 800 && gpt.usage.cacheWrite == nil && gpt.usage.output == 300)
        #expect(gpt.usage.billed == 0.00042 && gpt.usage.currency == "USD")
        #expect(gpt.dimensions.text == #"{"environment":"production","name":"classify"}"#)
        // 500 uncached + 4,000 cache reads + 1,500 cache writes = 6,000 prompt tokens.
        #expect(claude.usage.input == 6000 && claude.usage.cachedInput == 4000 && claude.usage.cacheWrite == 1500 && claude.usage.output == 700)
        // 10:40 = 1,767,225,600 + 10 × 3,600 + 40 × 60.
        #expect(claude.time == 1_767_264_000)
        // From the hour of the first generation (09:00) to the end of the last one's (11:00).
        #expect(sink.covered! == (1_767_258_000, 1_767_265_200))
    }

    @Test func langfuseJSONLinesAreOnePagePerLineAndOlderExportsUseTheUsageObject() throws {
        let sink = try ListSink.read(.langfuse, Fixture.path("langfuse-observations-pages.jsonl"))
        #expect(sink.requests.map(\.id) == ["gen-4", "gen-5"])
        // Page 1, an export from before usageDetails: usage.input 100, usage.output 20, no cost.
        let old = sink.requests[0]
        #expect(old.usage.input == 100 && old.usage.cachedInput == 0 && old.usage.output == 20 && old.usage.billed == nil)
        #expect(old.dimensions.text == #"{"name":"draft"}"#)
        // Page 2, line 2: 11:30+00:00 = 1,767,225,600 + 11 × 3,600 + 30 × 60.
        #expect(sink.requests[1].time == 1_767_267_000 && sink.requests[1].usage.input == 50)
        #expect(sink.requests[1].place?.line == 2)
    }

    @Test func langfuseV2PagesAreReadAsV1Pages() throws {
        let sink = try ListSink.read(.langfuse, Fixture.path("langfuse-observations-v2.json"))
        // Newest first, as the cursor orders them; two spans, an event and a generation without usage (a timeout) left out.
        #expect(sink.requests.map(\.id) == ["gen-7", "gen-2", "gen-1"])
        #expect(sink.skipped == ["generations without token usage": 1])
        let new = sink.requests[0], claude = sink.requests[1], gpt = sink.requests[2]
        // The model from "model" (the model field group); usageDetails 300 uncached + 1,700 cached = 2,000 prompt tokens.
        #expect(new.model == "gpt-4o-mini-2024-07-18" && new.usage.input == 2000 && new.usage.cachedInput == 1700)
        #expect(new.usage.cacheWrite == nil && new.usage.output == 150)
        // costDetails.total: 300 × $0.15/M + 1,700 × $0.075/M + 150 × $0.60/M = $0.000045 + $0.0001275 + $0.00009.
        #expect(new.usage.billed == 0.0002625 && new.usage.currency == "USD")
        // 11:20 = 1,767,225,600 + 11 × 3,600 + 20 × 60; on line 41, where data[1] opens.
        #expect(new.time == 1_767_266_400 && new.place?.line == 41 && new.place?.path == "data[1]")
        #expect(new.dimensions.text == #"{"environment":"production","name":"classify"}"#)
        // The same observations as langfuse-observations.json's, read to the same figures.
        let v1 = try ListSink.read(.langfuse, Fixture.path("langfuse-observations.json")).requests
        for (a, b) in zip([gpt, claude], v1) {
            #expect(a.id == b.id && a.model == b.model && a.time == b.time && a.usage == b.usage && a.dimensions == b.dimensions)
        }
        // 500 uncached + 4,000 cache reads + 1,500 cache writes = 6,000 prompt tokens.
        #expect(claude.usage.input == 6000 && claude.usage.cachedInput == 4000 && claude.usage.cacheWrite == 1500)
        // From the hour of the first generation (09:00) to the end of the last one's (11:20, so 12:00).
        #expect(sink.covered! == (1_767_258_000, 1_767_268_800))
    }

    @Test func langfuseV2LastPagesAndTheDocumentedModelKeyAreRead() throws {
        // JSON Lines of two v2 pages: the last one's meta is {} (no cursor: no more pages). The
        // second generation names its model as the API reference did until langfuse/langfuse#16946.
        let path = try Fixture.write("""
            {"data": [{"id": "g1", "traceId": "t1", "startTime": "2026-01-01T10:00:00.000Z", "endTime": null, "projectId": "p", "parentObservationId": null, "type": "GENERATION", "model": "gpt-4o", "usageDetails": {"input": 90, "input_cache_read": 10, "output": 5}, "costDetails": {}}], "meta": {"cursor": "eyJsYXN0SWQiOiJnMSJ9"}}
            {"data": [{"id": "g2", "traceId": "t2", "startTime": "2026-01-01T09:00:00.000Z", "endTime": null, "projectId": "p", "parentObservationId": null, "type": "GENERATION", "providedModelName": "gpt-4o-mini", "usageDetails": {"input": 40, "output": 4}, "costDetails": {"total": 0.25}}], "meta": {}}
            """, name: "pages.jsonl")
        let sink = try ListSink.read(.langfuse, path)
        #expect(sink.requests.map(\.model) == ["gpt-4o", "gpt-4o-mini"])
        // 90 + 10 cache reads = 100 prompt tokens; no cost total: nothing billed.
        #expect(sink.requests[0].usage.input == 100 && sink.requests[0].usage.cachedInput == 10 && sink.requests[0].usage.billed == nil)
        #expect(sink.requests[1].usage.input == 40 && sink.requests[1].usage.billed == 0.25 && sink.requests[1].place?.line == 2)
        // Without the basic field group there is no environment or name.
        #expect(sink.requests[1].dimensions.text == "{}")
    }

    @Test func heliconeExportLinesAddTheCacheToTheUncachedPrompt() throws {
        let sink = try ListSink.read(.helicone, Fixture.path("helicone-export.jsonl"))
        // Newest first, as the export tool sorts; a Helicone cache hit and a 429 without tokens are left out.
        #expect(sink.requests.map(\.id) == ["7b3c1d5e-9f2a-4e68-b0c4-3a5d7e9f1b26", "6d2e9f41-a7c3-4b58-9e06-1c4b8d7f2a93",
                                            "3f6c2a1e-8b4d-4e2a-9c71-0d5e8f2b7a10"])
        #expect(sink.skipped == [HeliconeRequestImporter.cacheHits: 1, "failed requests without tokens (status other than 2xx)": 1])
        let claude = sink.requests[1], gpt = sink.requests[2]
        // 2026-01-01T09:15:02.123Z = 1,767,225,600 + 9 × 3,600 + 15 × 60 + 2 (the fraction dropped).
        #expect(gpt.time == 1_767_258_902 && gpt.model == "gpt-4o-mini-2024-07-18")
        // Counts written as strings: prompt_tokens 1,200 (uncached) + prompt_cache_read_tokens 800 = 2,000 prompt tokens.
        #expect(gpt.usage.input == 2000 && gpt.usage.cachedInput == 800 && gpt.usage.cacheWrite == 0 && gpt.usage.output == 300)
        // 1,200 × $0.15/M + 800 × $0.075/M + 300 × $0.60/M = $0.00018 + $0.00006 + $0.00018.
        #expect(gpt.usage.billed == 0.00042 && gpt.usage.currency == "USD")
        #expect(gpt.dimensions.text == #"{"provider":"OPENAI"}"#)
        // 500 uncached + 4,000 cache reads + 1,500 cache writes = 6,000 prompt tokens.
        #expect(claude.usage.input == 6000 && claude.usage.cachedInput == 4000 && claude.usage.cacheWrite == 1500 && claude.usage.output == 700)
        // 500 × $3/M + 4,000 × $0.30/M + 1,500 × $3.75/M + 700 × $15/M = $0.0015 + $0.0012 + $0.005625 + $0.0105.
        #expect(claude.usage.billed == 0.018825)
        // 10:40 = 1,767,225,600 + 10 × 3,600 + 40 × 60; on the third line of the file.
        #expect(claude.time == 1_767_264_000 && claude.place?.line == 3)
        // From the hour of the first request (09:00) to the end of the last one's (11:05:30, so 12:00).
        let covered = try #require(sink.covered)
        #expect(covered == (1_767_258_000, 1_767_268_800))
    }

    @Test func heliconeQueryPagesKeepFailedRequestsThatCountedTokens() throws {
        let sink = try ListSink.read(.helicone, Fixture.path("helicone-query-clickhouse.json"))
        #expect(sink.requests.map(\.id) == ["8e0a2c4d-6f1b-4347-89db-e3f5a7b9c1d4", "2c4e6a8b-0d1f-4325-a7b9-c1d3e5f7a9b2",
                                            "7b3c1d5e-9f2a-4e68-b0c4-3a5d7e9f1b26"])
        #expect(sink.skipped.isEmpty)
        // Status -3, a stream the client cancelled, after 600 + 40 tokens: 600 × $0.15/M + 40 × $0.60/M = $0.000114.
        let cancelled = sink.requests[0]
        #expect(cancelled.usage.input == 600 && cancelled.usage.output == 40 && cancelled.usage.billed == 0.000114)
        // 2026-01-02T14:20:10.500Z = 1,767,225,600 + 86,400 + 14 × 3,600 + 20 × 60 + 10.
        let claude = sink.requests[1]
        #expect(claude.time == 1_767_363_610 && claude.model == "claude-sonnet-4-5-20250929" && claude.place?.path == "data[1]")
        // 3,000 × $3/M + 400 × $15/M = $0.009 + $0.006.
        #expect(claude.usage.input == 3000 && claude.usage.output == 400 && claude.usage.billed == 0.015)
    }

    @Test func heliconeCSVRowsAreRequestsByResponseIDWithoutCacheCounts() throws {
        let sink = try ListSink.read(.helicone, Fixture.path("helicone-export.csv"))
        #expect(sink.requests.map(\.id) == ["8d0f2b4c-6e8a-4cac-94f6-b8d0f2b4c6e8", "6b8d0f2a-4c6e-4a8a-b2d4-f6b8d0f2a4c6"])
        // A 500 and a cache hit, both without tokens (the CSV cannot tell a cache hit).
        #expect(sink.skipped == ["failed requests without tokens (status other than 2xx)": 1,
                                 "requests without tokens (logged tools and events; cache hits in a CSV)": 1])
        let claude = sink.requests[0], gpt = sink.requests[1]
        // No cache columns: 2,500 uncached prompt tokens; 2,500 × $3/M + 600 × $15/M = $0.0075 + $0.009.
        #expect(claude.usage.input == 2500 && claude.usage.cachedInput == 0 && claude.usage.cacheWrite == nil && claude.usage.output == 600)
        #expect(claude.usage.billed == 0.0165 && claude.dimensions == .none)
        // Its request body holds a line break (lines 4 and 5): the next row starts on line 6.
        #expect(claude.place?.line == 4 && gpt.place?.line == 6)
        // 2026-01-03T09:00Z = 1,767,225,600 + 2 × 86,400 + 9 × 3,600; 1,500 × $0.15/M + 200 × $0.60/M = $0.000345.
        #expect(gpt.time == 1_767_430_800 && gpt.usage.input == 1500 && gpt.usage.output == 200 && gpt.usage.billed == 0.000345)
        let covered = try #require(sink.covered)
        #expect(covered == (1_767_430_800, 1_767_434_400))
    }

    @Test func heliconeExportJSONIsAnArrayAndReasoningTokensAreOutput() throws {
        let path = try Fixture.write("""
            [
            {
              "request_id": "r-1", "request_created_at": "2026-01-01T00:30:00.000Z", "response_status": 200, "provider": "OPENAI",
              "request_model": "o4-mini", "response_model": "o4-mini-2025-04-16", "model_override": null,
              "prompt_tokens": 100, "prompt_cache_read_tokens": null, "prompt_cache_write_tokens": null,
              "completion_tokens": 50, "reasoning_tokens": 256, "cost": null, "costUSD": 0.001
            }
            ]
            """, name: "output.json")
        let request = try #require(try ListSink.read(.helicone, path).requests.first)
        // Without `model`, the served model: response_model before request_model (Helicone's calculateModel).
        #expect(request.model == "o4-mini-2025-04-16" && request.place?.path == "[0]")
        // 50 completion tokens + 256 reasoning tokens, which Helicone counts apart; no cache counts.
        #expect(request.usage.input == 100 && request.usage.cachedInput == 0 && request.usage.cacheWrite == nil && request.usage.output == 306)
        // `cost` null: the older endpoint's `costUSD`.
        #expect(request.usage.billed == 0.001)
    }

    @Test func openRouterRowsAreDailyBucketsOfTheModelSlugByEndpoint() throws {
        let sink = try ListSink.read(.openrouter, Fixture.path("openrouter-activity.json"))
        #expect(sink.buckets.count == 5 && sink.skipped.isEmpty)
        #expect(sink.buckets.allSatisfy { $0.seconds == 86_400 && $0.batch == nil && $0.usage.currency == "USD" })
        let o4 = sink.buckets[0], deepInfra = sink.buckets[1], together = sink.buckets[2], byok = sink.buckets[3]
        // 2026-01-01 and 2026-01-02 = 1,767,225,600 + 86,400.
        #expect(o4.start == 1_767_225_600 && byok.start == 1_767_312_000)
        #expect(o4.model == "openai/o4-mini" && o4.place?.path == "data[0]" && o4.place?.line == 3)
        // 18,000 reasoning tokens are a part of the 30,000 completion tokens, not added to them;
        // no cache split: no cached input, cache writes unknown.
        #expect(o4.requests == 40 && o4.usage.input == 100_000 && o4.usage.output == 30_000)
        #expect(o4.usage.cachedInput == 0 && o4.usage.cacheWrite == nil)
        // 100,000 × $1.10/M + 30,000 × $4.40/M = $0.11 + $0.132.
        #expect(o4.usage.billed == 0.242)
        #expect(o4.dimensions.text == #"{"endpoint_id":"2f5c8a1e-7b3d-4c9e-a6f0-1d8e4b7c3a52","model_permaslug":"openai/o4-mini-2025-04-16","provider_name":"OpenAI"}"#)
        // One model from two providers that day: two buckets, told apart by provider and endpoint.
        #expect(deepInfra.model == together.model && deepInfra.start == together.start && deepInfra.dimensions != together.dimensions)
        #expect(together.dimensions.text.contains(#""provider_name":"Together""#) && together.usage.billed == 0.0792)
        // BYOK: OpenRouter's 5% fee $0.00715 from the credits + $0.143 the provider billed on the
        // user's key (50,000 × $1.10/M + 20,000 × $4.40/M = $0.055 + $0.088) = $0.15015 paid.
        #expect(byok.requests == 10 && byok.usage.input == 50_000 && byok.usage.output == 20_000)
        #expect((try #require(byok.usage.billed) * 1e6).rounded() == 150_150)
        // The first row's day to the end of the last one's: 2026-01-01 to 2026-01-04 (+ 3 × 86,400).
        let covered = try #require(sink.covered)
        #expect(covered == (1_767_225_600, 1_767_484_800))
    }

    @Test func openRouterSavesAsJSONLinesKeepEachDayOnce() throws {
        let sink = try ListSink.read(.openrouter, Fixture.path("openrouter-activity-saves.jsonl"))
        // Both saves hold 2026-01-10 of DeepInfra: it is taken once, from the second save (line 2).
        #expect(sink.skipped == [OpenRouterActivityImporter.repeated: 1])
        // 2025-12-31, 2026-01-01, 2026-01-10 (+ 9 × 86,400), 2026-01-31 (+ 30 × 86,400).
        #expect(sink.buckets.map(\.start) == [1_767_139_200, 1_767_225_600, 1_768_003_200, 1_769_817_600])
        #expect(sink.buckets.map(\.requests) == [50, 40, 30, 20])
        #expect(sink.buckets[2].place?.line == 2 && sink.buckets[2].place?.path == "data[0]")
        // 2025-12-31 to the end of 2026-01-31: all of January.
        let covered = try #require(sink.covered)
        #expect(covered == (1_767_139_200, 1_769_904_000))
    }

    @Test func aLaterOpenRouterSaveInTheFileReplacesAnEarlierOnesRow() throws {
        func save(_ requests: Int, _ usage: String) -> String {
            #"{"data": [{"date": "2026-01-05", "model": "openai/o4-mini", "model_permaslug": "openai/o4-mini-2025-04-16", "endpoint_id": "e-1", "provider_name": "OpenAI", "usage": \#(usage), "byok_usage_inference": 0, "requests": \#(requests), "prompt_tokens": 1000, "completion_tokens": 100, "reasoning_tokens": 0, "workspace_id": "w-1"}]}"#
        }
        let path = try Fixture.write(save(4, "0.01") + "\n" + save(5, "0.0125") + "\n", name: "saves.jsonl")
        let sink = try ListSink.read(.openrouter, path)
        // Never summed: 5 requests and $0.0125, the second line's figures.
        #expect(sink.buckets.count == 1 && sink.buckets[0].requests == 5 && sink.buckets[0].usage.billed == 0.0125)
        #expect(sink.buckets[0].dimensions.text.contains(#""workspace_id":"w-1""#))
    }

    @Test func aClaudeCodeTranscriptCountsEachResponseOnceAtItsLastStreamedEntry() throws {
        let sink = try ListSink.read(.claudeCode, Fixture.path("claude-code-session.jsonl"))
        // Three API responses on 13 lines: a summary, a file snapshot, three user entries, a system
        // entry and a sub-agent's progress are passed over; the API error Claude Code wrote itself
        // (model <synthetic>) is left out and counted.
        #expect(sink.requests.map(\.id) == ["msg_01HkT7yQ3mVb8RcJ2pWfXa4L", "msg_01Vn5sJ8dWq2LtYc6PbR9mKe", "msg_01Qz4Xc7Ls2Mb9Nd6Fr3Wt8Y"])
        #expect(sink.skipped == [ClaudeCodeTranscriptImporter.synthetic: 1] && sink.notes.isEmpty)
        let first = sink.requests[0], opus = sink.requests[2]
        // The first response streamed as three entries (thinking, text, tool call) with 9, 9 and 412
        // output tokens: the last is read, at its time. 2026-01-05T09:15:06.337Z = 1,767,225,600 +
        // 4 × 86,400 + 9 × 3,600 + 15 × 60 + 6.
        #expect(first.usage.output == 412 && first.time == 1_767_604_506 && first.place?.line == 6)
        // 3 uncached + 12,840 cache reads + 5,310 cache writes = 18,153 prompt tokens.
        #expect(first.usage.input == 18_153 && first.usage.cachedInput == 12_840 && first.usage.cacheWrite == 5_310)
        #expect(first.model == "claude-sonnet-4-5-20250929" && first.batch == false && first.usage.billed == nil)
        #expect(first.dimensions.text == #"{"service_tier":"standard"}"#)
        // After /model opus: 10 uncached + 22,016 written to the 1-hour cache.
        #expect(opus.model == "claude-opus-4-5-20251101" && opus.usage.input == 22_026 && opus.usage.cacheWrite == 22_016
                && opus.usage.cachedInput == 0 && opus.usage.output == 1_530)
        // From the hour of the first response (09:15) to the end of the last one's (09:41, so 10:00).
        let covered = try #require(sink.covered)
        #expect(covered == (1_767_603_600, 1_767_607_200))
    }

    @Test func aSubAgentsTranscriptIsReadLikeItsSessions() throws {
        let sink = try ListSink.read(.claudeCode, Fixture.path("claude-code-subagent.jsonl"))
        #expect(sink.requests.map(\.model) == ["claude-haiku-4-5-20251001", "claude-haiku-4-5-20251001"])
        // The grep call on two entries (12, then 96 output tokens): the second, on line 3.
        let grep = sink.requests[0], answer = sink.requests[1]
        #expect(grep.usage.input == 4_210 && grep.usage.output == 96 && grep.usage.cacheWrite == 0 && grep.place?.line == 3)
        // 5 uncached + 4,203 cache reads.
        #expect(answer.usage.input == 4_208 && answer.usage.cachedInput == 4_203 && answer.usage.output == 240)
    }

    @Test func aResumedTranscriptCutShortLeavesItsLastLineOutWithANote() throws {
        let sink = try ListSink.read(.claudeCode, Fixture.path("claude-code-resumed.jsonl"))
        // The response copied from the earlier session (known by its id on import), and a new one.
        #expect(sink.requests.map(\.id) == ["msg_01Vn5sJ8dWq2LtYc6PbR9mKe", "msg_01Fm9Rt2Wy5Kc8Hq3Dv6Xs4J"])
        // 8 uncached + 19,354 cache reads + 2,950 cache writes.
        #expect(sink.requests[1].usage.input == 22_312 && sink.requests[1].usage.output == 615)
        // Line 6 ends inside a string, with no newline after it.
        #expect(sink.notes.map(\.place) == [UsagePlace(line: 6, column: 505)])
        #expect(sink.notes.map(\.message) == [ClaudeCodeTranscriptImporter.cutShort])
    }

    @Test func anEmptyTranscriptOrOneCutShortHoldsNoResponse() throws {
        // A session opened and left at once; one killed while writing its first entry.
        let empty = try ListSink.read(.claudeCode, try Fixture.write("", name: "empty.jsonl"))
        #expect(empty.requests.isEmpty && empty.notes.isEmpty && empty.covered == nil)
        let cut = try ListSink.read(.claudeCode, try Fixture.write(
            #"{"type":"assistant","timestamp":"2026-01-05T09:15:02.481Z","message":{"id":"msg_1","usage":{"input_tok"#, name: "cut.jsonl"))
        // The line's 102 characters end inside a key: its JSON broke off at column 103.
        #expect(cut.requests.isEmpty && cut.notes.map(\.place) == [UsagePlace(line: 1, column: 103)])
    }

    @Test func aSideQuestionsReplayYieldsToTheParentsResponse() throws {
        // A /btw side question's transcript repeats a parent's response under a new requestId, with
        // isSidechain: the parent's entry is read whichever comes first (ccusage/ccusage#913).
        func entry(_ request: String, sidechain: Bool, read: Int, id: String = #""id":"msg_1","#) -> String {
            #"{"type":"assistant","isSidechain":\#(sidechain),"timestamp":"2026-01-05T10:00:00.000Z","requestId":"\#(request)","message":{\#(id)"model":"claude-sonnet-4-5-20250929","usage":{"input_tokens":2,"cache_read_input_tokens":\#(read),"output_tokens":10}}}"#
        }
        let path = try Fixture.write([entry("req_replay", sidechain: true, read: 50_000), entry("req_parent", sidechain: false, read: 20),
                                      entry("req_2", sidechain: false, read: 0, id: ""), entry("", sidechain: false, read: 0, id: "")]
                                        .joined(separator: "\n") + "\n", name: "side.jsonl")
        let sink = try ListSink.read(.claudeCode, path)
        // Without message.id, requestId names the response; without either it cannot be counted once.
        #expect(sink.requests.map(\.id) == ["msg_1", "requestId:req_2"])
        #expect(sink.requests[0].usage.cachedInput == 20 && sink.requests[0].usage.cacheWrite == nil)
        #expect(sink.skipped == [ClaudeCodeTranscriptImporter.withoutID: 1])
    }

    /// The keys of Codex's responses in the fixtures: the parent session's id and the running total
    /// (input, cached, output, reasoning, total) after each.
    static let codexSession = "0199b3c4-7d2e-7a41-9c58-3e6f1a2b4d07"
    static let codexKeys = ["12000,3072,450,256,12450", "25100,14976,1270,768,26370", "39600,27776,1570,832,41170",
                            "55600,42112,2180,960,57780", "38500,27264,1970,1088,40470"].map { codexSession + ":" + $0 }

    @Test func aCodexRolloutCountsEachResponseOnceByItsRunningTotal() throws {
        let sink = try ListSink.read(.codex, Fixture.path("codex-session.jsonl"))
        // Three responses on 20 lines: a token count of rate limits only (info null) is left out, and
        // the first response's count written again at 09:00:09 with its total unchanged is read once.
        #expect(sink.requests.map(\.id) == Array(Self.codexKeys.prefix(3)))
        #expect(sink.skipped == [CodexRolloutImporter.rateLimitsOnly: 1, CodexRolloutImporter.repeated: 1] && sink.notes.isEmpty)
        let first = sink.requests[0], second = sink.requests[1], third = sink.requests[2]
        // input_tokens hold the cached ones; output_tokens the 256 reasoning ones. 2026-01-12T09:00:07.412Z
        // = 1,767,225,600 + 11 × 86,400 + 9 × 3,600 + 7.
        #expect(first.usage.input == 12_000 && first.usage.cachedInput == 3_072 && first.usage.output == 450 && first.usage.cacheWrite == nil)
        #expect(first.time == 1_768_208_407 && first.place?.line == 9 && first.usage.billed == nil && first.batch == nil)
        // last_token_usage, which is the total's gain: 25,100 − 12,000 = 13,100 prompt tokens,
        // 14,976 − 3,072 = 11,904 cached, 1,270 − 450 = 820 output.
        #expect(second.usage.input == 13_100 && second.usage.cachedInput == 11_904 && second.usage.output == 820)
        // The model of the latest turn_context: the second turn switched to gpt-5.
        #expect(sink.requests.map(\.model) == ["gpt-5-codex", "gpt-5-codex", "gpt-5"])
        #expect(third.usage.input == 14_500 && third.usage.cachedInput == 12_800 && third.usage.output == 300)
        // From the hour of the first response (09:00, 1,768,176,000 + 9 × 3,600) to the end of the last
        // one's (10:02, so 11:00).
        let covered = try #require(sink.covered)
        #expect(covered == (1_768_208_400, 1_768_215_600))
    }

    @Test func aResumedCodexSessionIsItsFileGrownAndItsCutLineIsLeftOutWithANote() throws {
        let sink = try ListSink.read(.codex, Fixture.path("codex-resumed.jsonl"))
        // `codex resume` appends to the session's own file: its three responses under the same keys,
        // the seeded total written again on resuming (read once), and one new response.
        #expect(sink.requests.map(\.id) == Array(Self.codexKeys.prefix(4)))
        #expect(sink.skipped == [CodexRolloutImporter.rateLimitsOnly: 1, CodexRolloutImporter.repeated: 2])
        // 55,600 − 39,600 = 16,000 prompt tokens, 42,112 − 27,776 = 14,336 cached, 2,180 − 1,570 = 610 output,
        // on 2026-01-13 at 08:30:25 (1,768,262,400 + 8 × 3,600 + 30 × 60 + 25).
        let resumed = sink.requests[3]
        #expect(resumed.usage.input == 16_000 && resumed.usage.cachedInput == 14_336 && resumed.usage.output == 610)
        #expect(resumed.time == 1_768_293_025 && resumed.model == "gpt-5-codex")
        // Line 28's 139 characters end inside a string, with no newline after it.
        #expect(sink.notes.map(\.place) == [UsagePlace(line: 28, column: 140)])
        #expect(sink.notes.map(\.message) == [CodexRolloutImporter.cutShort])
    }

    @Test func aCodexForksCopiedHistoryKeepsItsParentsKeys() throws {
        let sink = try ListSink.read(.codex, Fixture.path("codex-fork.jsonl"))
        // The fork's own session_meta, then the parent's lines up to its second question, the
        // parent's session_meta first, restamped at 11:15:03: the copied responses follow the
        // parent's id and keep its keys; the fork's new response continues the parent's total.
        #expect(sink.requests.map(\.id) == [Self.codexKeys[0], Self.codexKeys[1], Self.codexKeys[4]])
        // The copied re-emission and the seeded total written again before the fork's response: read once.
        #expect(sink.skipped == [CodexRolloutImporter.rateLimitsOnly: 1, CodexRolloutImporter.repeated: 2])
        // 38,500 − 25,100 = 13,400 prompt tokens, 27,264 − 14,976 = 12,288 cached, 1,970 − 1,270 = 700 output.
        let fork = sink.requests[2]
        #expect(fork.usage.input == 13_400 && fork.usage.cachedInput == 12_288 && fork.usage.output == 700 && fork.model == "gpt-5-codex")
        #expect(sink.requests[0].time == 1_768_216_503)
    }

    static func codexLine(_ time: String, _ type: String, _ payload: String) -> String {
        #"{"timestamp":"2026-01-12T\#(time)Z","type":"\#(type)","payload":\#(payload)}"#
    }

    static func codexTokenCount(_ time: String, total: String, last: String? = nil) -> String {
        let last = last.map { #","last_token_usage":{\#($0)}"# } ?? ""
        return codexLine(time, "event_msg", #"{"type":"token_count","info":{"total_token_usage":{\#(total)}\#(last)},"rate_limits":null}"#)
    }

    static let codexMeta = codexLine("09:00:00.000", "session_meta", #"{"id":"s-1","timestamp":"2026-01-12T09:00:00.000Z"}"#)

    @Test func aCodexLogWithoutLastTokenUsageIsReadAsTheGainsOfItsRunningTotal() throws {
        func total(_ i: Int, _ c: Int, _ o: Int, _ r: Int) -> String {
            #""input_tokens":\#(i),"cached_input_tokens":\#(c),"output_tokens":\#(o),"reasoning_output_tokens":\#(r),"total_tokens":\#(i + o)"#
        }
        let path = try Fixture.write([Self.codexMeta, Self.codexLine("09:00:00.010", "turn_context", #"{"model":"gpt-5"}"#),
                                      Self.codexTokenCount("09:00:05.000", total: total(1_000, 200, 100, 50)),
                                      Self.codexTokenCount("09:00:06.000", total: total(1_000, 200, 100, 50)),
                                      Self.codexTokenCount("09:00:09.000", total: total(2_500, 1_200, 300, 90)),
                                      // Codex filled the context window: the total restarts at 272,000 tokens of no kind.
                                      Self.codexTokenCount("09:00:12.000", total: #""input_tokens":0,"output_tokens":0,"total_tokens":272000"#,
                                                           last: #""input_tokens":0,"output_tokens":0,"total_tokens":269200"#)]
                                        .joined(separator: "\n") + "\n", name: "old.jsonl")
        let sink = try ListSink.read(.codex, path)
        // The first total whole; then 2,500 − 1,000 = 1,500 prompt tokens, 1,200 − 200 = 1,000 cached,
        // 300 − 100 = 200 output. The unchanged total and the window filled add no tokens.
        #expect(sink.requests.map(\.usage) == [TokenUsage(input: 1_000, cachedInput: 200, output: 100),
                                               TokenUsage(input: 1_500, cachedInput: 1_000, output: 200)])
        #expect(sink.skipped == [CodexRolloutImporter.noNewTokens: 2])
    }

    @Test func aCodexLogWithoutTokenCountsOrAModelSaysSo() throws {
        // Codex before 0.33: a bare header, then raw response items, no token counts.
        let older = try ListSink.read(.codex, try Fixture.write(#"""
            {"id":"5973b6c0-94b8-487b-a530-2aeb6098ae0e","timestamp":"2025-05-07T17:24:21.123Z","instructions":null}
            {"record_type":"state"}
            {"type":"message","role":"user","content":[{"type":"input_text","text":"Hi"}]}

            """#, name: "rollout-2025-05-07T17-24-21-5973b6c0-94b8-487b-a530-2aeb6098ae0e.jsonl"))
        #expect(older.requests.isEmpty && older.skipped == [CodexRolloutImporter.olderLayout: 3] && older.covered == nil)
        #expect(older.notes.map(\.place) == [UsagePlace(line: 1, column: 1)] && older.notes.map(\.message) == [CodexRolloutImporter.noTokenCounts])
        // A token count before any turn_context: gpt-5, with a note at its line.
        let early = try ListSink.read(.codex, try Fixture.write([Self.codexMeta, Self.codexTokenCount(
            "09:00:05.000", total: #""input_tokens":900,"output_tokens":40,"total_tokens":940"#)].joined(separator: "\n") + "\n", name: "early.jsonl"))
        #expect(early.requests.map(\.model) == ["gpt-5"] && early.requests.map(\.usage.input) == [900])
        #expect(early.notes.map(\.place) == [UsagePlace(line: 2, column: 1)] && early.notes.map(\.message) == [CodexRolloutImporter.fallbackNote])
    }

    @Test func focusTakesTokenRowsByKindAndLeavesOutTaxAndHours() throws {
        let sink = try ListSink.read(.focus, Fixture.path("focus-1.2-ai.csv"))
        #expect(sink.buckets.count == 3)
        #expect(sink.buckets.map(\.usage.input) == [1_200_000, 400_000, 0])
        #expect(sink.buckets.map(\.usage.cachedInput) == [0, 400_000, 0])
        // 300 units of "1000 Tokens".
        #expect(sink.buckets[2].usage.output == 300_000)
        // EffectiveCost, not BilledCost (2.70 after a discount, not 3.00).
        #expect(sink.buckets.map(\.usage.billed) == [3.0, 0.5, 2.7])
        #expect(sink.buckets.allSatisfy { $0.model == "gpt-4o" && $0.requests == nil && $0.seconds == 86_400 })
        #expect(sink.skipped == ["rows whose ChargeCategory is not Usage": 1, "rows measured in units other than tokens": 1])
    }

    @Test func bedrockUsageTypesNameRegionModelAndTokenKind() throws {
        let sink = try ListSink.read(.bedrockCUR, Fixture.path("bedrock-cur2.csv"))
        #expect(sink.buckets.count == 4)
        #expect(sink.buckets.allSatisfy { $0.model == "Claude3.5Sonnet" && $0.batch == false })
        let total = sink.buckets.reduce((0, 0, 0, 0)) { ($0.0 + $1.usage.input, $0.1 + $1.usage.cachedInput, $0.2 + ($1.usage.cacheWrite ?? 0), $0.3 + $1.usage.output) }
        // Input lines 2,000,000 + cache reads 500,000 + cache writes 100,000 = 2,600,000 prompt tokens.
        #expect(total == (2_600_000, 500_000, 100_000, 100_000))
        #expect(sink.skipped == ["line items that are not Bedrock token usage": 1, "Bedrock line items that are not usage (Tax)": 1])
        #expect(BedrockCURImporter.parse(usageType: "USW2-Llama3-3-70B-mantle-input-tokens-flex")?.model == "Llama3-3-70B")
        #expect(BedrockCURImporter.parse(usageType: "USW2-Llama3-3-70B-mantle-input-tokens-flex")?.tier == "flex")
    }

    @Test func timestampsInEveryFormTheExportsWrite() {
        #expect(Timestamp.parse("2026-01-01T00:00:00Z") == 1_767_225_600)
        #expect(Timestamp.parse("2026-01-01 09:15:02.123") == 1_767_258_902)
        #expect(Timestamp.parse("2026-01-01 09:15:02.123+00") == 1_767_258_902)
        // 11:15 at +02:00 is 09:15 UTC.
        #expect(Timestamp.parse("2026-01-01T11:15:02+02:00") == 1_767_258_902)
        #expect(Timestamp.parse("2026-01-01") == 1_767_225_600)
        #expect(Timestamp.parse("2026-02-30T00:00:00Z") == nil)
        #expect(Timestamp.parse("yesterday") == nil)
    }

    @Test func vertexTokenCountsAreHourlyBucketsOfThePublisherModel() throws {
        let sink = try ListSink.read(.vertex, Fixture.path("vertex-timeseries.json"))
        // One call lists one metric type: token_count only, so no invocation counts and requests unknown.
        #expect(sink.skipped.isEmpty)
        #expect(sink.buckets.count == 3 && sink.buckets.allSatisfy { $0.seconds == 3600 && $0.requests == nil && $0.batch == nil })
        let pro11 = sink.buckets[0], pro10 = sink.buckets[1], flash = sink.buckets[2]
        // 2026-01-15 11:00 and 10:00 UTC = 1,767,225,600 + 14 × 86,400 + 11 (10) × 3,600.
        #expect(pro11.start == 1_768_474_800 && pro10.start == 1_768_471_200 && flash.start == 1_768_471_200)
        #expect(pro11.model == "google/gemini-2.5-pro" && flash.model == "google/gemini-2.5-flash")
        #expect(pro11.dimensions.text == #"{"location":"us-central1"}"# && pro11.place?.path == "timeSeries[0].points[0]")
        #expect(pro11.usage.input == 1_500_000 && pro11.usage.output == 60_000)
        // 10:00 of Pro: 1,200,000 shared + 300,000 dedicated (Provisioned Throughput) input tokens.
        #expect(pro10.usage.input == 1_500_000 && pro10.usage.output == 45_000)
        #expect(flash.usage.input == 800_000 && flash.usage.output == 20_000)
        // No cache split: no cached input, cache writes unknown.
        #expect(sink.buckets.allSatisfy { $0.usage.cachedInput == 0 && $0.usage.cacheWrite == nil && $0.usage.billed == nil })
        // 10:00 to 12:00 UTC.
        let covered = try #require(sink.covered)
        #expect(covered == (1_768_471_200, 1_768_478_400))
    }

    @Test func vertexInvocationCountsOfASecondPageAreTheRequestsOfTheSuccessfulOnes() throws {
        let sink = try ListSink.read(.vertex, Fixture.path("vertex-timeseries-pages.jsonl"))
        #expect(sink.skipped == [VertexMonitoringImporter.otherMetric: 1, VertexMonitoringImporter.failed: 1])
        // Pro 11:00: 600 requests; 10:00: 500 (the 7 answered 429 left out); Flash 10:00: 400.
        #expect(sink.buckets.map(\.requests) == [600, 500, 400])
        #expect(sink.buckets.map(\.usage.input) == [1_500_000, 1_500_000, 800_000])
    }

    @Test func aVertexPointRepeatedByALaterResponseIsTakenOnce() throws {
        func page(_ tokens: Int) -> String {
            #"{"timeSeries": [{"metric": {"type": "aiplatform.googleapis.com/publisher/online_serving/token_count", "labels": {"type": "output"}}, "resource": {"type": "aiplatform.googleapis.com/PublisherModel", "labels": {"publisher": "google", "model_user_id": "gemini-2.5-flash", "location": "global"}}, "metricKind": "DELTA", "valueType": "INT64", "points": [{"interval": {"startTime": "2026-01-15T00:00:00Z", "endTime": "2026-01-16T00:00:00Z"}, "value": {"int64Value": "\#(tokens)"}}]}]}"#
        }
        let path = try Fixture.write(page(100) + "\n" + page(120) + "\n", name: "saves.jsonl")
        let sink = try ListSink.read(.vertex, path)
        // Never summed: the day's 120 output tokens, the second line's.
        #expect(sink.skipped == [MonitoringPoint.repeated: 1])
        #expect(sink.buckets.count == 1 && sink.buckets[0].usage.output == 120 && sink.buckets[0].seconds == 86_400)
    }

    @Test func azureMonitorTokenMetricsAreHourlyBucketsOfTheModelAndDeployment() throws {
        let sink = try ListSink.read(.azureMonitor, Fixture.path("azure-monitor-metrics.json"))
        // TotalTokens (input plus output again) is left out; no request metric: requests unknown.
        #expect(sink.skipped == [AzureMonitorImporter.otherMetric: 1])
        #expect(sink.buckets.count == 5 && sink.buckets.allSatisfy { $0.seconds == 3600 && $0.requests == nil && $0.batch == nil })
        let prod10 = sink.buckets[0], prod11 = sink.buckets[1], classify10 = sink.buckets[2], classify11 = sink.buckets[3], batch10 = sink.buckets[4]
        // 2026-01-15 10:00 UTC = 1,767,225,600 (2026-01-01) + 14 × 86,400 + 10 × 3,600.
        #expect(prod10.start == 1_768_471_200 && prod11.start == 1_768_474_800 && batch10.start == 1_768_471_200)
        #expect(prod10.model == "azure/gpt-4o" && classify10.model == "azure/gpt-4o-mini" && batch10.model == "azure/gpt-4o")
        #expect(prod10.dimensions.text == #"{"account":"contoso-openai","deployment":"chat-prod"}"#)
        #expect(batch10.dimensions.text == #"{"account":"contoso-openai","deployment":"chat-batch"}"#)
        #expect(prod10.place?.path == "value[0].timeseries[0].data[0]")
        #expect(prod10.usage.input == 1_200_000 && prod10.usage.output == 45_000)
        #expect(prod11.usage.input == 1_500_000 && prod11.usage.output == 60_000)
        #expect(classify10.usage.input == 800_000 && classify10.usage.output == 20_000)
        #expect(classify11.usage.input == 650_000 && classify11.usage.output == 16_000)
        // The second deployment of gpt-4o is a bucket of its own: 300,000 in, 9,000 out.
        #expect(batch10.usage.input == 300_000 && batch10.usage.output == 9_000)
        // No cache split: no cached input, cache writes unknown.
        #expect(sink.buckets.allSatisfy { $0.usage.cachedInput == 0 && $0.usage.cacheWrite == nil && $0.usage.billed == nil })
        // 10:00 to 13:00 UTC: the 12:00 points without a total (nothing reported) make no bucket but are covered.
        let covered = try #require(sink.covered)
        #expect(covered == (1_768_471_200, 1_768_482_000))
    }

    @Test func azureMonitorRequestsAsTheCLIPrintsThemAreTheSuccessfulOnes() throws {
        let sink = try ListSink.read(.azureMonitor, Fixture.path("azure-monitor-cli.jsonl"))
        // chat-prod 10:00: 500 answered 200, the 7 answered 429 left out (11:00's 0 of them is no request).
        #expect(sink.skipped == [AzureMonitorImporter.failed: 1])
        // chat-prod 10:00 and 11:00, classify 10:00 and 11:00, chat-batch 10:00.
        #expect(sink.buckets.map(\.requests) == [500, 600, 400, 380, 100])
        #expect(sink.buckets.map(\.usage.input) == [1_200_000, 1_500_000, 800_000, 650_000, 300_000])
        // The CLI writes interval "1:00:00" (a timedelta) and times "…+00:00": the same hours.
        #expect(sink.buckets.allSatisfy { $0.seconds == 3600 } && sink.buckets[1].start == 1_768_474_800)
    }

    @Test func anAzurePointRepeatedByALaterResponseIsTakenOnceAndADayIsABucket() throws {
        func response(_ tokens: Int) -> String {
            #"{"timespan": "2026-01-15T00:00:00Z/2026-01-16T00:00:00Z", "interval": "P1D", "value": ["#
                + ["InputTokens", "OutputTokens"].map { #"{"id": "x", "name": {"value": "\#($0)"}, "unit": "Count", "timeseries": [{"metadatavalues": [{"name": {"value": "modeldeploymentname"}, "value": "mini"}, {"name": {"value": "modelname"}, "value": "gpt-4o-mini"}], "data": [{"timeStamp": "2026-01-15T00:00:00Z", "total": \#(tokens)}]}]}"# }.joined(separator: ", ")
                + "]}"
        }
        let path = try Fixture.write(response(100) + "\n" + response(120) + "\n", name: "saves.jsonl")
        let sink = try ListSink.read(.azureMonitor, path)
        // Never summed: the day's 120 input and 120 output tokens, the second line's.
        #expect(sink.skipped == [MonitoringPoint.repeated: 2])
        #expect(sink.buckets.count == 1 && sink.buckets[0].usage.input == 120 && sink.buckets[0].usage.output == 120)
        #expect(sink.buckets[0].seconds == 86_400 && sink.buckets[0].dimensions.text == #"{"deployment":"mini"}"#)
    }

    @Test func azureOpenAIsOwnTokenMetricsAreReadAlikeWhereSplitByModel() throws {
        let response = ImportErrorTests.azureResponse.replacingOccurrences(of: #"{"value": "InputTokens"}"#, with: #"{"value": "ProcessedPromptTokens"}"#)
            .replacingOccurrences(of: #"{"value": "OutputTokens"}"#, with: #"{"value": "GeneratedTokens"}"#)
        let sink = try ListSink.read(.azureMonitor, try Fixture.write(response + "\n", name: "metrics.json"))
        // The hour's 1,200 prompt tokens; GeneratedTokens has no series: 0 output tokens.
        #expect(sink.buckets.count == 1 && sink.buckets[0].usage.input == 1_200 && sink.buckets[0].usage.output == 0)
        #expect(sink.buckets[0].model == "azure/gpt-4o" && sink.buckets[0].dimensions.text == #"{"account":"a","deployment":"chat"}"#)
    }

    @Test func azureDurationsAreReadAsTheAPIAndTheCLIWriteThem() {
        #expect(AzureMonitorImporter.duration("PT1H") == 3600 && AzureMonitorImporter.duration("P1D") == 86_400)
        #expect(AzureMonitorImporter.duration("PT15M") == 900 && AzureMonitorImporter.duration("P1DT12H") == 129_600)
        // Python's str(timedelta): 1:00:00, 1 day, 0:00:00.
        #expect(AzureMonitorImporter.duration("1:00:00") == 3600 && AzureMonitorImporter.duration("1 day, 0:00:00") == 86_400)
        #expect(AzureMonitorImporter.duration("FULL") == nil && AzureMonitorImporter.duration("PT") == nil
                && AzureMonitorImporter.duration("P1H") == nil && AzureMonitorImporter.duration("1:0:00") == nil)
    }
}
