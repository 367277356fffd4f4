@testable import BreakevenCore
import Foundation
import Testing
@testable import BreakevenCatalog

@Suite struct CatalogSeedTests {
    let seed: CatalogSnapshot

    init() throws {
        seed = try CatalogStore.seed()
    }

    @Test func holdsTheRequiredEntries() {
        let modelIDs = Set(seed.modelPrices.map(\.id))
        #expect(modelIDs.count >= 30)
        for id in ["openai/gpt-4o", "openai/gpt-4.1-mini", "anthropic/claude-haiku-4-5", "anthropic/claude-sonnet-4-5",
                   "google/gemini-2.5-pro", "gemini/gemini-2.5-pro", "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"] {
            #expect(modelIDs.contains(id), "missing \(id)")
        }
        // hosted open models from at least three providers besides the closed labs
        let hosts = Set(seed.modelPrices.map(\.provider)).subtracting(["openai", "anthropic", "google", "gemini"])
        #expect(hosts.count >= 3)

        #expect(seed.gpus.map(\.id) == ["a100-80gb", "b200", "b300", "gb200", "h100-pcie", "h100-sxm", "h200", "l4", "l40s",
                                        "mi300x", "mi325x", "mi355x", "rtx-4090", "rtx-5090", "rtx-pro-6000"])
        #expect(seed.openModels.map(\.id) == ["deepseek-r1", "deepseek-v3", "gpt-oss-120b", "gpt-oss-20b", "kimi-k2", "llama-3.1-405b",
                                              "llama-3.1-70b", "llama-3.1-8b", "llama-3.3-70b", "llama-4-maverick", "llama-4-scout",
                                              "mixtral-8x7b", "qwen3-235b-a22b", "qwen3-30b-a3b", "qwen3-32b", "qwen3-8b",
                                              "qwen3-coder-480b-a35b"])
        #expect(seed.gpuOffers.count >= 15)
        #expect(Set(seed.gpuOffers.map(\.commitment)) == Set(GPUCommitment.allCases))
        #expect(Set(seed.gpuOffers.map(\.provider)).count >= 3)
        #expect(Set(seed.hardware.map(\.id)) == ["pc-rtx-4090", "pc-rtx-5090", "mac-studio-m3-ultra-256gb", "mac-studio-m3-ultra-512gb", "mac-studio-m4-max-128gb", "macbook-pro-m4-max-128gb", "dgx-spark"])
        // Provisioned capacity from the three providers that sell it.
        #expect(Set(seed.entries.filter { $0.kind == "provisioned" }.map(\.provider)) == ["azure", "openai", "aws-bedrock"])
        #expect(seed.plans.count == 8)
        for id in ["openai/chatgpt-plus", "anthropic/claude-pro", "github/copilot-pro", "cursor/pro"] {
            #expect(seed.plan(id, asOf: CalendarDay(year: 2026, month: 11, day: 1)) != nil, "missing \(id)")
        }
    }

    @Test func everyRowNamesItsSource() {
        #expect(seed.modelPrices.allSatisfy { !$0.source.isEmpty })
        #expect(seed.gpus.allSatisfy { !$0.source.isEmpty && $0.retrievedOn != nil })
        #expect(seed.openModels.allSatisfy { !$0.source.isEmpty && $0.retrievedOn != nil })
        #expect(seed.gpuOffers.allSatisfy { !$0.source.isEmpty && seed.gpu($0.gpu) != nil })
        #expect(seed.hardware.allSatisfy { !$0.source.isEmpty })
        #expect(seed.plans.allSatisfy { !$0.source.isEmpty })
        #expect(seed.entries.allSatisfy { !$0.source.isEmpty })
    }

    @Test func gpt4oCostsWhatOpenAIChargesForOneLongRequest() throws {
        let day = CalendarDay(year: 2026, month: 11, day: 1)
        let price = try #require(seed.modelPrice("openai/gpt-4o", asOf: day))
        #expect(price.inputPerMTok == 2.50)
        #expect(price.cachedInputPerMTok == 1.25)
        #expect(price.outputPerMTok == 10.00)
        #expect(price.batchInputPerMTok == 1.25)
        #expect(price.batchOutputPerMTok == 5.00)

        // 1,000,000 input tokens, half of them cache reads, and 200,000 output tokens:
        // 0.5 M × $2.50 + 0.5 M × $1.25 + 0.2 M × $10 = 1.25 + 0.625 + 2.00 = $3.875
        #expect(RequestCost.standard(price, input: 1_000_000, cached: 500_000, output: 200_000) == 3.875)
        // As batch traffic every input token pays the batch input price, cached or not (LiteLLM's
        // batch_cost_calculator): 1.0 M × $1.25 + 0.2 M × $5 = 1.25 + 1.00 = $2.25.
        // (Halving the standard bill, cache reads included, would give 3.875 / 2 = $1.9375 instead.)
        #expect(RequestCost.batch(price, input: 1_000_000, output: 200_000) == 2.25)
    }

    @Test func keepsADatedPriceCut() throws {
        // o3 launched at $10 / $40 per million and was cut to $2 / $8 on 2025-06-10.
        let before = try #require(seed.modelPrice("openai/o3", asOf: CalendarDay(year: 2025, month: 6, day: 9)))
        let after = try #require(seed.modelPrice("openai/o3", asOf: CalendarDay(year: 2025, month: 6, day: 10)))
        #expect((before.inputPerMTok, before.outputPerMTok) == (10, 40))
        #expect((after.inputPerMTok, after.outputPerMTok) == (2, 8))
    }

    @Test func readsBackFromADatabaseUnchanged() throws {
        let store = try CatalogStore.inMemory()
        let first = try store.install(seed)
        let rows = seed.modelPrices.count + seed.gpus.count + seed.gpuOffers.count + seed.openModels.count
            + seed.hardware.count + seed.plans.count + seed.entries.count
        #expect(first == ImportSummary(entries: rows, added: rows))
        #expect(try store.snapshot() == seed)
        #expect(try store.fingerprint() == seed.fingerprint)

        // Installing it again finds every row in place.
        #expect(try store.install(seed) == ImportSummary(entries: rows, unchanged: rows))
    }
}

