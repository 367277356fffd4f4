import Testing
@testable import BreakevenCatalog
@testable import BreakevenCore

/// Scenarios that name catalog entries instead of writing prices, resolved against the seed.
@Suite("Scenarios that reference the catalog")
struct CatalogScenarioTests {
    static func scenario(_ options: [String], workload: String, start: String = "2026-12", extra: String = "") throws -> Scenario {
        let text = """
            { "version": 1, "name": "t", "start": "\(start)", "months": 1 \(extra),
              "workload": \(workload), "options": [\(options.joined(separator: ","))] }
            """
        return try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: try CatalogStore.seed()).scenario
    }

    static func errors(_ options: [String], workload: String, extra: String = "") -> [String] {
        let text = """
            { "version": 1, "name": "t", "start": "2026-12", "months": 1 \(extra),
              "workload": \(workload), "options": [\(options.joined(separator: ","))] }
            """
        do {
            _ = try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: try CatalogStore.seed())
            return []
        } catch let error as ScenarioErrors {
            return error.diagnostics.map { $0.formatted(file: "t.json") }
        } catch {
            return ["\(error)"]
        }
    }

    static func firstMonth(_ s: Scenario, _ id: String) -> MonthlyProjection? {
        Simulator.project(s).options.first { $0.optionID == id }?.months.first
    }

    /// One request of 1,000,000 prompt tokens, half cached, and 200,000 output tokens.
    static func oneBigRequest(batch: Double) -> String {
        #"{ "requests_per_month": 1, "input_tokens_per_request": 1000000, "output_tokens_per_request": 200000, "cached_input_share": 0.5, "batch_share": \#(batch) }"#
    }

    @Test func gpt4oFromTheSeed() throws {
        let option = #"{ "id": "gpt", "type": "api", "model": "openai/gpt-4o" }"#
        let standard = try Self.scenario([option], workload: Self.oneBigRequest(batch: 0))
        // 500,000 × $2.50 + 500,000 × $1.25 + 200,000 × $10 per million = 1.25 + 0.625 + 2.00 = $3.875
        #expect(abs((Self.firstMonth(standard, "gpt")?.costs.api ?? 0) - 3.875) < 1e-9)
        let batch = try Self.scenario([option], workload: Self.oneBigRequest(batch: 1))
        // Batch: every prompt token at the $1.25 batch input price (LiteLLM's batch cost), output at $5:
        // 1,000,000 × 1.25 + 200,000 × 5 per million = 1.25 + 1.00 = $2.25
        #expect(abs((Self.firstMonth(batch, "gpt")?.costs.api ?? 0) - 2.25) < 1e-9)
        // The report names the catalog entry behind each price.
        #expect(standard.assumptions.contains {
            $0.path == "options.gpt.prices.input_per_mtok" && $0.value == "2.5"
                && $0.sourceDescription.hasPrefix("catalog openai/gpt-4o (2024-10-02; LiteLLM")
        })
    }

    @Test func aScenarioInEurosConvertsTheCatalogsDollars() throws {
        let option = #"{ "id": "gpt", "type": "api", "model": "openai/gpt-4o" }"#
        let s = try Self.scenario([option], workload: Self.oneBigRequest(batch: 0), extra: #", "currency": "EUR", "usd_rate": 0.9"#)
        // $2.50, $1.25 and $10 per million × 0.9 = €2.25, €1.125 and €9:
        // 500,000 × 2.25 + 500,000 × 1.125 + 200,000 × 9 per million = 1.125 + 0.5625 + 1.80 = €3.4875 (= $3.875 × 0.9).
        #expect(abs((Self.firstMonth(s, "gpt")?.costs.api ?? 0) - 3.4875) < 1e-9)
        #expect(s.assumptions.contains {
            $0.path == "options.gpt.prices.input_per_mtok" && $0.value == "2.25" && $0.sourceDescription.hasSuffix("(× 0.9 EUR per USD))")
        })
        // GPU-hours, machines and plans too: the cheapest on-demand H100 SXM, $2.69, is €2.421; a $20 plan €18.
        let more = [
            #"{ "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "commitment": "on_demand", "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }"#,
            #"{ "id": "seat", "type": "subscription", "plan": "anthropic/claude-pro" }"#,
        ]
        let t = try Self.scenario([option] + more, workload: Self.oneBigRequest(batch: 0), extra: #", "currency": "EUR", "usd_rate": 0.9"#)
        #expect(t.assumptions.first { $0.path == "options.self.gpu_hourly" }?.value == "2.421")
        #expect(t.assumptions.first { $0.path == "options.seat.monthly_fee" }?.value == "18")
        // Without the rate, dollars would pass for euros: an error, at the currency.
        #expect(Self.errors([option], workload: Self.oneBigRequest(batch: 0), extra: #", "currency": "EUR""#) == [
            #"t.json:1:76: error: currency: this scenario counts in EUR but takes prices from the catalog, which are in US dollars (options.gpt.prices.input_per_mtok and 3 more); give usd_rate (EUR per US dollar) to convert them, or write those prices"#,
        ])
        // A rate with dollars converts nothing: an error too.
        #expect(Self.errors([option], workload: Self.oneBigRequest(batch: 0), extra: #", "usd_rate": 0.9"#) == [
            #"t.json:1:76: error: usd_rate: usd_rate converts the catalog's US-dollar prices into the scenario's currency; with currency "USD" leave it out"#,
        ])
    }

    @Test func inlinePricesOverrideTheCatalogKeyByKey() throws {
        let option = #"{ "id": "gpt", "type": "api", "model": "openai/gpt-4o", "prices": { "output_per_mtok": 8 } }"#
        let s = try Self.scenario([option], workload: Self.oneBigRequest(batch: 0))
        // 1.25 + 0.625 + 200,000 × $8 / 1e6 = 1.875 + 1.60 = $3.475
        #expect(abs((Self.firstMonth(s, "gpt")?.costs.api ?? 0) - 3.475) < 1e-9)
    }

    @Test func asOfPicksThePriceInEffect() throws {
        // o3: $10 / $40 from 2025-04-16, $2 / $8 from 2025-06-10 (the 80% cut).
        let option = #"{ "id": "o3", "type": "api", "model": "openai/o3" }"#
        let workload = #"{ "requests_per_month": 1000, "input_tokens_per_request": 1000, "output_tokens_per_request": 1000 }"#
        let before = try Self.scenario([option], workload: workload, extra: #", "as_of": "2025-06-09""#)
        let after = try Self.scenario([option], workload: workload, extra: #", "as_of": "2025-06-10""#)
        // 1e6 input + 1e6 output tokens: $10 + $40 = $50 before, $2 + $8 = $10 after
        #expect(abs((Self.firstMonth(before, "o3")?.costs.api ?? 0) - 50) < 1e-9)
        #expect(abs((Self.firstMonth(after, "o3")?.costs.api ?? 0) - 10) < 1e-9)
    }

    @Test func unknownAndUnpricedModelsAreErrorsNeverZero() {
        let workload = #"{ "requests_per_month": 1, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#
        #expect(Self.errors([#"{ "id": "a", "type": "api", "model": "openai/gpt4o" }"#], workload: workload) == [
            #"t.json:2:156: error: options[0].model: unknown catalog model "openai/gpt4o"; did you mean "openai/gpt-4o"?"#,
        ])
        #expect(Self.errors([#"{ "id": "a", "type": "api", "model": "openai/o3" }"#], workload: workload, extra: #", "as_of": "2025-01-01""#) == [
            #"t.json:2:156: error: options[0].model: catalog model "openai/o3" has no price in effect on 2025-01-01 (its first price takes effect on 2025-04-16); set as_of or give prices"#,
        ])
    }

    @Test func anEntryNotYetInEffectIsNotUnknown() {
        // The seed prices the 256 GB Mac Studio from 2026-06-25, and a100-80gb/coreweave/on_demand
        // from 2026-02-01: before those days they are in the catalog, not unknown (the message
        // used to be "unknown catalog machine X; did you mean X?").
        let workload = #"{ "requests_per_month": 1, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#
        #expect(Self.errors([#"{ "id": "mac", "type": "owned_hardware", "hardware": "mac-studio-m3-ultra-256gb", \#(Self.fixedThroughput) }"#],
                            workload: workload, extra: #", "as_of": "2026-05-01""#).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 } == [
            #"options[0].hardware: catalog machine "mac-studio-m3-ultra-256gb" has no price in effect on 2026-05-01 (its first price takes effect on 2026-06-25); set as_of or give purchase_price"#,
        ])
        #expect(Self.errors([#"{ "id": "gpu", "type": "self_hosted", "gpu_offer": "a100-80gb/coreweave/on_demand", \#(Self.fixedThroughput) }"#],
                            workload: workload, extra: #", "as_of": "2026-01-01""#).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 } == [
            #"options[0].gpu_offer: catalog GPU offer "a100-80gb/coreweave/on_demand" has no entry in effect on 2026-01-01 that fits here; set as_of, or give its figures"#,
        ])
    }

    @Test func wattsWrittenOverACatalogMachineKeepIdleAtMostBusy() {
        // The seed's RTX 4090 PC draws 550 W busy and 80 W idle: a scenario's figure is checked
        // against the catalog's other one, at the key the scenario wrote.
        let workload = #"{ "requests_per_month": 1, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#
        func errors(_ watts: String) -> [String] {
            Self.errors([#"{ "id": "pc", "type": "owned_hardware", "hardware": "pc-rtx-4090", \#(watts) \#(Self.fixedThroughput) }"#],
                        workload: workload).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 }
        }
        #expect(errors(#""watts_idle": 600,"#) == ["options[0].watts_idle: expected at most watts_busy (550), found 600"])
        #expect(errors(#""watts_busy": 50,"#) == ["options[0].watts_busy: expected at least watts_idle (80), found 50"])
        #expect(errors(#""watts_busy": 80,"#).isEmpty)
    }

    @Test func fixedUnitsOfACatalogOfferAreADeploymentItSells() {
        // The seed's Azure global PTU offers: 15 units at least, then steps of 5.
        let workload = #"{ "requests_per_month": 1000, "input_tokens_per_request": 1000, "output_tokens_per_request": 100 }"#
        func errors(_ units: Int) -> [String] {
            Self.errors([#"{ "id": "api", "type": "api", "model": "openai/gpt-4o" }"#,
                         #"{ "id": "ptu", "type": "provisioned", "offer": "azure/gpt-4o/global/monthly", "units": \#(units), "overflow": "api" }"#],
                        workload: workload).map { $0.split(separator: " error: ").last.map(String.init) ?? $0 }
        }
        #expect(errors(10) == ["options[1].units: expected at least min_units (15), found 10"])
        #expect(errors(22) == ["options[1].units: expected min_units (15) or a multiple of unit_increment (5) above it, found 22"])
        #expect(errors(15).isEmpty)
        #expect(errors(25).isEmpty)
    }

    static let gpuWorkload = #"{ "requests_per_month": 0, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#

    @Test func aGPUIdThatStartsAnIdIsCompletedNotRetyped() {
        // "h100" is one edit from "h200" but starts "h100-pcie" and "h100-sxm": the nearest completion.
        #expect(Self.errors([#"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "gpu": "h100", \#(Self.fixedThroughput) }"#], workload: Self.gpuWorkload) == [
            #"t.json:2:181: error: options[0].gpu: unknown catalog GPU "h100"; did you mean "h100-sxm"?"#,
        ])
    }

    static let fixedThroughput = #""throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 }"#

    @Test func commitmentPicksTheCheapestOffer() throws {
        let option = #"{ "id": "gpu", "type": "self_hosted", "gpu": "h100-sxm", "commitment": "on_demand", \#(Self.fixedThroughput) }"#
        let s = try Self.scenario([option], workload: Self.gpuWorkload)
        // On-demand H100 SXM offers: RunPod $2.69, Nebius $2.95, Lambda $3.99, CoreWeave $6.155, AWS $10.08 → RunPod's $2.69;
        // one idle replica for December's 744 hours = $2,001.36
        #expect(abs((Self.firstMonth(s, "gpu")?.costs.gpu ?? 0) - 2.69 * 744) < 1e-9)
    }

    @Test func commitmentPicksTheCheapestOfferForTheDeployment() throws {
        // H200 on demand: CoreWeave $6.305 a GPU-hour in 8-GPU instances, RunPod $6.35 for one GPU.
        // One replica (the default minimum) pays RunPod's $6.35 against CoreWeave's 8 × $6.305; eight
        // at least fill CoreWeave's instance, 8 × $6.305 = $50.44 against 8 × $6.35 = $50.80.
        func hourly(_ minimum: String) throws -> String? {
            let option = #"{ "id": "gpu", "type": "self_hosted", "gpu": "h200", "commitment": "on_demand", \#(minimum) \#(Self.fixedThroughput) }"#
            return try Self.scenario([option], workload: Self.gpuWorkload).assumptions.first { $0.path == "options.gpu.gpu_hourly" }?.value
        }
        #expect(try hourly("") == "6.35")
        #expect(try hourly(#""min_replicas": 8,"#) == "6.305")
    }

    @Test func spotKeepsSpareCapacity() throws {
        // 7,440,000 s of output work in December (744 h × 3,600 s = 2,678,400 s): an average
        // load of 2.78 replicas; with the 10% spot overhead and 70% utilization,
        // 2.78 × 1.1 / 0.7 = 4.36 → 5 replicas at Nebius' $1.25 preemptible (spot) price.
        let workload = #"{ "requests_per_month": 7440000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let option = #"{ "id": "gpu", "type": "self_hosted", "gpu": "h100-sxm", "commitment": "spot", \#(Self.fixedThroughput) }"#
        let m = try #require(Self.firstMonth(try Self.scenario([option], workload: workload), "gpu"))
        #expect(m.replicas == 5)
        #expect(abs(m.costs.gpu - 5 * 744 * 1.25) < 1e-9)
    }

    @Test func reservedReplicasWithOnDemandBurst() throws {
        // 7,440,000 s / 2,678,400 s = 2.78 replicas of load; ÷ 0.7 = 3.97 → 4 replicas.
        // 2 reserved for 12 months at Lambda's $1.85 reservation (the cheapest reserved_1y offer), which
        // rents 8x H100 SXM: one 8-GPU instance, whose 8 GPUs run all 4 replicas, so nothing bursts on
        // demand: 8 × 744 × 1.85 = $11,011.20 (on 1-GPU rentals it would be 2 reserved and 2 on demand
        // at RunPod's $2.69: 2 × 744 × 1.85 + 2 × 744 × 2.69 = $6,755.52).
        let workload = #"{ "requests_per_month": 7440000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#
        let option = #"{ "id": "gpu", "type": "self_hosted", "gpu": "h100-sxm", "commitment": { "reserved_replicas": 2, "term_months": 12 }, \#(Self.fixedThroughput) }"#
        let m = try #require(Self.firstMonth(try Self.scenario([option], workload: workload), "gpu"))
        #expect(m.replicas == 4)
        #expect(abs(m.costs.gpu - 11_011.20) < 1e-6)
    }

    @Test func hardwareAndPlanFillTheirValues() throws {
        let machine = #"{ "id": "pc", "type": "owned_hardware", "hardware": "pc-rtx-5090", "units": 1, "electricity_per_kwh": 0.2, \#(Self.fixedThroughput) }"#
        let plan = #"{ "id": "copilot", "type": "subscription", "plan": "github/copilot-pro" }"#
        let workload = #"{ "requests_per_month": 500, "input_tokens_per_request": 0, "output_tokens_per_request": 0 }"#
        let s = try Self.scenario([plan, machine], workload: workload)
        let pc = try #require(Self.firstMonth(s, "pc"))
        // $5,300 for the RTX 5090 PC in month 1 (2026 prices; its book value credited in the last month:
        // 5,300 × (1 − 1/36) = $5,152.78) → 5,300 − 5,152.78 = $147.22
        #expect(abs(pc.costs.hardware - (5_300 - 5_300 * (1 - 1.0 / 36))) < 1e-6)
        // Idle all December at 90 W: 744 h × 90 W = 66.96 kWh × $0.20 = $13.392
        #expect(abs(pc.costs.energy - 13.392) < 1e-9)
        // Copilot Pro: $10 with 300 premium requests; the other 200 go unmet.
        let sub = try #require(Self.firstMonth(s, "copilot"))
        #expect(sub.costs.subscription == 10 && sub.unmetRequests == 200)
    }
}

