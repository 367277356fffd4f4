@testable import BreakevenCore
import Testing
@testable import BreakevenCatalog

@Suite struct CatalogListingTests {
    let seed: CatalogSnapshot

    init() throws {
        seed = try CatalogStore.seed()
    }

    @Test func listsOnePricePerModelFilteredByProviderAndText() {
        let groq = seed.listModelPrices(provider: "groq")
        #expect(groq.map(\.id) == ["groq/openai/gpt-oss-120b", "groq/openai/gpt-oss-20b"])

        // "gpt-oss-120b" appears under four hosts.
        #expect(seed.listModelPrices(search: "GPT-OSS-120B").map(\.provider) == ["deepinfra", "fireworks_ai", "groq", "together_ai"])
    }

    @Test func listsThePriceInForceOnADay() {
        // o3 has two rows; before the 2025-06-10 cut the list shows $10, after it $2, and before
        // 2025-04-16 o3 had no price at all.
        #expect(seed.listModelPrices(search: "openai/o3", asOf: .day("2025-05-01")).map(\.inputPerMTok) == [10])
        #expect(seed.listModelPrices(search: "openai/o3").map(\.inputPerMTok) == [2])
        #expect(seed.listModelPrices(search: "openai/o3", asOf: .day("2025-04-15")).isEmpty)
    }

    @Test func showsAModelWithItsHistory() {
        #expect(seed.priceHistory(of: "openai/o3").map(\.effectiveFrom) == [.day("2025-04-16"), .day("2025-06-10")])
        guard case let .model(rows) = seed.entries(id: "openai/o3").first else {
            Issue.record("openai/o3 not found")
            return
        }
        #expect(rows.count == 2)
        #expect(seed.entries(id: "no/such-model") == [])
    }

    @Test func listsSpecsOffersMachinesAndPlans() {
        #expect(seed.listGPUs(search: "h100").map(\.id) == ["h100-pcie", "h100-sxm"])
        #expect(seed.listOpenModels(search: "qwen3").map(\.id) == ["qwen3-235b-a22b", "qwen3-30b-a3b", "qwen3-32b", "qwen3-8b", "qwen3-coder-480b-a35b"])
        #expect(seed.listGPUOffers(gpu: "h100-sxm", provider: "gcp").map(\.commitment) == [.onDemand, .reserved1y, .reserved3y])
        #expect(seed.listHardware(search: "mac").map(\.id) == ["mac-studio-m3-ultra-256gb", "mac-studio-m3-ultra-512gb", "mac-studio-m4-max-128gb",
                                                               "macbook-pro-m4-max-128gb"])
        #expect(seed.listPlans(provider: "github").map(\.id) == ["github/copilot-pro", "github/copilot-pro-plus"])
        #expect(seed.entries(id: "h100-sxm") == [.gpu(seed.gpu("h100-sxm")!)])
    }

    @Test func theCheapestOfferFollowsTheCommitment() throws {
        // H100 SXM on demand (2026): RunPod $2.69, Nebius $2.95, Lambda $3.99, CoreWeave $6.155, AWS $10.08 → RunPod;
        // spot: Nebius' preemptible $1.25.
        let day = CalendarDay.day("2026-11-01")
        #expect(seed.cheapestOffer(gpu: "h100-sxm", commitment: .onDemand, asOf: day)?.id == "h100-sxm/runpod/on_demand")
        #expect(seed.cheapestOffer(gpu: "h100-sxm", commitment: .spot, asOf: day)?.hourly == 1.25)
    }

    @Test func theCheapestOfferIsTheCheapestForTheDeployment() throws {
        // H200 on demand: CoreWeave $6.305 a GPU-hour for its 8-GPU instance, RunPod $6.35 for one GPU.
        // One replica of one GPU: RunPod's $6.35 an hour against CoreWeave's 8 × $6.305 = $50.44.
        let day = CalendarDay.day("2026-11-01")
        #expect(seed.cheapestOffer(gpu: "h200", commitment: .onDemand, asOf: day)?.id == "h200/runpod/on_demand")
        // Eight (or four of 2 GPUs) fill the instance: 8 × $6.305 = $50.44 against 8 × $6.35 = $50.80.
        #expect(seed.cheapestOffer(gpu: "h200", commitment: .onDemand, asOf: day, replicas: 8)?.id == "h200/coreweave/on_demand")
        #expect(seed.cheapestOffer(gpu: "h200", commitment: .onDemand, asOf: day, replicas: 4, gpusPerReplica: 2)?.id == "h200/coreweave/on_demand")
        // Five of 2 GPUs: CoreWeave bills 16 (2 instances), $100.88; RunPod 10, $63.50.
        #expect(seed.cheapestOffer(gpu: "h200", commitment: .onDemand, asOf: day, replicas: 5, gpusPerReplica: 2)?.id == "h200/runpod/on_demand")
    }
}
