@testable import BreakevenCore
import Foundation
import Testing
@testable import BreakevenCatalog

/// Batch and tier variants of genai-prices, and what an importer refuses or skips (issues 11, 14).
@Suite struct PriceFileHardeningTests {
    let options = PriceImportOptions(observedOn: .day("2026-11-27"))

    @Test func readsGenAIPricesBatchAndServiceTierVariants() throws {
        // genai-prices-variants.json: claude-sonnet-4-5 and gpt-5 as genai-prices 0.2.3 holds them, written
        // in the v2 data.json shape by scripts/genai_prices_json.py.
        let store = try CatalogStore.inMemory()
        let summary = try store.importGenAIPrices(Fixture.data("genai-prices-variants.json"), named: "genai-prices-variants.json",
                                                  options: options)
        #expect(summary == ImportSummary(entries: 2, added: 2))
        let catalog = try store.snapshot()
        // The batch variant (from 2026-10-14): $1.50 / $0.15 read / $1.875 write / $3 1-hour write / $7.50.
        let sonnet = try #require(catalog.modelPrice("anthropic/claude-sonnet-4-5", asOf: .day("2026-11-27")))
        #expect([sonnet.batchInputPerMTok, sonnet.batchCachedInputPerMTok, sonnet.batchCacheWritePerMTok,
                 sonnet.batchCacheWrite1hPerMTok, sonnet.batchOutputPerMTok] == [1.5, 0.15, 1.875, 3, 7.5])
        // gpt-5: flex and priority (and "fast"); "default" is the standard price itself. Batch lists no write price.
        let gpt5 = try #require(catalog.modelPrice("openai/gpt-5", asOf: .day("2026-11-27")))
        #expect(gpt5.serviceTiers == [
            ServiceTierPrice(tier: "fast", inputPerMTok: 2.5, cachedInputPerMTok: 0.25, outputPerMTok: 20),
            ServiceTierPrice(tier: "flex", inputPerMTok: 0.625, cachedInputPerMTok: 0.0625, outputPerMTok: 5),
            ServiceTierPrice(tier: "priority", inputPerMTok: 2.5, cachedInputPerMTok: 0.25, outputPerMTok: 20),
        ])
        #expect([gpt5.batchInputPerMTok, gpt5.batchCachedInputPerMTok, gpt5.batchOutputPerMTok] == [0.625, 0.0625, 5])
        #expect(gpt5.batchCacheWritePerMTok == nil)
    }

    @Test func aVariantStartingLaterIsNotReadIntoAnEarlierObservation() throws {
        // Read on 2026-10-01, before the batch variant's start (2026-10-14): no batch prices yet.
        let store = try CatalogStore.inMemory()
        try store.importGenAIPrices(Fixture.data("genai-prices-variants.json"), named: "v.json", options: .init(observedOn: .day("2026-10-01")))
        let sonnet = try #require(try store.snapshot().modelPrice("anthropic/claude-sonnet-4-5", asOf: .day("2026-10-01")))
        #expect(sonnet.batchInputPerMTok == nil)
    }

    @Test func anAbsurdLongContextThresholdIsSkippedAndCounted() throws {
        // Issue 11: `…_above_99999999999999999999k_tokens` overflowed (twenty digits × 1000). The key is skipped and
        // counted; the entry imports with its real cliff.
        let file = Data("""
            {"gpt-x": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
                       "input_cost_per_token_above_99999999999999999999k_tokens": 3e-06,
                       "output_cost_per_token_above_123456789k_tokens": 4e-06,
                       "input_cost_per_token_above_200k_tokens": 2e-06}}
            """.utf8)
        let store = try CatalogStore.inMemory()
        let summary = try store.importLiteLLM(file, named: "prices.json", options: options)
        #expect(summary.description == "added 1, updated 0, unchanged 0, skipped 2 (long-context key with a threshold beyond "
            + "100,000,000 tokens (the key is skipped, the entry kept): 2)")
        let price = try #require(try store.snapshot().modelPrice("openai/gpt-x", asOf: .day("2026-11-27")))
        #expect(price.longContext.map(\.aboveInputTokens) == [200_000])
    }

    @Test func anOverLargeLiteLLMPriceNamesItsPlaceAndKey() throws {
        let file = Data("""
            {
              "gpt-x": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-06,
                        "output_cost_per_token": 1e+300}
            }
            """.utf8)
        let store = try CatalogStore.inMemory()
        let error = try #require(throws: CatalogError.self) { try store.importLiteLLM(file, named: "prices.json", options: options) }
        // Line 3 is `            "output_cost_per_token": 1e+300}`: the key starts at column 13.
        #expect(error.description == "prices.json:3:13: error: [\"gpt-x\"].output_cost_per_token: expected a price of at most "
            + "0.01 USD per token (10,000 per million), found 1e+300")
        #expect(try store.isEmpty())
    }

    @Test func anOverLargeGenAIPriceNamesItsPlaceAndPath() throws {
        let file = Data("""
            [{"id": "lab", "name": "Lab", "api_pattern": "x", "models": [
              {"id": "m", "match": {"equals": "m"}, "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "n", "match": {"equals": "n"}, "prices": [{"prices": {"input_mtok": 1, "output_mtok": 2}},
                {"constraint": {"start_date": "2026-01-01"}, "prices": {"input_mtok": 5e9, "output_mtok": 2}}]}]}]
            """.utf8)
        let store = try CatalogStore.inMemory()
        let error = try #require(throws: CatalogError.self) { try store.importGenAIPrices(file, named: "data.json", options: options) }
        // Line 4 is `    {"constraint": …, "prices": {"input_mtok": 5e9, …`: "input_mtok" starts at column 61 (4 spaces, `{`, 44 characters of constraint, `, "prices": {`).
        #expect(error.description == "data.json:4:61: error: [0].models[1].prices[1].prices.input_mtok: expected a price of at most "
            + "10,000 USD per million tokens, found 5000000000.0")
        #expect(try store.isEmpty())
    }

    @Test func bytesThatAreNotUTF8AreRefusedWhereTheyAre() throws {
        // A description ending in the byte FF (found by the import fuzz test): Foundation's decoder
        // let it through, and a price refused later could not be located. Line 2 is
        // `  "gpt-x": {"description": "x\u{FF}", …`: `"` opens the string at column 28, x is 29, FF is 30.
        var file = Data("{\n  \"gpt-x\": {\"description\": \"x".utf8)
        file.append(0xFF)
        file.append(contentsOf: Data("\", \"litellm_provider\": \"openai\", \"mode\": \"chat\"}\n}".utf8))
        let store = try CatalogStore.inMemory()
        let error = try #require(throws: CatalogError.self) { try store.importLiteLLM(file, named: "prices.json", options: options) }
        #expect(error.description == "prices.json:2:30: error: invalid UTF-8 byte 0xFF")
        let genAI = try #require(throws: CatalogError.self) { try store.importGenAIPrices(file, named: "data.json", options: options) }
        #expect(genAI.description == "data.json:2:30: error: invalid UTF-8 byte 0xFF")
        #expect(try store.isEmpty())
    }

    @Test func namesEmptyOrWithControlCharactersAreSkipped() throws {
        // A provider "\u0000" (found by the import fuzz test: the import ended in an SQLite CHECK
        // error, exit 1) and an empty key in LiteLLM's file; an empty provider id and a model id with
        // an escape in genai-prices'. Each is skipped and counted; the one good entry is added.
        let prices = #""mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06"#
        let liteLLM = Data("""
            {"gpt-x": {"litellm_provider": "\\u0000", \(prices)}, "": {"litellm_provider": "openai", \(prices)},
             "gpt-y": {"litellm_provider": "openai", \(prices)}}
            """.utf8)
        let store = try CatalogStore.inMemory()
        #expect(try store.importLiteLLM(liteLLM, named: "prices.json", options: options).description
                == "added 1, updated 0, unchanged 0, skipped 2 (key or litellm_provider empty or with control characters: 2)")
        let genAI = Data("""
            [{"id": "", "name": "Lab", "api_pattern": "x", "models": [{"id": "m", "match": {"equals": "m"}, "prices": {"input_mtok": 1, "output_mtok": 2}}]},
             {"id": "lab", "name": "Lab", "api_pattern": "x", "models": [{"id": "\\u001b[31mm", "match": {"equals": "m"}, "prices": {"input_mtok": 1, "output_mtok": 2}},
                                                                         {"id": "n", "match": {"equals": "n"}, "prices": {"input_mtok": 1, "output_mtok": 2}}]}]
            """.utf8)
        #expect(try store.importGenAIPrices(genAI, named: "data.json", options: options).description
                == "added 1, updated 0, unchanged 0, skipped 2 (provider or model id empty or with control characters: 2)")
        #expect(try store.snapshot().modelPrices.map(\.id).sorted() == ["lab/n", "openai/gpt-y"])
    }

    @Test func aContextWindowOfZeroOrLessIsUnknown() throws {
        // genai-prices' context_window -0 (read as 0, found by the import fuzz test) broke the
        // catalog's check (context_window > 0) and the import ended in a raw SQLite error, exit 1.
        // As in LiteLLM's max_input_tokens, zero or less says nothing: the model is added without one.
        let file = Data("""
            [{"id": "lab", "name": "Lab", "api_pattern": "x", "models": [
              {"id": "m", "match": {"equals": "m"}, "context_window": -0, "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "n", "match": {"equals": "n"}, "context_window": -5, "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "o", "match": {"equals": "o"}, "context_window": 8192, "prices": {"input_mtok": 1, "output_mtok": 2}}]}]
            """.utf8)
        let store = try CatalogStore.inMemory()
        #expect(try store.importGenAIPrices(file, named: "data.json", options: options).description == "added 3, updated 0, unchanged 0, skipped 0")
        #expect(try store.snapshot().modelPrices.sorted { $0.id < $1.id }.map(\.contextWindow) == [nil, nil, 8192])
    }
}
