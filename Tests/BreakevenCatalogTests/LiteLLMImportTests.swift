@testable import BreakevenCore
import Foundation
import Testing
@testable import BreakevenCatalog

@Suite struct LiteLLMImportTests {
    let options = PriceImportOptions(observedOn: .day("2026-11-01"))

    @Test func importsChatModelsAndCountsWhatItSkips() throws {
        let store = try CatalogStore.inMemory()
        let summary = try store.importLiteLLM(Fixture.data("litellm-sample.json"), named: "litellm-sample.json", options: options)
        // 12 keys: 7 chat models imported; the rest skipped, one reason each.
        #expect(summary == ImportSummary(entries: 12, added: 7, skipped: [
            "sample_spec (describes the format)": 1,
            "mode embedding": 1,
            "mode image_generation": 1,
            "alias of another entry": 1,
            "another key names the same model": 1, // deepseek-chat and deepseek/deepseek-chat
        ]))
        #expect(summary.description == "added 7, updated 0, unchanged 0, skipped 5 (alias of another entry: 1, "
            + "another key names the same model: 1, mode embedding: 1, mode image_generation: 1, sample_spec (describes the format): 1)")
    }

    @Test func convertsPerTokenPricesToPerMillion() throws {
        let catalog = try importedFixture()
        // gpt-4o: 2.5e-06 USD per token × 1,000,000 = $2.50 per million; cache read 1.25e-06 → $1.25;
        // output 1e-05 → $10; batches 1.25e-06 → $1.25 and 5e-06 → $5.
        let gpt4o = try #require(catalog.modelPrice("openai/gpt-4o", asOf: .day("2026-11-01")))
        // The file dates nothing: its first price is in force from the file's own date, not from some
        // earlier day (a scenario set before it finds no price rather than a later one).
        #expect(gpt4o.effectiveFrom == .day("2026-11-01"))
        #expect(gpt4o.dating == .fileDate)
        #expect(gpt4o.origin == .liteLLM)
        #expect([gpt4o.inputPerMTok, gpt4o.cachedInputPerMTok, gpt4o.outputPerMTok] == [2.5, 1.25, 10])
        #expect([gpt4o.batchInputPerMTok, gpt4o.batchOutputPerMTok] == [1.25, 5])
        #expect(gpt4o.cacheWritePerMTok == nil)
        #expect(gpt4o.contextWindow == 128_000)
        #expect(gpt4o.source == "LiteLLM model_prices_and_context_window.json entry \"gpt-4o\"; https://developers.openai.com/api/docs/pricing")

        // claude-sonnet-4-5: cache write (creation) 3.75e-06 → $3.75, cache read 3e-07 → $0.30, batch 1.5e-06 / 7.5e-06 → $1.50 / $7.50.
        let sonnet = try #require(catalog.modelPrice("anthropic/claude-sonnet-4-5", asOf: .day("2026-11-01")))
        #expect([sonnet.inputPerMTok, sonnet.cachedInputPerMTok, sonnet.cacheWritePerMTok, sonnet.outputPerMTok] == [3, 0.3, 3.75, 15])
        #expect([sonnet.batchInputPerMTok, sonnet.batchOutputPerMTok] == [1.5, 7.5])

        // perplexity/pplx-70b-online: $0.005 per request on top of $2.80 per million output tokens.
        let perplexity = try #require(catalog.modelPrice("perplexity/pplx-70b-online", asOf: .day("2026-11-01")))
        #expect(perplexity.perRequest == 0.005)
        #expect(perplexity.outputPerMTok == 2.8)

        #expect(catalog.modelPrice("together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo", asOf: .day("2026-11-01"))?.inputPerMTok == 1.04)
    }

    @Test func readsLongContextCliffs() throws {
        let catalog = try importedFixture()
        // gemini/gemini-2.5-pro: input_cost_per_token_above_200k_tokens 2.5e-06 → $2.50 (base $1.25),
        // output 1.5e-05 → $15 (base $10), cache read 2.5e-07 → $0.25 (base $0.125).
        let gemini = try #require(catalog.modelPrice("gemini/gemini-2.5-pro", asOf: .day("2026-11-01")))
        #expect(gemini.longContext == [LongContextTier(aboveInputTokens: 200_000, inputPerMTok: 2.5, outputPerMTok: 15, cachedInputPerMTok: 0.25)])

        // dashscope/qwen-flash has only tiered_pricing ranges [0, 256000) and [256000, 1000000):
        // 5e-08 / 4e-07 per token below (→ $0.05 / $0.40), 2.5e-07 / 2e-06 above (→ $0.25 / $2.00).
        let qwen = try #require(catalog.modelPrice("dashscope/qwen-flash", asOf: .day("2026-11-01")))
        #expect([qwen.inputPerMTok, qwen.outputPerMTok] == [0.05, 0.4])
        #expect(qwen.longContext == [LongContextTier(aboveInputTokens: 256_000, inputPerMTok: 0.25, outputPerMTok: 2)])
    }

    @Test func prefersTheKeyThatAlreadyNamesTheProvider() throws {
        let catalog = try importedFixture()
        let deepseek = try #require(catalog.modelPrice("deepseek/deepseek-chat", asOf: .day("2026-11-01")))
        #expect(deepseek.source.contains("entry \"deepseek/deepseek-chat\""))
        #expect(deepseek.cacheWritePerMTok == 0) // only the prefixed key lists cache_creation_input_token_cost: 0.0
    }

    @Test func namesModelsProviderSlashModel() {
        #expect(LiteLLMPriceFile.modelID(key: "gpt-4o", provider: "openai") == "openai/gpt-4o")
        #expect(LiteLLMPriceFile.modelID(key: "gemini/gemini-2.5-pro", provider: "gemini") == "gemini/gemini-2.5-pro")
        #expect(LiteLLMPriceFile.modelID(key: "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo", provider: "together_ai")
            == "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo")
        #expect(LiteLLMPriceFile.modelID(key: "vertex_ai/claude-haiku-4-5", provider: "vertex_ai-anthropic_models")
            == "vertex_ai-anthropic_models/claude-haiku-4-5")
        #expect(LiteLLMPriceFile.modelID(key: "gemini-2.5-pro", provider: "vertex_ai-language-models")
            == "vertex_ai-language-models/gemini-2.5-pro")
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let store = try CatalogStore.inMemory()
        let data = try Fixture.data("litellm-sample.json")
        let first = try store.importLiteLLM(data, named: "litellm-sample.json", options: options)
        let before = try store.snapshot()
        let again = try store.importLiteLLM(data, named: "litellm-sample.json", options: options)
        #expect((again.added, again.updated, again.confirmed, again.unchanged) == (0, 0, 0, 7))
        #expect(again.skipped == first.skipped)
        #expect(try store.snapshot() == before)

        // Read on a later day, the prices in force are the same: no price changes, each row is only
        // seen in force later (what a report's price-age warning counts from).
        let later = PriceImportOptions(observedOn: .day("2027-01-15"))
        let second = try store.importLiteLLM(data, named: "litellm-sample.json", options: later)
        #expect((second.added, second.updated, second.confirmed, second.unchanged) == (0, 0, 7, 0))
        #expect(second.description.hasPrefix("added 0, updated 0, confirmed 7, unchanged 0, skipped 5"))
        let catalog = try store.snapshot()
        #expect(catalog.modelPrices.map(\.effectiveFrom) == before.modelPrices.map(\.effectiveFrom))
        #expect(catalog.modelPrices.allSatisfy { $0.observedOn == .day("2027-01-15") })
        #expect(catalog.modelPrices.map { $0.hasSamePrices(as: $0) } == before.modelPrices.map { _ in true })
    }

    @Test func aChangedPriceInALaterFileStartsFromItsObservationDay() throws {
        let store = try CatalogStore.inMemory()
        try store.importLiteLLM(Fixture.data("litellm-sample.json"), named: "litellm-sample.json", options: options)
        // A later copy of the file in which gpt-4o's input price fell to $2.00 and the batch prices are gone.
        let later = Data("""
            {"gpt-4o": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 2e-06,
                        "cache_read_input_token_cost": 1e-06, "output_cost_per_token": 1e-05, "max_input_tokens": 128000}}
            """.utf8)
        let summary = try store.importLiteLLM(later, named: "later.json", options: .init(observedOn: .day("2027-02-01")))
        #expect(summary == ImportSummary(entries: 1, added: 1))

        let catalog = try store.snapshot()
        #expect(catalog.modelPrice("openai/gpt-4o", asOf: .day("2027-01-31"))?.inputPerMTok == 2.5)
        let cut = try #require(catalog.modelPrice("openai/gpt-4o", asOf: .day("2027-02-01")))
        #expect(cut.inputPerMTok == 2)
        #expect(cut.effectiveFrom == .day("2027-02-01"))
        // Input changed, so what the file leaves out is unknown, not copied from the old price.
        #expect(cut.batchInputPerMTok == nil)
    }

    @Test func aTruncatedFileChangesNothingAndSaysWhereItBroke() throws {
        let store = try CatalogStore.inMemory()
        try store.importLiteLLM(Fixture.data("litellm-sample.json"), named: "litellm-sample.json", options: options)
        let before = try store.snapshot()

        let error = try #require(throws: CatalogError.self) {
            try store.importLiteLLM(Fixture.data("litellm-sample-truncated.json"), named: "litellm-sample-truncated.json",
                                    options: options)
        }
        // The cut falls after line 142, in the middle of claude-sonnet-4-5's object.
        #expect(error.description
            == "litellm-sample-truncated.json:143:1: error: expected a key in double quotes, found the end of the file")
        #expect(try store.snapshot() == before)
    }

    @Test func aFileOfTheWrongShapeIsRefused() throws {
        let store = try CatalogStore.inMemory()
        let error = try #require(throws: CatalogError.self) {
            try store.importLiteLLM(Data("[1, 2]".utf8), named: "prices.json", options: options)
        }
        #expect(error.description == "prices.json:1:1: error: expected a JSON object of model entries at the top level, found an array")

        let syntax = try #require(throws: CatalogError.self) {
            try store.importLiteLLM(Data("{\n  \"gpt-4o\": {\"mode\": \"chat\",, }\n}".utf8), named: "prices.json", options: options)
        }
        // Line 2 is `  "gpt-4o": {"mode": "chat",, }`: 2 spaces, "gpt-4o" (8), ':', ' ', '{', "mode" (6), ':', ' ',
        // "chat" (6) take columns 1–27, the first ',' is column 28 and the second, the error, column 29.
        #expect(syntax.description == "prices.json:2:29: error: expected a key in double quotes, found ','")
        #expect(try store.isEmpty())
    }

    private func importedFixture() throws -> CatalogSnapshot {
        let store = try CatalogStore.inMemory()
        try store.importLiteLLM(Fixture.data("litellm-sample.json"), named: "litellm-sample.json", options: options)
        return try store.snapshot()
    }
}
