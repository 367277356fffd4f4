/// Where a serving efficiency comes from: one of the measured defaults (`ServingEfficiency.defaults(for:)`),
/// a scenario's value, or nothing. A case, not its text: a trial estimates each derived replica
/// again and copies its efficiencies several times, and a case is copied without retaining
/// anything. The text is worked out where a source is read (a report's assumptions) or written
/// (JSON, as the text: the JSON a capacity is written as does not change).
enum EfficiencySource: UInt8, Sendable, Hashable, CaseIterable {
    case scenario
    case none
    case datacenterBandwidth, unrecognisedBandwidth, instinctBandwidth, consumerBandwidth, appleBandwidth
    /// GB10's bandwidth and its MXFP4 kernels, one measurement.
    case gb10
    case datacenterCompute, unrecognisedCompute, instinctCompute, consumerCompute, appleCompute, gb10Compute
    case vLLMReserve, appleReserve
    case appleOverhead
    case datacenterKernels, instinctKernels, consumerKernels

    /// The source as reports and the JSON give it.
    var text: String {
        switch self {
        case .scenario: "scenario"
        case .none: "none"
        case .datacenterBandwidth: Self.datacenterMBU
        case .unrecognisedBandwidth: Self.unrecognisedMBU
        case .instinctBandwidth: "0.35: set from the ledger's tuning point, AMD's vLLM table on 8 × MI300X, Llama 3.1 70B FP8-KV, 128/2048, 13,212.5 tok/s (https://www.amd.com/en/developer/resources/rocm-hub/dev-ai/performance-results.html, rocm/vllm 0.10.2, October 2025)"
        case .consumerBandwidth: "0.80: set from the ledger's tuning point, llama.cpp on an RTX 4090 (https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference): Llama 3 8B F16 tg512 54.84 t/s × 16.06 GB = 881 GB/s = 0.87 of 1,008 GB/s; LLaMA-7B Q8_0 98.13 t/s × 7.16 GB = 0.70 (https://github.com/ggml-org/llama.cpp/pull/4766); 0.80 between"
        case .appleBandwidth: "0.72: llama.cpp Apple silicon sweep, M1 Max (400 GB/s), LLaMA-7B tg128: F16 23.03 t/s × 13.48 GB = 0.78, Q8_0 40.20 × 7.16 GB = 0.72 of bandwidth (https://github.com/ggml-org/llama.cpp/discussions/4167)"
        case .gb10: "0.65, MXFP4 weights at 0.9 of it: set from the ledger's tuning point, llama.cpp on a DGX Spark, gpt-oss-120b MXFP4 tg32 59.02 t/s (https://github.com/ggml-org/llama.cpp/blob/4c7e9893c4ca8eec35d032726d14b74fae76cff8/benches/dgx-spark.md)"
        case .datacenterCompute: Self.datacenterMFU
        case .unrecognisedCompute: Self.unrecognisedMFU
        case .instinctCompute: "0.16: the same AMD MI300X tuning point, compute-bound at its 3,200 sequences (https://www.amd.com/en/developer/resources/rocm-hub/dev-ai/performance-results.html; vLLM on ROCm reaches a far smaller share of the datasheet than TensorRT-LLM on Hopper)"
        case .consumerCompute: "0.70: RTX 3090, llama-bench pp512: F16 4,184.85 t/s × 13.5 GFLOP/token = 56 TFLOPS = 0.79 of 71 dense FP16 TFLOPS; Q4_0 3,408.18 t/s = 0.65 (https://github.com/ggml-org/llama.cpp/pull/4766)"
        case .appleCompute: "0.70: same M1 Max sweep, pp512: F16 599.53 t/s × 13.5 GFLOP/token = 8.1 TFLOPS = 0.78 of 10.4 TFLOPS; Q4_0 530.06 t/s = 0.69 (https://github.com/ggml-org/llama.cpp/discussions/4167)"
        case .gb10Compute: Self.gb10MFU
        case .vLLMReserve: "0.10: vLLM's default gpu_memory_utilization of 0.9 leaves 10% of each device for the CUDA context, activations of a chunked-prefill batch and CUDA graphs (https://docs.vllm.ai/en/latest/configuration/engine_args.html)"
        case .appleReserve: "0.25: macOS lets Metal wire about 75% of unified memory by default (MTLDevice.recommendedMaxWorkingSetSize, which llama.cpp logs at start); the rest stays with the OS and apps"
        case .appleOverhead: "3 ms a token: set from the ledger's tuning points, llama.cpp Q4_K_M tg512 on an M2 Ultra (Llama 3 8B 78.81 t/s) and an M3 Max (Llama 3 70B 7.65 t/s): time per token against bytes read is a line whose intercept is 4.0 ms (M2 Ultra: 8B 12.69 ms, 70B 80.1 ms) and 6.3 ms (M3 Max) (https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference)"
        case .datacenterKernels: Self.datacenterKernelShares
        case .instinctKernels: Self.instinctKernelShares
        case .consumerKernels: "4-bit weights reach 0.72 of the bandwidth: set from the ledger's tuning point, Llama 3 8B Q4_K_M tg512 on an RTX 4090, 130.58 t/s (https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference); RTX 3090 LLaMA-7B Q4_0 reaches 0.50 of bandwidth where F16 reaches 0.70 (https://github.com/ggml-org/llama.cpp/pull/4766): 0.71"
        }
    }

    // The NVIDIA datacenter figures, which other classes borrow with a note saying so.
    private static let datacenterMBU = "0.51: set from the ledger's tuning points, TensorRT-LLM perf overview (https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md): Llama 3.1 8B FP8 on one H100, 1000/1000, 15,220 output tok/s, and Llama 3.3 70B FP8 on one H200, 1000/1000, 2,909 tok/s, both memory-bound at their batch; NVIDIA's NeMo batch-1 figures give 0.52 on H100 (https://docs.nvidia.com/nemo-framework/user-guide/latest/performance/llama.html)"
    private static let datacenterMFU = "0.50: TensorRT-LLM first-token latency, LLaMA-7B, 2,048 prompt tokens (2 × 6.74e9 × 2048 + attention 2 × 32 × 4096 × 2048² = 28.7 TFLOP): H100 FP8 36 ms = 0.40 of 1,979 TFLOPS; A100 FP16 133 ms = 0.69 of 312 TFLOPS (https://github.com/NVIDIA/TensorRT-LLM/blob/release/0.5.0/docs/source/performance.md); mean 0.55, rounded down"
    private static let datacenterKernelShares = "expert kernels 0.4 of dense: set from the ledger's tuning point Qwen3-235B-A22B FP8 on 8 × H200 (EP8, attention data parallel), 1000/1000, 23,789 tok/s, as a compromise with the Llama 4 and DeepSeek-R1 points, which need more; FP4 GEMMs 0.45 of the FP4 peak: set from Llama 3.3 70B NVFP4 on one B200, 1000/1000, 7,007 tok/s (TensorRT-LLM perf overview, https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md)"
    private static let unrecognisedMBU = "unrecognised accelerator: NVIDIA datacenter figure. " + datacenterMBU
    private static let unrecognisedMFU = "unrecognised accelerator: NVIDIA datacenter figure. " + datacenterMFU
    private static let gb10MFU = "no GB10 prefill point used for tuning; NVIDIA datacenter figure. " + datacenterMFU
    private static let instinctKernelShares = "NVIDIA datacenter kernel shares (no AMD MoE or MXFP4 measurement in the ledger). " + datacenterKernelShares
}
