/// The share of datasheet speed and memory a serving engine actually gets, with where each figure
/// comes from, so a report can list them as assumptions.
public struct ServingEfficiency: Sendable, Hashable, Codable {
    /// Model bandwidth utilization (MBU): bytes moved per second over datasheet bandwidth, decode.
    public var memoryBandwidthUtilization: Double
    public var memoryBandwidthSource: String
    /// Model FLOPs utilization (MFU): useful FLOPs per second over the dense peak, prefill and
    /// compute-bound decode.
    public var computeUtilization: Double
    public var computeSource: String
    /// Share of each device's memory kept back for the runtime (context, activations, graphs, OS).
    public var memoryReserveShare: Double
    public var memoryReserveSource: String

    public init(memoryBandwidthUtilization: Double, memoryBandwidthSource: String, computeUtilization: Double,
                computeSource: String, memoryReserveShare: Double, memoryReserveSource: String) {
        self.memoryBandwidthUtilization = memoryBandwidthUtilization
        self.memoryBandwidthSource = memoryBandwidthSource
        self.computeUtilization = computeUtilization
        self.computeSource = computeSource
        self.memoryReserveShare = memoryReserveShare
        self.memoryReserveSource = memoryReserveSource
    }

    /// Scenario values replace the defaults; their source then reads "scenario".
    public func applying(_ overrides: EfficiencyOverrides) -> ServingEfficiency {
        var result = self
        if let value = overrides.memoryBandwidthUtilization {
            result.memoryBandwidthUtilization = value
            result.memoryBandwidthSource = "scenario"
        }
        if let value = overrides.computeUtilization {
            result.computeUtilization = value
            result.computeSource = "scenario"
        }
        if let value = overrides.memoryReserveShare {
            result.memoryReserveShare = value
            result.memoryReserveSource = "scenario"
        }
        return result
    }

    /// Measured defaults per accelerator class. Every figure is derived from a published
    /// measurement named in its source string (arithmetic included) — none is fitted to the
    /// validation points in `CapacityValidationTests`.
    public static func defaults(for acceleratorClass: AcceleratorClass) -> ServingEfficiency {
        switch acceleratorClass {
        case .hopper, .blackwell, .ampere:
            ServingEfficiency(memoryBandwidthUtilization: 0.60, memoryBandwidthSource: datacenterMBU,
                              computeUtilization: 0.50, computeSource: datacenterMFU,
                              memoryReserveShare: 0.10, memoryReserveSource: vLLMReserve)
        case .cdna:
            ServingEfficiency(memoryBandwidthUtilization: 0.60,
                              memoryBandwidthSource: "no AMD-specific measurement at hand; NVIDIA datacenter figure. " + datacenterMBU,
                              computeUtilization: 0.50,
                              computeSource: "no AMD-specific measurement at hand; NVIDIA datacenter figure. " + datacenterMFU,
                              memoryReserveShare: 0.10, memoryReserveSource: vLLMReserve)
        case .other:
            ServingEfficiency(memoryBandwidthUtilization: 0.60,
                              memoryBandwidthSource: "unrecognised accelerator: NVIDIA datacenter figure. " + datacenterMBU,
                              computeUtilization: 0.50,
                              computeSource: "unrecognised accelerator: NVIDIA datacenter figure. " + datacenterMFU,
                              memoryReserveShare: 0.10, memoryReserveSource: vLLMReserve)
        case .consumerRTX:
            ServingEfficiency(memoryBandwidthUtilization: 0.70, memoryBandwidthSource: consumerMBU,
                              computeUtilization: 0.70, computeSource: consumerMFU,
                              memoryReserveShare: 0.10, memoryReserveSource: vLLMReserve)
        case .appleSilicon:
            ServingEfficiency(memoryBandwidthUtilization: 0.65, memoryBandwidthSource: appleMBU,
                              computeUtilization: 0.70, computeSource: appleMFU,
                              memoryReserveShare: 0.25, memoryReserveSource: appleReserve)
        case .gb10:
            ServingEfficiency(memoryBandwidthUtilization: 0.65,
                              memoryBandwidthSource: "no GB10 llama-bench sweep at hand; unified LPDDR5X like Apple silicon, so the Apple figure. " + appleMBU,
                              computeUtilization: 0.50,
                              computeSource: "no GB10 prefill measurement at hand; NVIDIA datacenter figure. " + datacenterMFU,
                              memoryReserveShare: 0.10, memoryReserveSource: vLLMReserve)
        }
    }

