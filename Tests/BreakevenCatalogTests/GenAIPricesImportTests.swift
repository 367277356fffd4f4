@testable import BreakevenCore
import Foundation
import Testing
@testable import BreakevenCatalog

@Suite struct GenAIPricesImportTests {
    let options = PriceImportOptions(observedOn: .day("2026-08-21"))

    @Test func importsEveryPeriodOfAConditionalPriceList() throws {
        let store = try CatalogStore.inMemory()
        let summary = try store.importGenAIPrices(Fixture.data("genai-prices-sample.json"), named: "genai-prices-sample.json",
                                                  options: options)
        // 7 models. Rows: claude-sonnet-4-5 1, claude-sonnet-5 2 (base + 2026-09-01), claude-opus-4-6 2 (base + 2026-03-13),
        // deepseek-chat 1 (base with a daily window), gpt-4o 1, o3 2 (base + 2025-06-10) = 9.
        // text-embedding-3-small has an input price only.
        #expect(summary == ImportSummary(entries: 7, added: 9, skipped: ["no input and output price per token": 1]))
    }

    @Test func looksUpEitherSideOfADatedPriceChange() throws {
        let catalog = try importedFixture()
        // claude-sonnet-5 rose from $2 / $10 to $3 / $15 per million on 2026-09-01.
        let before = try #require(catalog.modelPrice("anthropic/claude-sonnet-5", asOf: .day("2026-08-31")))
        let after = try #require(catalog.modelPrice("anthropic/claude-sonnet-5", asOf: .day("2026-09-01")))
        #expect([before.inputPerMTok, before.cachedInputPerMTok, before.cacheWritePerMTok, before.outputPerMTok] == [2, 0.2, 2.5, 10])
        #expect([after.inputPerMTok, after.cachedInputPerMTok, after.cacheWritePerMTok, after.outputPerMTok] == [3, 0.3, 3.75, 15])
        #expect(before.effectiveFrom == PriceImportOptions.defaultUnknownStart)
        #expect(after.effectiveFrom == .day("2026-09-01"))

        // o3 fell from $10 / $40 to $2 / $8 on 2025-06-10.
        #expect(catalog.modelPrice("openai/o3", asOf: .day("2025-06-09")).map { [$0.inputPerMTok, $0.outputPerMTok] } == [10, 40])
        #expect(catalog.modelPrice("openai/o3", asOf: .day("2025-06-10")).map { [$0.inputPerMTok, $0.outputPerMTok] } == [2, 8])
    }