@Suite("Derived throughput in a scenario")
struct DerivedThroughputScenarioTests {
    @Test func theEngineSizesReplicasOnTheDerivedCapacity() throws {
        let option = """
            { "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "throughput": "derived",
              "model": "llama-3.3-70b", "precision": "fp8", "kv_cache_precision": "fp8", "tensor_parallel": 2,
              "max_utilization": 1 }
            """
        let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 1000 }"#
        let s = try CatalogScenarioTests.scenario([option], workload: workload)
        let derived = try #require(s.options[0].capacity)
        let d = try #require(s.options[0].provisioning?.throughput)
        // The replica is the derived one: two GPUs, its two rates handed to the engine unchanged.
        #expect(s.options[0].provisioning?.devices == 2 && derived.tensorParallel == 2)
        #expect(d.outputTokensPerSecond == derived.outputTokensPerSecond)
        #expect(d.inputTokensPerSecond == derived.inputTokensPerSecond)
        // Replicas = ceil(work / seconds): 1e9 / input rate + 1e9 / output rate replica-seconds in
        // December's 2,678,400 s, at 100% utilization.
        let work = 1e9 / derived.inputTokensPerSecond + 1e9 / derived.outputTokensPerSecond
        let m = try #require(CatalogScenarioTests.firstMonth(s, "self"))
        #expect(m.replicas == (work / 2_678_400).rounded(.up))
        // Every replica is 2 GPUs × $2 × 744 h.
        #expect(abs(m.costs.gpu - (m.replicas ?? 0) * 2 * 2 * 744) < 1e-6)
    }

    @Test func anInlineLatentAttentionModelSizesAsTheCatalogOne() throws {
        // DeepSeek-V3 written out in the scenario, latent_kv_values included, derives the catalog entry's capacity:
        // 61 layers × 576 values × 1 byte (FP8) × 8 devices = 281,088 B of KV cache a token.
        func option(_ model: String) -> String {
            """
            { "id": "self", "type": "self_hosted", "gpu": "h200", "gpu_hourly": 3, "throughput": "derived",
              "model": \(model), "precision": "fp8", "kv_cache_precision": "fp8", "tensor_parallel": 8, "layout": "tensor" }
            """
        }
        let inline = """
            { "total_parameters": 671e9, "active_parameters": 37e9, "layers": 61, "hidden_size": 7168, "attention_heads": 128,
              "kv_heads": 128, "head_dimension": 192, "latent_kv_values": 576, "context_length": 163840,
              "experts": 256, "experts_per_token": 8 }
            """
        let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 1024, "output_tokens_per_request": 2048 }"#
        let written = try #require(CatalogScenarioTests.scenario([option(inline)], workload: workload).options[0].capacity)
        let catalog = try #require(CatalogScenarioTests.scenario([option(#""deepseek-v3""#)], workload: workload).options[0].capacity)
        #expect(written.kvCacheBytesPerToken == 281_088 && catalog.kvCacheBytesPerToken == 281_088)
        #expect(written.outputTokensPerSecond == catalog.outputTokensPerSecond && written.batch == catalog.batch)
    }

    @Test func aModelThatDoesNotFitIsAnError() {
        let option = """
            { "id": "self", "type": "self_hosted", "gpu": "l4", "gpu_hourly": 1, "throughput": "derived",
              "model": "deepseek-v3", "precision": "bf16", "tensor_parallel": 2 }
            """
        let errors = CatalogScenarioTests.errors([option], workload: #"{ "requests_per_month": 1, "input_tokens_per_request": 1000, "output_tokens_per_request": 100 }"#)
        #expect(errors.count == 1, "\(errors)")
        // 671e9 parameters × 2 bytes = 1,342 GB of weights, + 1,100 tokens × 61 layers × 576 latent values × 2 bytes
        // × 2 devices (each keeps the whole latent cache) = 0.155 GB, against 2 × 24 GB × 0.9 = 43.2 GB.
        #expect(errors.first?.hasSuffix("error: options[0].throughput: deepseek-v3 at bf16 needs 1342.2 GB (weights plus the KV cache of one full request) but 2 × l4 hold 43.2 GB after the 10% runtime reserve") == true)
    }

    @Test func derivationKeysWithoutDerivedThroughputAreErrors() {
        let option = #"{ "id": "self", "type": "self_hosted", "gpu_hourly": 1, "throughput": { "output_tokens_per_second": 1, "input_tokens_per_second": 1 }, "precision": "fp8" }"#
        #expect(CatalogScenarioTests.errors([option], workload: #"{ "requests_per_month": 1, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#) == [
            #"t.json:2:267: error: options[0].precision: "precision" is used only when throughput is "derived""#,
        ])
    }
}
