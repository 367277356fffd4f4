import Testing
@testable import BreakevenCore

/// `precision` defaults to the model's native precision, for a model written inline too.
@Suite("Precision defaults to the model's native precision")
struct NativePrecisionTests {
    static let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 200 }"#
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 4 } }"#

    /// An 8B model written inline on an H100-like GPU.
    static func scenario(model extra: String, precision: String = "") throws -> Scenario {
        let gpu = #"{ "id": "gpu", "type": "self_hosted", "gpu_hourly": 2, "throughput": "derived"\#(precision), "model": { "total_parameters": 8e9, "layers": 32, "hidden_size": 4096, "attention_heads": 32, "kv_heads": 8, "head_dimension": 128\#(extra) }, "gpu": { "memory_gb": 80, "bandwidth_tbps": 3.35, "bf16_tflops": 989, "fp8_tflops": 1979 } }"#
        return try ScenarioText.scenario(workload: workload, options: [api, gpu])
    }

    static func listed(_ s: Scenario, _ path: String) -> String? {
        s.assumptions.first { $0.path == path }.map { "\($0.value): \($0.sourceDescription)" }
    }

    @Test func anInlineModelRunsAtTheNativePrecisionItStates() throws {
        let fp8 = try Self.scenario(model: #", "native_precision": "fp8""#)
        #expect(fp8.option("gpu")?.derivedFrom?.weightPrecision == .fp8)
        #expect(Self.listed(fp8, "options.gpu.precision") == #""fp8": derived: the native precision of the model written in the scenario"#)
        #expect(Self.listed(fp8, "options.gpu.model.native_precision") == #""fp8": scenario"#)
    }

    @Test func withoutOneItIsBF16AndSaysSo() throws {
        let plain = try Self.scenario(model: "")
        #expect(plain.option("gpu")?.derivedFrom?.weightPrecision == .bf16)
        #expect(Self.listed(plain, "options.gpu.precision") == #""bf16": derived: the native precision of the model written in the scenario"#)
        #expect(Self.listed(plain, "options.gpu.model.native_precision") == #""bf16": default"#)
    }

    @Test func aWrittenPrecisionWins() throws {
        let int4 = try Self.scenario(model: #", "native_precision": "fp8""#, precision: #", "precision": "int4""#)
        #expect(int4.option("gpu")?.derivedFrom?.weightPrecision == .int4)
        #expect(Self.listed(int4, "options.gpu.precision") == #""int4": scenario"#)
    }
}
