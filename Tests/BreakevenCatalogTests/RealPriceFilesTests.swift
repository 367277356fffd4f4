@testable import BreakevenCore
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
        // Importing the file the seed's API prices come from changes no seed price (the seed outranks it,
        // issue 14), and LiteLLM agrees with every seed price it lists: it only fills what the seed leaves out.
        let store = try CatalogStore.inMemory()
        let seed = try CatalogStore.seed()
        try store.install(seed)
        try store.importLiteLLM(Data(contentsOf: Self.liteLLM), named: "litellm-model-prices.json",
                                options: PriceImportOptions(observedOn: PriceImportWorkload.liteLLMObservedOn))
        let catalog = try store.snapshot()
        let changed = Set(seed.modelPrices.map(\.id)).filter { id in
            let a = seed.priceHistory(of: id), b = catalog.priceHistory(of: id)
            return a.count != b.count || zip(a, b).contains { !$0.hasSamePrices(as: $1) && $0.supplement == nil && $1.supplement == nil }
        }
        #expect(changed == [])
    }

    @Test(.enabled(if: present)) func importingTheFullPairAgainSettles() throws {
        // Issue 11: LiteLLM then genai-prices, again and again, reported `updated 25` every round.
        let store = try CatalogStore.inMemory()
        let liteLLMData = try Data(contentsOf: Self.liteLLM)
        let genAIData = try Data(contentsOf: Self.genAIPrices)
        let options = PriceImportOptions(observedOn: .day("2026-11-27"), dating: .importDate)
        func round() throws -> [ImportSummary] {
            [try store.importLiteLLM(liteLLMData, named: "litellm-model-prices.json", options: options),
             try store.importGenAIPrices(genAIData, named: "genai-prices-v2-data.json", options: options)]
        }
        _ = try round()
        let settled = try store.snapshot()
        let second = try round()
        #expect(second.map { [$0.added, $0.updated, $0.confirmed] } == [[0, 0, 0], [0, 0, 0]])
        #expect(try store.snapshot() == settled)
    }
}
