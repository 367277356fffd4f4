@testable import BreakevenCore
import Foundation
import Testing
@testable import BreakevenCatalog

/// When several sources give one model's prices (issue 14), and importing the same pair of files
/// again and again (issue 11: it reported `updated 25` every round).
@Suite struct PrecedenceTests {
    static let day = CalendarDay.day("2026-11-27")

    static func importBoth(_ store: CatalogStore, on day: CalendarDay) throws -> [ImportSummary] {
        let options = PriceImportOptions(observedOn: day, dating: .importDate)
        return [try store.importLiteLLM(Fixture.data("litellm-sample.json"), named: "litellm-sample.json", options: options),
                try store.importGenAIPrices(Fixture.data("genai-prices-sample.json"), named: "genai-prices-sample.json", options: options)]
    }

    @Test func importingTheSamePairAgainChangesNothing() throws {
        let store = try CatalogStore.inMemory()
        _ = try Self.importBoth(store, on: Self.day)
        let settled = try store.snapshot()
        for _ in 1...2 {
            let round = try Self.importBoth(store, on: Self.day)
            #expect(round.map { [$0.added, $0.updated, $0.confirmed] } == [[0, 0, 0], [0, 0, 0]])
            #expect(try store.snapshot() == settled)
        }
        // The other order settles too, to the same catalog.
        let reversed = try CatalogStore.inMemory()
        let options = PriceImportOptions(observedOn: Self.day, dating: .importDate)
        for _ in 1...2 {
            try reversed.importGenAIPrices(Fixture.data("genai-prices-sample.json"), named: "genai-prices-sample.json", options: options)
            try reversed.importLiteLLM(Fixture.data("litellm-sample.json"), named: "litellm-sample.json", options: options)
        }
        let other = try reversed.snapshot()
        #expect(other.modelPrices.count == settled.modelPrices.count)
        for (a, b) in zip(other.modelPrices, settled.modelPrices) where a != b { #expect(a == b) }
    }

    @Test func aLaterRoundOnlyConfirms() throws {
        let store = try CatalogStore.inMemory()
        _ = try Self.importBoth(store, on: Self.day)
        _ = try Self.importBoth(store, on: Self.day)
        let next = try Self.importBoth(store, on: .day("2026-11-28"))
        #expect(next.map { [$0.added, $0.updated] } == [[0, 0], [0, 0]])
        #expect(next.allSatisfy { $0.confirmed > 0 })
    }

    @Test func genAIPricesGovernsAndLiteLLMFillsWhatItLeavesOut() throws {
        let store = try CatalogStore.inMemory()
        _ = try Self.importBoth(store, on: Self.day)
        let catalog = try store.snapshot()
        // Both list claude-sonnet-4-5 at $3 / $15. genai-prices outranks LiteLLM, so its row stands (with its
        // >200k tier, which LiteLLM's entry lacks); LiteLLM adds the batch prices genai-prices' file leaves out.
        let sonnet = try #require(catalog.modelPrice("anthropic/claude-sonnet-4-5", asOf: Self.day))
        #expect(sonnet.origin == .genAIPrices)
        #expect(sonnet.longContext.map(\.aboveInputTokens) == [200_000])
        #expect([sonnet.batchInputPerMTok, sonnet.batchOutputPerMTok, sonnet.batchCachedInputPerMTok, sonnet.batchCacheWritePerMTok]
            == [1.5, 7.5, 0.15, 1.875])
        #expect(sonnet.supplement == "batch, batch cache prices from LiteLLM (2026-11-27)")
        // deepseek-chat: the files disagree (genai-prices' off-peak base $0.135 against LiteLLM's $0.28): genai-prices wins.
        let deepseek = try #require(catalog.modelPrice("deepseek/deepseek-chat", asOf: Self.day))
        #expect(deepseek.origin == .genAIPrices && deepseek.inputPerMTok == 0.135)
        // A model only LiteLLM lists keeps LiteLLM's prices.
        #expect(catalog.modelPrice("gemini/gemini-2.5-pro", asOf: Self.day)?.origin == .liteLLM)
    }

    @Test func theSeedOutranksBothFiles() throws {
        let store = try CatalogStore.inMemory()
        let seed = try CatalogStore.seed()
        try store.install(seed)
        _ = try Self.importBoth(store, on: Self.day)
        _ = try Self.importBoth(store, on: Self.day)
        let catalog = try store.snapshot()
        // No seed price changes; the files only fill what a seed row leaves out (and may add the periods
        // before the seed's first row: claude-sonnet-5's $2 before 2026-09-01, from genai-prices).
        for a in seed.modelPrices {
            let b = try #require(catalog.priceHistory(of: a.id).first { $0.effectiveFrom == a.effectiveFrom }, "\(a.id)")
            #expect([a.inputPerMTok, a.outputPerMTok] == [b.inputPerMTok, b.outputPerMTok], "\(a.id)")
            #expect(a.cachedInputPerMTok == b.cachedInputPerMTok || a.cachedInputPerMTok == nil, "\(a.id)")
        }
    }
}
