@testable import BreakevenCore
import Foundation
import Testing
@testable import BreakevenCatalog

/// A handful of the cases scripts/parity.py checks against genai-prices' calc_price and LiteLLM's
/// cost functions (issue 14), pinned here with the arithmetic by hand: each bills one million
/// requests of one usage from a catalog holding only the imported fixture, in USD.
@Suite struct ParityPinTests {
    static func bill(_ file: String, genAI: Bool, model: String, usage: String, asOf: String) throws -> Double {
        let store = try CatalogStore.inMemory()
        let options = PriceImportOptions(observedOn: .day(genAI ? "2026-08-21" : "2026-11-01"))
        if genAI {
            try store.importGenAIPrices(Fixture.data(file), named: file, options: options)
        } else {
            try store.importLiteLLM(Fixture.data(file), named: file, options: options)
        }
        let text = """
            { "version": 1, "name": "parity", "start": "\(asOf.prefix(7))", "as_of": "\(asOf)", "months": 1,
              "workload": { "requests_per_month": 1000000, \(usage) },
              "options": [ { "id": "m", "type": "api", "model": "\(model)" } ] }
            """
        let s = try ScenarioLoader.load(Array(text.utf8), file: "p.json", catalog: try store.snapshot()).scenario
        return try #require(Simulator.project(s).options.first?.months.first?.totalCost)
    }

    static let cached = #""input_tokens_per_request": 10000, "output_tokens_per_request": 500, "cached_input_share": 0.3, "cache_write_share": 0.2"#

    @Test func genAIPricesCacheReadsAndWrites() throws {
        // claude-sonnet-4-5: 5,000 uncached × $3 + 3,000 read × $0.30 + 2,000 written × $3.75 + 500 out × $15
        // = 15,000 + 900 + 7,500 + 7,500 = $30,900 per million tokens of each request, i.e. $0.0309 a request:
        // $30,900 per million requests (calc_price: cache_read_tokens 3000, cache_write_tokens 2000).
        let cost = try Self.bill("genai-prices-sample.json", genAI: true, model: "anthropic/claude-sonnet-4-5", usage: Self.cached, asOf: "2026-08-21")
        #expect(abs(cost - 30_900) < 0.01)
    }

    @Test func genAIPricesOneHourWrites() throws {
        // The same with 1-hour writes at $6: 15,000 + 900 + 12,000 + 7,500 = $35,400.
        let cost = try Self.bill("genai-prices-sample.json", genAI: true, model: "anthropic/claude-sonnet-4-5",
                                 usage: Self.cached + #", "cache_write_ttl": "1h""#, asOf: "2026-08-21")
        #expect(abs(cost - 35_400) < 0.01)
    }

    @Test func genAIPricesDatedChangeAndLongContext() throws {
        // claude-sonnet-5 rose from $2 / $10 to $3 / $15 on 2026-09-01: 1,000 in and 200 out cost
        // 1,000 × 2 + 200 × 10 = $4,000 per million requests the day before, 1,000 × 3 + 200 × 15 = $6,000 that day.
        let plain = #""input_tokens_per_request": 1000, "output_tokens_per_request": 200"#
        #expect(abs(try Self.bill("genai-prices-sample.json", genAI: true, model: "anthropic/claude-sonnet-5", usage: plain, asOf: "2026-08-31") - 4_000) < 0.01)
        #expect(abs(try Self.bill("genai-prices-sample.json", genAI: true, model: "anthropic/claude-sonnet-5", usage: plain, asOf: "2026-09-01") - 6_000) < 0.01)
        // claude-sonnet-4-5 past its 200k tier (all tokens at the tier's $6 / $0.60 cached / $22.50):
        // 189,000 × 6 + 21,000 × 0.6 + 1,000 × 22.5 = 1,134,000 + 12,600 + 22,500 = $1,169,100.
        let long = #""input_tokens_per_request": 210000, "output_tokens_per_request": 1000, "cached_input_share": 0.1"#
        #expect(abs(try Self.bill("genai-prices-sample.json", genAI: true, model: "anthropic/claude-sonnet-4-5", usage: long, asOf: "2026-08-21") - 1_169_100) < 0.01)
    }

    @Test func liteLLMBatchWithCacheReads() throws {
        // gpt-4o in a batch (LiteLLM batch_cost_calculator): 7,000 uncached × $1.25 batch input + 3,000 read at the
        // standard $1.25 cache price (no batch cache price listed) + 500 out × $5 batch output
        // = 8,750 + 3,750 + 2,500 = $15,000 per million requests.
        let usage = #""input_tokens_per_request": 10000, "output_tokens_per_request": 500, "cached_input_share": 0.3, "batch_share": 1"#
        #expect(abs(try Self.bill("litellm-sample.json", genAI: false, model: "openai/gpt-4o", usage: usage, asOf: "2026-11-01") - 15_000) < 0.01)
    }

    @Test func liteLLMBatchedCacheWritesAndTheirBatchPrice() throws {
        // claude-sonnet-4-5 in a batch: 5,000 × $1.50 + 3,000 × $0.15 (batch cache read) + 2,000 × $1.875 (batch cache
        // write) + 500 × $7.50 = 7,500 + 450 + 3,750 + 3,750 = $15,450, half the standard $30,900.
        let usage = Self.cached + #", "batch_share": 1"#
        #expect(abs(try Self.bill("litellm-sample.json", genAI: false, model: "anthropic/claude-sonnet-4-5", usage: usage, asOf: "2026-11-01") - 15_450) < 0.01)
    }
}
