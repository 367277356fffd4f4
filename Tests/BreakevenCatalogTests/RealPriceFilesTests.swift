import BreakevenCore
import Foundation
import Testing
@testable import BreakevenCatalog

/// An extra check against the full published files in /work/shared/data (thousands of entries,
/// every odd field). A fresh clone does not have them: then these tests do not run.
@Suite struct RealPriceFilesTests {
    static let folder = URL(fileURLWithPath: "/work/shared/data")
    static let liteLLM = folder.appendingPathComponent("litellm-model-prices.json")
    static let genAIPrices = folder.appendingPathComponent("genai-prices-v2-data.json")
    static let present = FileManager.default.fileExists(atPath: liteLLM.path)
        && FileManager.default.fileExists(atPath: genAIPrices.path)

    @Test(.enabled(if: present)) func theFullFilesImportAndReimportUnchanged() throws {
        let store = try CatalogStore.inMemory()
        let liteLLMData = try Data(contentsOf: Self.liteLLM)
        let genAIData = try Data(contentsOf: Self.genAIPrices)
        let liteLLMOptions = PriceImportOptions(observedOn: PriceImportWorkload.liteLLMObservedOn)
        let genAIOptions = PriceImportOptions(observedOn: PriceImportWorkload.genAIPricesObservedOn)

        let liteLLM = try store.importLiteLLM(liteLLMData, named: "litellm-model-prices.json", options: liteLLMOptions)
        #expect(liteLLM.entries == 4_878)
        #expect(liteLLM.added > 3_000)
        #expect(liteLLM.added + liteLLM.skippedTotal == liteLLM.entries)
        #expect(liteLLM.skipped["sample_spec (describes the format)"] == 1)

        let again = try store.importLiteLLM(liteLLMData, named: "litellm-model-prices.json", options: liteLLMOptions)
        #expect((again.added, again.updated, again.unchanged) == (0, 0, liteLLM.added))

        let genAI = try store.importGenAIPrices(genAIData, named: "genai-prices-v2-data.json", options: genAIOptions)
        #expect(genAI.entries == 1_466)
        let genAIAgain = try store.importGenAIPrices(genAIData, named: "genai-prices-v2-data.json", options: genAIOptions)
        #expect((genAIAgain.added, genAIAgain.updated) == (0, 0))

        let catalog = try store.snapshot()
        #expect(catalog.modelPrice("openai/gpt-4o", asOf: .day("2026-11-01"))?.batchInputPerMTok == 1.25)
        #expect(catalog.modelPrice("anthropic/claude-sonnet-5", asOf: .day("2026-09-01"))?.inputPerMTok == 3)
    }

    @Test(.enabled(if: present)) func theSeedAgreesWithLiteLLM() throws {
        // Importing the file the seed's API prices come from finds every seed row it covers unchanged:
        // the seed copied them right.
        let store = try CatalogStore.inMemory()
        let seed = try CatalogStore.seed()
        try store.install(seed)
        try store.importLiteLLM(Data(contentsOf: Self.liteLLM), named: "litellm-model-prices.json",
                                options: PriceImportOptions(observedOn: PriceImportWorkload.liteLLMObservedOn))
        let catalog = try store.snapshot()
        let changed = Set(seed.modelPrices.map(\.id)).filter { catalog.priceHistory(of: $0) != seed.priceHistory(of: $0) }
        // Two real disagreements, recorded as a change on the day LiteLLM was read:
        // - claude-sonnet-5: the seed follows genai-prices' $3 from 2026-09-01; LiteLLM 1.110.2 still says $2.
        // - claude-sonnet-4-5: the seed has genai-prices' >200k-token tier ($6 / $22.50); LiteLLM lists none.
        // (google/… ids are genai-prices' and not in LiteLLM.)
        #expect(changed == ["anthropic/claude-sonnet-4-5", "anthropic/claude-sonnet-5"])
    }
}
