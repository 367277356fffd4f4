import Testing
@testable import BreakevenCore

/// Cache writes, batch with caching, service tiers and provider rules (issue 14), each bill worked
/// out by hand in the comment, the way genai-prices' `calc_price` and LiteLLM's cost functions bill.
@Suite("Cache writes, batch cache prices, tiers and provider rules")
struct CachePricingTests {
    /// Claude Sonnet 4.5 as LiteLLM 1.110.2 lists it (`claude-sonnet-4-5`): $3 in, $0.30 cache read,
    /// $3.75 cache write, $6 1-hour write, $15 out; batches $1.50 / $0.15 / $1.875 / $7.50.
    static let sonnet = ModelPrice(
        id: "anthropic/claude-sonnet-4-5", provider: "anthropic", effectiveFrom: CalendarDay(year: 2025, month: 9, day: 29),
        inputPerMTok: 3, cachedInputPerMTok: 0.3, cacheWritePerMTok: 3.75, cacheWrite1hPerMTok: 6, outputPerMTok: 15,
        batchInputPerMTok: 1.5, batchOutputPerMTok: 7.5, batchCachedInputPerMTok: 0.15, batchCacheWritePerMTok: 1.875,
        source: "test")

    static func bill(_ workload: String, _ option: String, catalog: [ModelPrice] = [sonnet]) throws -> Double {
        let text = ScenarioText.document(workload: workload, options: [option])
        let s = try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: CatalogSnapshot(modelPrices: catalog)).scenario
        return try #require(ScenarioText.project(s)[s.options[0].id]?.first?.costs.api)
    }

    static func errors(_ workload: String, _ option: String, catalog: [ModelPrice] = [sonnet]) -> [String] {
        let text = ScenarioText.document(workload: workload, options: [option])
        do {
            _ = try ScenarioLoader.load(Array(text.utf8), file: "x.json", catalog: CatalogSnapshot(modelPrices: catalog))
            return []
        } catch {
            return error.diagnostics.map { $0.formatted(file: "x.json") }
        }
    }

    static let model = #"{ "id": "claude", "type": "api", "model": "anthropic/claude-sonnet-4-5" }"#

    @Test func cacheWritesPayTheWritePriceOfTheirLifetime() throws {
        // 1M requests × 10,000 prompt tokens: 20% read (2e9 tokens), 30% written (3e9), 50% uncached (5e9); 500 out (5e8).
        let w5m = #"{ "requests_per_month": 1e6, "input_tokens_per_request": 10000, "output_tokens_per_request": 500, "cached_input_share": 0.2, "cache_write_share": 0.3 }"#
        // 5e9 × $3 + 2e9 × $0.30 + 3e9 × $3.75 + 5e8 × $15 = 15,000 + 600 + 11,250 + 7,500 = 34,350
        #expect(close(try Self.bill(w5m, Self.model), 34_350))
        // The same writes kept an hour: 3e9 × $6 = 18,000 instead of 11,250 → 41,100
        let w1h = w5m.replacingOccurrences(of: "0.3 }", with: #"0.3, "cache_write_ttl": "1h" }"#)
        #expect(close(try Self.bill(w1h, Self.model), 41_100))
    }

    @Test func aModelWithoutAWritePriceBillsWritesAsInput() throws {
        // Written inline: $2 in, no write price. 1,000 requests × 1,000 prompt tokens, half written:
        // 5e5 × $2 + 5e5 × $2 (writes at the input price, as both files bill them) + 1e5 out × $8 = 1 + 1 + 0.8 = 2.8
        let w = #"{ "requests_per_month": 1000, "input_tokens_per_request": 1000, "output_tokens_per_request": 100, "cache_write_share": 0.5 }"#
        let option = #"{ "id": "x", "type": "api", "prices": { "input_per_mtok": 2, "output_per_mtok": 8 } }"#
        #expect(close(try Self.bill(w, option, catalog: []), 2.8))
        // With a write price of $2.50: 1 + 1.25 + 0.8 = 3.05
        let priced = #"{ "id": "x", "type": "api", "prices": { "input_per_mtok": 2, "output_per_mtok": 8, "cache_write_per_mtok": 2.5 } }"#
        #expect(close(try Self.bill(w, priced, catalog: []), 3.05))
    }

    @Test func batchedCacheTokensPayTheBatchCachePrices() throws {
        // All traffic batched, 1M requests × 10,000 prompt tokens (20% read, 30% written) and 500 out:
        // 5e9 × $1.50 + 2e9 × $0.15 + 3e9 × $1.875 + 5e8 × $7.50 = 7,500 + 300 + 5,625 + 3,750 = 17,175,
        // exactly half of 34,350: Anthropic's batch discount stacks with the cache prices.
        let w = #"{ "requests_per_month": 1e6, "input_tokens_per_request": 10000, "output_tokens_per_request": 500, "cached_input_share": 0.2, "cache_write_share": 0.3, "batch_share": 1 }"#
        #expect(close(try Self.bill(w, Self.model), 17_175))
    }

    @Test func withoutABatchCachePriceCachedBatchTokensPayTheStandardCachePrice() throws {
        // gpt-4.1 ($2 / $0.50 cached / $8; batch $1 / $4, no batch cache price): LiteLLM's batch_cost_calculator
        // bills cache reads at the standard cache-read price. 1M requests × 1,000 prompt tokens, 60% read, 100 out,
        // all batched: 4e8 × $1 + 6e8 × $0.50 + 1e8 × $4 = 400 + 300 + 400 = 1,100.
        let gpt = ModelPrice(id: "openai/gpt-4.1", provider: "openai", effectiveFrom: CalendarDay(year: 2025, month: 4, day: 14),
                             inputPerMTok: 2, cachedInputPerMTok: 0.5, outputPerMTok: 8, batchInputPerMTok: 1, batchOutputPerMTok: 4, source: "test")
        let w = #"{ "requests_per_month": 1e6, "input_tokens_per_request": 1000, "output_tokens_per_request": 100, "cached_input_share": 0.6, "batch_share": 1 }"#
        #expect(close(try Self.bill(w, #"{ "id": "g", "type": "api", "model": "openai/gpt-4.1" }"#, catalog: [gpt]), 1_100))
    }

    @Test func aProviderRuleGivesTheBatchPriceAFileLeavesOut() throws {
        // gpt-4o as genai-prices lists it: $2.50 / $1.25 cached / $10, no batch price. OpenAI documents a 50% batch
        // discount. 1M requests × 1,000 prompt (none cached), 100 out, all batched: 1e9 × $1.25 + 1e8 × $5 = 1,750
        // (the full price would be 3,500).
        let gpt4o = ModelPrice(id: "openai/gpt-4o", provider: "openai", effectiveFrom: CalendarDay(year: 2024, month: 10, day: 2),
                               inputPerMTok: 2.5, cachedInputPerMTok: 1.25, outputPerMTok: 10, source: "genai-prices")
        let w = #"{ "requests_per_month": 1e6, "input_tokens_per_request": 1000, "output_tokens_per_request": 100, "batch_share": 1 }"#
        #expect(close(try Self.bill(w, #"{ "id": "g", "type": "api", "model": "openai/gpt-4o" }"#, catalog: [gpt4o]), 1_750))
    }

    @Test func aMissingBatchPriceIsAnErrorNotTheFullPrice() {
        let unknown = ModelPrice(id: "lab/model", provider: "lab", effectiveFrom: CalendarDay(year: 2026, month: 1, day: 1),
                                 inputPerMTok: 1, outputPerMTok: 2, source: "test")
        let w = #"{ "requests_per_month": 1000, "input_tokens_per_request": 1000, "output_tokens_per_request": 100, "batch_share": 0.2 }"#
        let option = #"{ "id": "m", "type": "api", "model": "lab/model" }"#
        #expect(Self.errors(w, option, catalog: [unknown]) == [
            #"x.json:8:52: error: options[0].model: catalog model "lab/model" has no batch price and no provider rule gives one, so batch traffic has no price; give prices.batch_discount (0 if batch requests pay the standard price)"#,
        ])
        // Saying what batch costs settles it: 1,000 × (1,000 × $1 + 100 × $2) / 1e6 = 1.20, batch at the standard price.
        let stated = #"{ "id": "m", "type": "api", "model": "lab/model", "prices": { "batch_discount": 0 } }"#
        #expect(close(try? Self.bill(w, stated, catalog: [unknown]), 1.2))
    }

    @Test func fireworksCachedTokensGetTheDocumentedHalfPrice() throws {
        // LiteLLM lists fireworks_ai deepseek-v3 at $0.90 / $0.90 with no cache price; Fireworks documents a 50%
        // default cached discount. 1,000 requests × 10,000 prompt tokens, 80% cached, 1,000 out:
        // 2e6 × $0.90 + 8e6 × $0.45 + 1e6 × $0.90 = 1.80 + 3.60 + 0.90 = 6.30 (7.20 without the rule, 12.5% more).
        let v3 = ModelPrice(id: "fireworks_ai/accounts/fireworks/models/deepseek-v3", provider: "fireworks_ai",
                            effectiveFrom: CalendarDay(year: 2026, month: 1, day: 1), inputPerMTok: 0.9, outputPerMTok: 0.9, source: "LiteLLM")
        let w = #"{ "requests_per_month": 1000, "input_tokens_per_request": 10000, "output_tokens_per_request": 1000, "cached_input_share": 0.8 }"#
        let option = #"{ "id": "f", "type": "api", "model": "fireworks_ai/accounts/fireworks/models/deepseek-v3" }"#
        #expect(close(try Self.bill(w, option, catalog: [v3]), 6.3))
        let text = ScenarioText.document(workload: w, options: [option])
        let s = try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: CatalogSnapshot(modelPrices: [v3])).scenario
        let cached = try #require(s.assumptions.first { $0.path == "options.f.prices.cached_input_per_mtok" })
        #expect(cached.value == "0.45")
        #expect(cached.sourceDescription == "catalog fireworks_ai/accounts/fireworks/models/deepseek-v3 (2026-01-01; LiteLLM; "
            + "cached input at 50% of input (provider rule, https://docs.fireworks.ai/guides/prompt-caching: \"cached prompt tokens are "
            + "discounted compared to regular prompt tokens. The default discount is 50%\"); batch at 50% of standard (provider rule, "
            + "https://docs.fireworks.ai/serverless/pricing: \"Batch inference is billed at 50% of serverless pricing on both input and output\"))")
    }

    @Test func aServiceTierBillsItsOwnPrices() throws {
        // gpt-5: $1.25 / $0.125 cached / $10; flex $0.625 / $0.0625 / $5; priority $2.50 / $0.25 / $20 (LiteLLM 1.110.2).
        let gpt5 = ModelPrice(id: "openai/gpt-5", provider: "openai", effectiveFrom: CalendarDay(year: 2025, month: 8, day: 7),
                              inputPerMTok: 1.25, cachedInputPerMTok: 0.125, outputPerMTok: 10,
                              serviceTiers: [ServiceTierPrice(tier: "flex", inputPerMTok: 0.625, cachedInputPerMTok: 0.0625, outputPerMTok: 5),
                                             ServiceTierPrice(tier: "priority", inputPerMTok: 2.5, cachedInputPerMTok: 0.25, outputPerMTok: 20)],
                              source: "test")
        // 1M requests × 1,000 prompt tokens (half cached) and 100 out.
        let w = #"{ "requests_per_month": 1e6, "input_tokens_per_request": 1000, "output_tokens_per_request": 100, "cached_input_share": 0.5 }"#
        func option(_ tier: String) -> String { #"{ "id": "g", "type": "api", "model": "openai/gpt-5", "service_tier": "\#(tier)" }"# }
        // standard: 5e8 × $1.25 + 5e8 × $0.125 + 1e8 × $10 = 625 + 62.5 + 1,000 = 1,687.50; flex half that, priority double.
        #expect(close(try Self.bill(w, option("standard"), catalog: [gpt5]), 1_687.5))
        #expect(close(try Self.bill(w, option("flex"), catalog: [gpt5]), 843.75))
        #expect(close(try Self.bill(w, option("priority"), catalog: [gpt5]), 3_375))
        #expect(Self.errors(w, option("scale"), catalog: [gpt5]) == [
            #"x.json:8:84: error: options[0].service_tier: catalog model "openai/gpt-5" has no "scale" prices (it has standard, flex, priority)"#,
        ])
    }

    @Test func readAndWrittenSharesCannotExceedThePrompt() {
        let w = #"{ "requests_per_month": 1, "input_tokens_per_request": 1, "output_tokens_per_request": 1, "cached_input_share": 0.7, "cache_write_share": 0.4 }"#
        #expect(Self.errors(w, Self.model) == [
            "x.json:7:153: error: workload.cache_write_share: expected cached_input_share + cache_write_share ≤ 1 (a prompt token is read from the cache, written to it or neither), found 0.7 + 0.4",
        ])
    }

    @Test func aSelfHostedReplicaPrefillsWrittenTokens() {
        // 1 request of 1,000 prompt tokens, 40% read from the cache, 30% written: 300 uncached + 300 written = 600
        // tokens prefilled at 1,000 tokens/s, and 100 out at 50 tokens/s: 0.6 + 2 = 2.6 replica-seconds.
        let c = RequestClass(name: "all", share: 1, inputTokens: 1000, outputTokens: 100, cachedInputShare: 0.4, cacheWriteShare: 0.3)
        let work = ReplicaSizing.work(TokenCounts(perRequestOf: [c], outputMultiplier: 1),
                                      Throughput(outputTokensPerSecond: 50, inputTokensPerSecond: 1000))
        #expect(close(work, 2.6))
    }
}