    static let datacenterMBU = "0.60: batch-1 decode of Llama-2-7B FP16 (13.48 GB of weights) in NVIDIA's NeMo inference table, 128 in / 20 out tokens: H100 153.8 ms ≈ 8 ms prefill + 19 steps of 7.7 ms = 1.75 TB/s = 0.52 of 3.35 TB/s; A100 234.0 ms ≈ 16 ms + 19 × 11.5 ms = 1.17 TB/s = 0.58 of 2.039 TB/s (https://docs.nvidia.com/nemo-framework/user-guide/latest/performance/llama.html); MBU as defined by Databricks (https://www.databricks.com/blog/llm-inference-performance-engineering-best-practices); rounded up to 0.60 because large-batch steps stream the KV cache in long runs"
    static let datacenterMFU = "0.50: TensorRT-LLM first-token latency, LLaMA-7B, 2,048 prompt tokens (2 × 6.74e9 × 2048 + attention 2 × 32 × 4096 × 2048² = 28.7 TFLOP): H100 FP8 36 ms = 0.40 of 1,979 TFLOPS; A100 FP16 133 ms = 0.69 of 312 TFLOPS (https://github.com/NVIDIA/TensorRT-LLM/blob/release/0.5.0/docs/source/performance.md); mean 0.55, rounded down"
    static let consumerMBU = "0.70: llama.cpp llama-bench on an RTX 3090, LLaMA-7B F16 tg128 48.52 t/s × 13.48 GB = 654 GB/s = 0.70 of 936 GB/s (https://github.com/ggml-org/llama.cpp/pull/4766); the same table's Q4_0 reaches 0.50"
    static let consumerMFU = "0.70: same RTX 3090 table, pp512: F16 4,184.85 t/s × 13.5 GFLOP/token = 56 TFLOPS = 0.79 of 71 dense FP16 TFLOPS; Q4_0 3,408.18 t/s = 0.65 (https://github.com/ggml-org/llama.cpp/pull/4766)"
    static let appleMBU = "0.65: llama.cpp Apple silicon sweep, M1 Max (400 GB/s), LLaMA-7B tg128: F16 23.03 t/s × 13.48 GB = 0.78, Q8_0 40.20 × 7.16 GB = 0.72, Q4_0 61.19 × 3.82 GB = 0.58 of bandwidth (https://github.com/ggml-org/llama.cpp/discussions/4167); 0.65 sits between the 8-bit and 4-bit figures"
    static let appleMFU = "0.70: same M1 Max sweep, pp512: F16 599.53 t/s × 13.5 GFLOP/token = 8.1 TFLOPS = 0.78 of 10.4 TFLOPS; Q4_0 530.06 t/s = 0.69 (https://github.com/ggml-org/llama.cpp/discussions/4167)"
    static let vLLMReserve = "0.10: vLLM's default gpu_memory_utilization of 0.9 leaves 10% of each device for the CUDA context, activations of a chunked-prefill batch and CUDA graphs (https://docs.vllm.ai/en/latest/configuration/engine_args.html)"
    static let appleReserve = "0.25: macOS lets Metal wire about 75% of unified memory by default (MTLDevice.recommendedMaxWorkingSetSize, which llama.cpp logs at start); the rest stays with the OS and apps"
}
