@testable import BreakevenCore

/// Datasheet and config.json figures the capacity tests use, written out here so every test's
/// arithmetic can be checked by hand. Decimal units: GB = 10^9 bytes, TB/s = 10^12 bytes/s.
enum Fixture {
    // MARK: Models (config.json; parameter counts from the model cards)

    /// Llama-3.1-8B: 32 layers, hidden 4096, 32 heads, 8 KV heads, head dim 128, 8.03e9 params.
    static let llama31_8B = dense(id: "llama-3.1-8b", parameters: 8.03e9, layers: 32, hidden: 4096, heads: 32, kvHeads: 8)
    /// Llama-3.1-70B / 3.3-70B: 80 layers, hidden 8192, 64 heads, 8 KV heads, head dim 128, 70.6e9 params.
    static let llama33_70B = dense(id: "llama-3.3-70b", parameters: 70.6e9, layers: 80, hidden: 8192, heads: 64, kvHeads: 8)
    /// Llama-3.1-405B: 126 layers, hidden 16384, 128 heads, 8 KV heads, head dim 128, 405e9 params.
    static let llama31_405B = dense(id: "llama-3.1-405b", parameters: 405e9, layers: 126, hidden: 16384, heads: 128, kvHeads: 8)
    /// LLaMA-2-7B (llama.cpp's "llama 7B"): 32 layers, hidden 4096, 32 heads, no GQA (32 KV heads), 6.74e9 params.
    static let llama2_7B = dense(id: "llama-2-7b", parameters: 6.74e9, layers: 32, hidden: 4096, heads: 32, kvHeads: 32)
    /// Qwen3-235B-A22B: 94 layers, hidden 4096, 64 heads, 4 KV heads, head dim 128; 235e9 total, 22e9 active
    /// (128 experts, 8 per token).
    static let qwen3_235B = OpenModelArchitecture(
        id: "qwen3-235b-a22b", name: "Qwen3-235B-A22B", totalParameters: 235e9, activeParameters: 22e9, layers: 94,
        hiddenSize: 4096, attentionHeads: 64, kvHeads: 4, headDimension: 128, contextLength: 32768,
        license: "apache-2.0", source: "https://huggingface.co/Qwen/Qwen3-235B-A22B")
    /// gpt-oss-120b: 36 layers, hidden 2880, 64 heads, 8 KV heads, head dim 64; 116.83e9 total, 5.13e9 active.
    static let gptOss120B = OpenModelArchitecture(
        id: "gpt-oss-120b", name: "gpt-oss-120b", totalParameters: 116.83e9, activeParameters: 5.13e9, layers: 36,
        hiddenSize: 2880, attentionHeads: 64, kvHeads: 8, headDimension: 64, contextLength: 131072,
        license: "apache-2.0", source: "https://huggingface.co/openai/gpt-oss-120b")

    /// DeepSeek-V3 / R1: 61 layers, hidden 7168, 128 heads, head dim 192 (qk_nope 128 + qk_rope 64); multi-head
    /// latent attention caches kv_lora_rank 512 + qk_rope 64 = 576 values per layer and token; 671e9 total, 37e9
    /// active (256 routed experts, 8 per token, plus 1 shared).
    static let deepSeekV3 = OpenModelArchitecture(
        id: "deepseek-v3", name: "DeepSeek-V3", totalParameters: 671e9, activeParameters: 37e9, layers: 61,
        hiddenSize: 7168, attentionHeads: 128, kvHeads: 128, headDimension: 192, latentKVValues: 576, contextLength: 163840,
        license: "deepseek-model-license", source: "https://huggingface.co/deepseek-ai/DeepSeek-V3/blob/main/config.json")

    static func dense(id: String, parameters: Double, layers: Int, hidden: Int, heads: Int, kvHeads: Int) -> OpenModelArchitecture {
        OpenModelArchitecture(id: id, name: id, totalParameters: parameters, activeParameters: parameters, layers: layers,
                              hiddenSize: hidden, attentionHeads: heads, kvHeads: kvHeads, headDimension: 128,
                              contextLength: 131072, license: "test", source: "test fixture")
    }

    // MARK: Devices (dense figures, no sparsity)

    /// H100 SXM: 80 GB, 3.35 TB/s, 989 BF16 / 1,979 FP8 dense TFLOPS.
    static let h100 = GPUSpec(id: "h100-sxm", name: "NVIDIA H100 SXM", datasheet: Datasheet(memoryGB: 80, bandwidthTBps: 3.35, bf16TFLOPS: 989,
                              fp8TFLOPS: 1979, int8TOPS: 1979), tdpWatts: 700, source: "NVIDIA H100 datasheet")
    /// H200 SXM: 141 GB, 4.8 TB/s, same compute as H100.
    static let h200 = GPUSpec(id: "h200-sxm", name: "NVIDIA H200 SXM", datasheet: Datasheet(memoryGB: 141, bandwidthTBps: 4.8, bf16TFLOPS: 989,
                              fp8TFLOPS: 1979, int8TOPS: 1979), tdpWatts: 700, source: "NVIDIA H200 datasheet")
    /// GeForce RTX 4090: 24 GB, 1.008 TB/s, 165.2 dense FP16 TFLOPS (FP32 accumulate), 660.6 INT8 TOPS.
    static let rtx4090 = GPUSpec(id: "rtx-4090", name: "NVIDIA GeForce RTX 4090", datasheet: Datasheet(memoryGB: 24, bandwidthTBps: 1.008,
                                 bf16TFLOPS: 165.2, int8TOPS: 660.6), tdpWatts: 450, source: "Ada whitepaper")
    /// Mac mini M4 (10-core GPU): 16 GB unified, 120 GB/s, ≈4.3 FP16 TFLOPS.
    static let macMiniM4 = HardwareSpec(id: "mac-mini-m4-16gb", name: "Mac mini M4 16 GB", price: 599,
                                        datasheet: Datasheet(memoryGB: 16, bandwidthTBps: 0.12, bf16TFLOPS: 4.3), tdpWatts: 65, wattsBusy: 40, wattsIdle: 5,
                                        effectiveFrom: CalendarDay("2024-11-08")!, source: "apple.com/mac-mini/specs")
    /// DGX Spark (GB10): 128 GB unified LPDDR5X, 273 GB/s; BF16 ≈ 1 PFLOPS FP4 sparse ÷ 2 (dense) ÷ 4
    /// (FP4:BF16 as on B200) = 125 TFLOPS — unused by the decode-only check.
    static let dgxSpark = HardwareSpec(id: "dgx-spark", name: "NVIDIA DGX Spark", price: 3999,
                                       datasheet: Datasheet(memoryGB: 128, bandwidthTBps: 0.273, bf16TFLOPS: 125), tdpWatts: 240, wattsBusy: 200, wattsIdle: 30,
                                       effectiveFrom: CalendarDay("2025-10-15")!, source: "nvidia.com/dgx-spark")

    static func setup(_ model: OpenModelArchitecture, on gpu: GPUSpec, weights: Precision, kvCache: Precision = .bf16,
                      tensorParallel: Int? = nil, input: Double, output: Double, cachedShare: Double = 0,
                      latency: LatencyTarget = .none, maxBatch: Int? = nil) -> ServingSetup {
        ServingSetup(model: model, accelerator: Accelerator(gpu), weightPrecision: weights, kvCachePrecision: kvCache,
                     tensorParallel: tensorParallel,
                     request: RequestShape(inputTokens: input, outputTokens: output, cachedInputShare: cachedShare),
                     latency: latency, maxBatch: maxBatch)
    }
}
