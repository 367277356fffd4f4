import Foundation
import Testing
@testable import BreakevenCatalog
@testable import BreakevenCore

/// Derived throughputs under a calibration (auto-matched and named), the throughput scale, the
/// residual's uncertain input, the personal profile's batch of one and the small-replica warning.
@Suite("Derived throughput with calibrations, the personal profile and the small-replica warning")
struct CalibratedScenarioTests {
    /// A calibration of vLLM serving Llama 3.1 8B on one H100, as `capacity calibrate` stores it.
    static let h100Llama = Calibration(
        name: "h100-llama", gpu: "h100-sxm", model: "llama-3.1-8b", engine: .vllm, precision: .bf16, kvCachePrecision: .bf16,
        tensorParallel: 1, memoryBandwidthUtilization: 0.6, computeUtilization: 0.55, stepOverheadMs: 1, residual: 0.05,
        points: [], format: "vllm", sourceDigest: String(repeating: "ab", count: 32), sourceFiles: ["run.json"],
        createdOn: CalendarDay(year: 2026, month: 12, day: 1))

    static func catalog(_ calibrations: [Calibration] = [h100Llama]) throws -> CatalogSnapshot {
        var c = try CatalogStore.seed()
        c.calibrations = calibrations
        return c
    }

    static let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 200 }"#

    static func load(_ option: String, extra: String = "", profile: String = "enterprise",
                     catalog: CatalogSnapshot? = nil) throws -> Scenario {
        try loaded(option, extra: extra, profile: profile, catalog: catalog).scenario
    }

    static func loaded(_ option: String, extra: String = "", profile: String = "enterprise",
                       catalog: CatalogSnapshot? = nil) throws -> LoadedScenario {
        let text = """
            { "version": 1, "name": "t", "start": "2026-12", "months": 1, "profile": "\(profile)" \(extra),
              "workload": \(workload),
              "options": [{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 4 } }, \(option)],
              "baseline": "api" }
            """
        return try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: try catalog ?? Self.catalog())
    }

    static func errors(_ option: String, catalog: CatalogSnapshot) -> [String] {
        do {
            _ = try load(option, catalog: catalog)
            return []
        } catch let error as ScenarioErrors {
            return error.diagnostics.map { $0.formatted(file: "t.json") }
        } catch {
            return ["\(error)"]
        }
    }

    static func assumption(_ s: Scenario, _ path: String) -> Assumption? { s.assumptions.first { $0.path == path } }

    static let llamaOnH100 = #"{ "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "model": "llama-3.1-8b", "throughput": "derived", "tensor_parallel": 1 }"#

    @Test func aCalibrationForTheSameGPUModelAndEngineIsUsedAndListed() throws {
        let s = try Self.load(Self.llamaOnH100)
        let summary = "calibration h100-llama (0 points from vllm results abababababab, residual 5.0%, 2026-12-01)"
        #expect(Self.h100Llama.summary == summary)
        for (key, value) in [("memory_bandwidth_utilization", "0.6"), ("compute_utilization", "0.55"), ("step_overhead_ms", "1")] {
            let a = Self.assumption(s, "options.self.efficiency.\(key)")
            #expect(a?.value == value)
            #expect(a?.sourceDescription == "derived: " + summary)
        }
        // The reserve is not fitted: it stays the measured default for the class.
        #expect(Self.assumption(s, "options.self.efficiency.memory_reserve_share")?.sourceDescription.hasPrefix("default: 0.10: vLLM") == true)
        // The capacity model ran with the fitted values: the same setup with them written gives the same rates.
        let written = try Self.load(#"{ "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "model": "llama-3.1-8b", "throughput": "derived", "tensor_parallel": 1, "efficiency": { "memory_bandwidth_utilization": 0.6, "compute_utilization": 0.55, "step_overhead_ms": 1 } }"#,
                                    catalog: try Self.catalog([]))
        let rate = { (x: Scenario) in x.options.first { $0.id == "self" }?.provisioning?.throughput?.outputTokensPerSecond }
        #expect(rate(s) != nil && rate(s) == rate(written))
        let uncalibrated = try Self.load(Self.llamaOnH100, catalog: try Self.catalog([]))
        #expect(rate(uncalibrated) != rate(s))
    }

    @Test func anotherEngineDoesNotMatchButANameDoes() throws {
        let sglang = #"{ "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "model": "llama-3.1-8b", "throughput": "derived", "tensor_parallel": 1, "engine": "sglang" }"#
        #expect(Self.assumption(try Self.load(sglang), "options.self.efficiency.memory_bandwidth_utilization")?.value == "0.51")
        let named = #"{ "id": "self", "type": "self_hosted", "gpu": "h200", "gpu_hourly": 3, "model": "llama-3.1-8b", "throughput": "derived", "tensor_parallel": 1, "calibration": "h100-llama" }"#
        let a = Self.assumption(try Self.load(named), "options.self.efficiency.memory_bandwidth_utilization")
        #expect(a?.value == "0.6")
        #expect(a?.sourceDescription.hasPrefix("derived: calibration h100-llama (") == true)
    }

    @Test func anUnknownCalibrationNameIsAnError() throws {
        let named = #"{ "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "model": "llama-3.1-8b", "throughput": "derived", "calibration": "h100-lama" }"#
        #expect(Self.errors(named, catalog: try Self.catalog()) == [
            #"t.json:3:244: error: options[1].calibration: unknown calibration "h100-lama"; did you mean "h100-llama"?"#])
        #expect(Self.errors(named, catalog: try Self.catalog([])) == [
            #"t.json:3:244: error: options[1].calibration: unknown calibration "h100-lama" (the catalog has none: make one with `breakeven capacity calibrate`)"#])
    }

    @Test func theThroughputScaleMultipliesTheDerivedRates() throws {
        let half = #"{ "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "model": "llama-3.1-8b", "throughput": "derived", "tensor_parallel": 1, "efficiency": { "throughput_scale": 0.5 } }"#
        let (s, full) = (try Self.load(half), try Self.load(Self.llamaOnH100))
        let rates = { (x: Scenario) in x.options.first { $0.id == "self" }?.provisioning?.throughput }
        let (a, b) = (try #require(rates(s)), try #require(rates(full)))
        #expect(abs(a.outputTokensPerSecond - b.outputTokensPerSecond / 2) < 1e-9)
        #expect(abs(a.inputTokensPerSecond - b.inputTokensPerSecond / 2) < 1e-9)
        #expect(Self.assumption(s, "options.self.efficiency.throughput_scale")?.sourceDescription == "scenario")
        #expect(Self.assumption(full, "options.self.efficiency.throughput_scale").map { ($0.value, $0.sourceDescription) } ?? ("", "") == ("1", "default"))
        #expect(Self.assumption(s, "options.self.throughput.output_tokens_per_second")?.sourceDescription.hasSuffix("× 0.5 throughput scale)") == true)
    }

    static let uncertainty = #", "uncertainty": { "trials": 200, "inputs": { "options.self.gpu_hourly": { "uniform": [1.5, 2.5] } } }"#

    @Test func withUncertaintyOnTheResidualBecomesAThroughputInput() throws {
        let s = try Self.load(Self.llamaOnH100, extra: Self.uncertainty)
        let plan = try #require(s.uncertainty)
        #expect(plan.inputs.map(\.path) == ["options.self.gpu_hourly", "options.self.efficiency.throughput_scale"])
        let scale = plan.inputs[1]
        // Residual 0.05 = the log-sd: lognormal, median 1, p90 e^(1.2816 × 0.05) = e^0.06408 = 1.06618.
        #expect(scale.distribution == .lognormal(median: 1, p90: exp(1.2815515655446004 * 0.05)))
        #expect(abs(scale.quantile(0.9) - 1.06618) < 1e-5)
        #expect(abs(scale.quantile(0.1) - 1 / 1.06618) < 1e-5)
        #expect(scale.note == "the residual error of calibration h100-llama, 5.0%")
        // The run draws it and lists it with its reason.
        let loaded = try Self.loaded(Self.llamaOnH100, extra: Self.uncertainty)
        let variants = try ScenarioVariants(loaded, inputs: plan.inputs.map(\.input), probes: plan.inputs.map { [$0.quantile(0.1), $0.quantile(0.9)] })
        let summary = MonteCarlo.run(variants, plan: plan, threads: 1).summary
        #expect(summary.inputs[1].distribution == scale.distribution.text + " (the residual error of calibration h100-llama, 5.0%)")
        #expect(summary.inputs[1].sampled.p10 < 0.97 && summary.inputs[1].sampled.p90 > 1.03)
    }

    @Test func aScaleTheScenarioListsIsNotAddedTwiceAndNoneWithoutACalibration() throws {
        let own = #", "uncertainty": { "trials": 200, "inputs": { "options.self.efficiency.throughput_scale": { "uniform": [0.8, 1.1] } } }"#
        #expect(try Self.load(Self.llamaOnH100, extra: own).uncertainty?.inputs.map(\.path) == ["options.self.efficiency.throughput_scale"])
        let plain = try Self.load(Self.llamaOnH100, extra: Self.uncertainty, catalog: try Self.catalog([]))
        #expect(plain.uncertainty?.inputs.map(\.path) == ["options.self.gpu_hourly"])
    }

    @Test func ownedHardwareUnderThePersonalProfileServesOneRequestAtATime() throws {
        let mac = #"{ "id": "mac", "type": "owned_hardware", "hardware": "mac-studio-m4-max-128gb", "model": "llama-3.1-8b", "throughput": "derived", "electricity_per_kwh": 0.3 }"#
        let personal = try Self.load(mac, profile: "personal", catalog: try Self.catalog([]))
        let a = Self.assumption(personal, "options.mac.max_batch")
        #expect(a?.value == "1")
        #expect(a?.sourceDescription == "derived: personal profile: one person sends one request at a time")
        #expect(personal.options.first { $0.id == "mac" }?.capacity?.batch == 1)
        // The enterprise profile leaves the batch to memory and the engine (llama.cpp's 4 slots on Apple silicon).
        let enterprise = try Self.load(mac, catalog: try Self.catalog([]))
        #expect(Self.assumption(enterprise, "options.mac.max_batch") == nil)
        #expect(enterprise.options.first { $0.id == "mac" }?.capacity?.batch == 4)
    }

    @Test func maxBatchWrittenUnderThePersonalProfileIsKept() throws {
        // The default of one request at a time gives way to what the scenario says.
        let mac = #"{ "id": "mac", "type": "owned_hardware", "hardware": "mac-studio-m4-max-128gb", "model": "llama-3.1-8b", "throughput": "derived", "electricity_per_kwh": 0.3, "max_batch": 2 }"#
        let personal = try Self.load(mac, profile: "personal", catalog: try Self.catalog([]))
        let a = Self.assumption(personal, "options.mac.max_batch")
        #expect(a.map { ($0.value, $0.sourceDescription) } ?? ("", "") == ("2", "scenario"))
        #expect(personal.options.first { $0.id == "mac" }?.capacity?.batch == 2)
    }

    @Test func aReplicaThatBarelyHoldsItsWeightsIsWarnedAbout() throws {
        // Llama 3.3 70B FP8 on one H100, 1,000 in / 200 out: 70.55 GB of weights in 72 GB usable leave 1.45 GB;
        // a request's full context, 1,200 tokens × 163,840 B (FP8 KV: 2 × 80 layers × 8 heads × 128), is 0.197 GB:
        // a batch of 7, a KV cache of 7 × 0.197 = 1.38 GB = 1.7% of 80 GB.
        let tight = #"{ "id": "self", "type": "self_hosted", "label": "70B on one H100", "gpu": "h100-sxm", "gpu_hourly": 2, "model": "llama-3.3-70b", "throughput": "derived", "tensor_parallel": 1, "precision": "fp8", "kv_cache_precision": "fp8" }"#
        let s = try Self.load(tight, catalog: try Self.catalog([]))
        let c = try #require(s.options.first { $0.id == "self" }?.capacity)
        #expect(c.batch == 7)
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let warning = try #require(result.warnings.first { $0.code == .smallReplica })
        let better = try #require(c.betterLayout)
        // The facts the report words ("… runs TP1 with a batch of 7 and a KV cache of 1.7% of its memory: …").
        #expect(warning.option == "self")
        #expect(warning.figures.batch == 7)
        #expect(abs((warning.figures.share ?? 0) - 0.017) < 0.0005)
        #expect(warning.figures.betterLayout == "\(better)" && warning.figures.betterDevices == better.devices)
        #expect(warning.figures.betterOutputPerDevice == c.betterLayoutOutputPerDevice)
        #expect(warning.figures.outputPerDevice == c.effectiveOutputTokensPerSecond)
    }
}
