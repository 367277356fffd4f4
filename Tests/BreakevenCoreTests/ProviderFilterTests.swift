import Testing
@testable import BreakevenCore

/// `provider` on self_hosted and owned_hardware options picks only that provider's catalog prices (issue 14).
@Suite("Provider filter")
struct ProviderFilterTests {
    static let day = CalendarDay(year: 2026, month: 11, day: 1)
    static let box = Datasheet(memoryGB: 32, bandwidthTBps: 1.8, bf16TFLOPS: 200)
    static let catalog = CatalogSnapshot(
        gpus: [GPUSpec(id: "h100-sxm", name: "H100 SXM", datasheet: Datasheet(memoryGB: 80, bandwidthTBps: 3.35, bf16TFLOPS: 989), tdpWatts: 700,
                       source: "test")],
        gpuOffers: [
            GPUOffer(id: "h100-sxm/lambda/on_demand", gpu: "h100-sxm", provider: "lambda", commitment: .onDemand, hourly: 2.99, effectiveFrom: day, source: "t"),
            GPUOffer(id: "h100-sxm/runpod/on_demand", gpu: "h100-sxm", provider: "runpod", commitment: .onDemand, hourly: 2.69, effectiveFrom: day, source: "t"),
            GPUOffer(id: "h100-sxm/lambda/reserved_1y", gpu: "h100-sxm", provider: "lambda", commitment: .reserved1y, hourly: 2.19, effectiveFrom: day, source: "t"),
        ],
        hardware: [
            HardwareSpec(id: "box", name: "Box", price: 3000, datasheet: box, tdpWatts: 600, wattsBusy: 500,
                         wattsIdle: 60, effectiveFrom: day, source: "t", provider: "builder"),
            HardwareSpec(id: "box", name: "Box", price: 3400, datasheet: box, tdpWatts: 600, wattsBusy: 500,
                         wattsIdle: 60, effectiveFrom: CalendarDay(year: 2026, month: 10, day: 1), source: "t", provider: "vendor"),
        ])

    static let throughput = #""throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 }"#
    static let workload = #"{ "requests_per_month": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 10 }"#

    static func load(_ option: String) throws -> Scenario {
        let text = ScenarioText.document(workload: workload, options: [option], extra: #", "as_of": "2026-11-15""#)
        return try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: catalog).scenario
    }

    static func errors(_ option: String) -> [String] {
        let text = ScenarioText.document(workload: workload, options: [option], extra: #", "as_of": "2026-11-15""#)
        do {
            _ = try ScenarioLoader.load(Array(text.utf8), file: "x.json", catalog: catalog)
            return []
        } catch {
            return error.diagnostics.map { $0.formatted(file: "x.json") }
        }
    }

    @Test func anOfferOfTheNamedProvider() throws {
        // The cheapest on-demand H100 is RunPod's $2.69; with provider lambda, Lambda's $2.99.
        let any = try Self.load(#"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", "commitment": "on_demand", \#(Self.throughput) }"#)
        #expect(any.assumptions.first { $0.path == "options.g.gpu_hourly" }?.value == "2.69")
        let lambda = try Self.load(#"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", "provider": "lambda", \#(Self.throughput) }"#)
        #expect(lambda.assumptions.first { $0.path == "options.g.gpu_hourly" }?.value == "2.99")
    }

    @Test func aProviderWithoutSuchAnOfferIsAnError() {
        #expect(Self.errors(#"{ "id": "g", "type": "self_hosted", "gpu": "h100-sxm", "provider": "runpod", "commitment": "reserved_1y", \#(Self.throughput) }"#) == [
            #"x.json:8:82: error: options[0].provider: the catalog has no reserved_1y offer for "h100-sxm" from "runpod" on 2026-11-15; give gpu_hourly (offers for "h100-sxm" come from lambda, runpod)"#,
        ])
        #expect(Self.errors(#"{ "id": "g", "type": "self_hosted", "gpu_hourly": 2, "provider": "runpod", \#(Self.throughput) }"#) == [
            #"x.json:8:80: error: options[0].provider: provider picks catalog offers, so it needs a catalog "gpu""#,
        ])
    }

    @Test func aMachinesPriceFromTheNamedSeller() throws {
        // Without a provider the latest row (the builder's $3,000 of 2026-11-01); with "vendor", its $3,400 of 2026-10-01.
        let latest = try Self.load(#"{ "id": "o", "type": "owned_hardware", "hardware": "box", \#(Self.throughput) }"#)
        #expect(latest.assumptions.first { $0.path == "options.o.purchase_price" }?.value == "3000")
        let vendor = try Self.load(#"{ "id": "o", "type": "owned_hardware", "hardware": "box", "provider": "vendor", \#(Self.throughput) }"#)
        #expect(vendor.assumptions.first { $0.path == "options.o.purchase_price" }?.value == "3400")
        #expect(Self.errors(#"{ "id": "o", "type": "owned_hardware", "hardware": "box", "provider": "shop", \#(Self.throughput) }"#) == [
            #"x.json:8:66: error: options[0].hardware: the catalog has no price for machine "box" from "shop" on 2026-11-15 (its prices come from builder, vendor)"#,
        ])
    }
}