    @Test func readsTieredPricesAsLongContextTiers() throws {
        let catalog = try importedFixture()
        // claude-sonnet-4-5: {base: 3, tiers: [{start: 200000, price: 6}]} and likewise for output (15 → 22.5)
        // and cache read (0.3 → 0.6), cache write (3.75 → 7.5) and 1-hour cache write (6 → 12).
        let sonnet = try #require(catalog.modelPrice("anthropic/claude-sonnet-4-5", asOf: .day("2026-08-21")))
        #expect([sonnet.inputPerMTok, sonnet.cachedInputPerMTok, sonnet.cacheWritePerMTok, sonnet.cacheWrite1hPerMTok, sonnet.outputPerMTok]
            == [3, 0.3, 3.75, 6, 15])
        #expect(sonnet.longContext == [LongContextTier(aboveInputTokens: 200_000, inputPerMTok: 6, outputPerMTok: 22.5, cachedInputPerMTok: 0.6,
                                                       cacheWritePerMTok: 7.5, cacheWrite1hPerMTok: 12)])

        // claude-opus-4-6 dropped its >200k tier on 2026-03-13.
        #expect(catalog.modelPrice("anthropic/claude-opus-4-6", asOf: .day("2026-03-12"))?.longContext.map(\.aboveInputTokens) == [200_000])
        #expect(catalog.modelPrice("anthropic/claude-opus-4-6", asOf: .day("2026-03-13"))?.longContext == [])
    }

    @Test func readsTimeOfDayWindows() throws {
        let catalog = try importedFixture()
        // deepseek-chat: the base price ($0.135 in, $0.035 cached, $0.55 out) is the off-peak one; from 00:30 to
        // 16:30 UTC the standard price applies ($0.27, $0.07, $1.10).
        let deepseek = try #require(catalog.modelPrice("deepseek/deepseek-chat", asOf: .day("2026-08-21")))
        #expect([deepseek.inputPerMTok, deepseek.cachedInputPerMTok, deepseek.outputPerMTok] == [0.135, 0.035, 0.55])
        #expect(deepseek.timeOfDay == [TimeOfDayPrice(startHour: 0, endHour: 16, inputPerMTok: 0.27, cachedInputPerMTok: 0.07,
                                                      outputPerMTok: 1.1, startMinute: 30, endMinute: 30)])
        #expect(deepseek.contextWindow == 64_000)
    }

    @Test func reimportingTheSameFileChangesNothing() throws {
        let store = try CatalogStore.inMemory()
        let data = try Fixture.data("genai-prices-sample.json")
        try store.importGenAIPrices(data, named: "genai-prices-sample.json", options: options)
        let before = try store.snapshot()
        let second = try store.importGenAIPrices(data, named: "genai-prices-sample.json", options: options)
        #expect(second == ImportSummary(entries: 7, unchanged: 9, skipped: ["no input and output price per token": 1]))
        #expect(try store.snapshot() == before)
    }

    @Test func keepsTheSeedsBatchPricesWhenTheStandardPricesAgree() throws {
        let store = try CatalogStore.inMemory()
        try store.install(CatalogStore.seed())
        try store.importGenAIPrices(Fixture.data("genai-prices-sample.json"), named: "genai-prices-sample.json", options: options)
        // genai-prices lists gpt-4o at $2.50 / $1.25 / $10, like the seed, and has no batch prices:
        // the seed's row stays as it is, batch prices $1.25 / $5 included.
        let gpt4o = try #require(try store.snapshot().modelPrice("openai/gpt-4o", asOf: .day("2026-11-01")))
        #expect(gpt4o.effectiveFrom == .day("2024-10-02"))
        #expect([gpt4o.batchInputPerMTok, gpt4o.batchOutputPerMTok] == [1.25, 5])
    }

    @Test func aTruncatedFileChangesNothingAndSaysWhereItBroke() throws {
        let store = try CatalogStore.inMemory()
        try store.importGenAIPrices(Fixture.data("genai-prices-sample.json"), named: "genai-prices-sample.json", options: options)
        let before = try store.snapshot()
        let error = try #require(throws: CatalogError.self) {
            try store.importGenAIPrices(Fixture.data("genai-prices-sample-truncated.json"),
                                        named: "genai-prices-sample-truncated.json", options: options)
        }
        // The cut falls after line 377, inside the deepseek-chat model object.
        #expect(error.description
            == "genai-prices-sample-truncated.json:378:1: error: expected a key in double quotes, found the end of the file")
        #expect(try store.snapshot() == before)
    }

    @Test func aFileOfTheWrongShapeIsRefused() throws {
        let store = try CatalogStore.inMemory()
        let object = try #require(throws: CatalogError.self) {
            try store.importGenAIPrices(Data("{}".utf8), named: "data.json", options: options)
        }
        #expect(object.description == "data.json:1:1: error: expected a JSON array of providers at the top level, found an object")

        let noModels = try #require(throws: CatalogError.self) {
            try store.importGenAIPrices(Data(#"[{"id": "openai", "models": []}, {"id": "x"}]"#.utf8), named: "data.json", options: options)
        }
        #expect(noModels.description == #"data.json:1:34: error: [1]: missing required key "models""#)
    }

    private func importedFixture() throws -> CatalogSnapshot {
        let store = try CatalogStore.inMemory()
        try store.importGenAIPrices(Fixture.data("genai-prices-sample.json"), named: "genai-prices-sample.json", options: options)
        return try store.snapshot()
    }
}