@Suite struct CatalogSeedFileTests {
    @Test func refusesAnotherVersion() {
        let error = #expect(throws: CatalogError.self) {
            try CatalogSeedFile.decode(Data(#"{"version": 2, "modelPrices": []}"#.utf8))
        }
        #expect(error?.description == "the embedded catalog seed cannot be read: version 2 is not supported (expected 1)")
    }

    @Test func saysWhichValueIsWrong() {
        let seed = #"""
            {"version": 1, "modelPrices": [{"id": "openai/gpt-4o", "provider": "openai", "effectiveFrom": "2026-13-01",
              "inputPerMTok": 2.5, "outputPerMTok": 10, "longContext": [], "timeOfDay": [], "source": "test"}],
             "gpus": [], "gpuOffers": [], "openModels": [], "hardware": [], "plans": []}
            """#
        let error = #expect(throws: CatalogError.self) { try CatalogSeedFile.decode(Data(seed.utf8)) }
        #expect(error?.description
            == "the embedded catalog seed cannot be read: 1:95: modelPrices[0].effectiveFrom: expected YYYY-MM-DD, found 2026-13-01")
    }
}

/// The cost of one request at a catalog price, the simplest way: what the tests check prices by.
enum RequestCost {
    static func standard(_ price: ModelPrice, input: Double, cached: Double, output: Double) -> Double {
        ((input - cached) * price.inputPerMTok + cached * (price.cachedInputPerMTok ?? price.inputPerMTok)
            + output * price.outputPerMTok) / 1_000_000
    }

    static func batch(_ price: ModelPrice, input: Double, output: Double) -> Double {
        (input * (price.batchInputPerMTok ?? price.inputPerMTok) + output * (price.batchOutputPerMTok ?? price.outputPerMTok))
            / 1_000_000
    }
}

/// The seed is dated 2026 (issue 14): every offer, machine and plan takes effect in 2026, and every API price
/// in force was confirmed by a 2026 source; an older price row is history that a later row superseded.
@Suite struct SeedFreshnessTests {
    @Test func everyEntryIsFrom2026() throws {
        let seed = try CatalogStore.seed()
        let start = CalendarDay(year: 2026, month: 1, day: 1)
        let older = seed.gpuOffers.filter { $0.effectiveFrom < start }.map(\.id)
            + seed.hardware.filter { $0.effectiveFrom < start }.map(\.id)
            + seed.plans.filter { $0.effectiveFrom < start }.map(\.id)
            + seed.modelPrices.filter { $0.lastConfirmed < start && !$0.source.contains("superseded on") }.map(\.id)
        #expect(older == [])
        for source in seed.gpuOffers.map(\.source) + seed.hardware.map(\.source) + seed.plans.map(\.source)
            + seed.modelPrices.map(\.source) {
            // A web page, or the price file (LiteLLM's, at a named version) the row was read from.
            #expect(source.contains("https://") || source.contains("model_prices_and_context_window.json"), "no source in \(source)")
        }
    }

    /// A superseded API price is history: the row that replaced it is the one in force in 2026, and a
    /// source confirmed it in 2026.
    @Test func supersededPricesGaveWayToOnesConfirmedIn2026() throws {
        let seed = try CatalogStore.seed()
        let start = CalendarDay(year: 2026, month: 1, day: 1)
        let history = seed.modelPrices.filter { $0.lastConfirmed < start }
        #expect(history.map(\.id) == ["openai/o3"])
        for old in history {
            #expect(old.source.contains("superseded on"))
            let current = try #require(seed.modelPrice(old.id, asOf: start))
            #expect(current.effectiveFrom > old.effectiveFrom)
            #expect(current.lastConfirmed >= start)
        }
        // o3's cut of 2025-06-10 (genai-prices start_date) is the row in force, seen unchanged in November 2026.
        let o3 = try #require(seed.modelPrice("openai/o3", asOf: start))
        #expect(o3.effectiveFrom == CalendarDay(year: 2025, month: 6, day: 10))
        #expect(o3.lastConfirmed == CalendarDay(year: 2026, month: 11, day: 1))
    }

    @Test func seedPricesOutrankImports() throws {
        #expect(try CatalogStore.seed().modelPrices.allSatisfy { $0.origin == .seed })
    }
}
