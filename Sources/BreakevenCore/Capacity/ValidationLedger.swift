/// The published measurements the capacity model is validated against (`breakeven capacity
/// validate`). Each point names its source; `tuning` marks the few that set a default efficiency
/// (`ServingEfficiency.defaults(for:)`), so the accuracy claim is reported on the others apart.
public enum ValidationLedger {
    static let trtllm = "https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md"
    static let trtllmDeepSeek = "https://github.com/NVIDIA/TensorRT-LLM/blob/main/docs/source/blogs/Best_perf_practice_on_DeepSeek-R1_in_TensorRT-LLM.md"
    static let amd = "https://www.amd.com/zh-cn/developer/resources/rocm-hub/dev-ai/performance-results.html (rocm/vllm:rocm7.0.0_vllm_0.10.2_20251006)"
    static let xiongjie = "https://github.com/XiongjieDai/GPU-Benchmarks-on-LLM-Inference/blob/00dd2bdeb2404263f22bd6c1cd46ce397e341db5/README.md"
    static let llamaCppSpark = "https://github.com/ggml-org/llama.cpp/blob/4c7e9893c4ca8eec35d032726d14b74fae76cff8/benches/dgx-spark.md"
    static let llamaCpp4766 = "https://github.com/ggml-org/llama.cpp/pull/4766"

    /// TensorRT-LLM's trtllm-bench, offline at an infinite request rate: ModelOpt checkpoints,
    /// whose KV cache is FP8 (hf_ptq's `--kv_cache_qformat` default), on the engine's default
    /// max_batch_size of 2,048.
    static func trt(_ model: String, _ gpu: String, _ weights: Precision, _ layout: ParallelLayout,
                    _ input: Double, _ output: Double, _ measured: Double, tuning: Bool = false) -> ValidationPoint {
        ValidationPoint(model: .catalog(model), device: .gpu(gpu), weights: weights, kvCache: .fp8, layout: layout,
                        engine: .tensorRTLLM, inputTokens: input, outputTokens: output, metric: .servingOutput,
                        measured: measured, source: trtllm, tuning: tuning)
    }

    /// MoE runs of the same table: `--ep` with `enable_attention_dp: true`.
    static func ep(_ devices: Int) -> ParallelLayout { ParallelLayout(.expertDataAttention, devices: devices) }

    /// AMD's vLLM throughput table on 8 × MI300X: FP8-KV checkpoints, max_num_seqs = the prompts.
    static func amdPoint(_ model: String, _ input: Double, _ output: Double, seqs: Int, _ measured: Double,
                         tuning: Bool = false) -> ValidationPoint {
        ValidationPoint(model: .catalog(model), device: .gpu("mi300x"), weights: .fp8, kvCache: .fp8, layout: .tensor(8),
                        engine: .vllm, inputTokens: input, outputTokens: output, concurrency: seqs, metric: .servingOutput,
                        measured: measured, source: amd, tuning: tuning)
    }

    /// llama.cpp single-user decode (llama-bench tg: `output` tokens after a `depth`-token prompt).
    static func tg(_ model: ValidationPoint.Model, _ device: ValidationPoint.Device, _ weights: Precision, depth: Double = 0,
                   _ output: Double, _ measured: Double, _ source: String, tuning: Bool = false) -> ValidationPoint {
        ValidationPoint(model: model, device: device, weights: weights, kvCache: .bf16, layout: .tensor(1), engine: .llamaCpp,
                        inputTokens: depth, outputTokens: output, concurrency: 1, metric: .decode, measured: measured,
                        source: source, tuning: tuning)
    }

    public static let points: [ValidationPoint] = hopper + blackwell + instinct + desk

    static let hopper: [ValidationPoint] = [
        trt("llama-3.1-8b", "h100-sxm", .fp8, .tensor(1), 1000, 1000, 15_220, tuning: true),
        trt("llama-3.1-8b", "h100-sxm", .fp8, .tensor(1), 20000, 2000, 1_351),
        trt("llama-3.1-8b", "h200", .fp8, .tensor(1), 128, 2048, 26_221),
        trt("llama-3.1-8b", "h200", .fp8, .tensor(1), 5000, 500, 3_902),
        trt("llama-3.3-70b", "h100-sxm", .fp8, .tensor(2), 1000, 1000, 4_205),
        trt("llama-3.3-70b", "h100-sxm", .fp8, .tensor(2), 2048, 2048, 3_082),
        trt("llama-3.3-70b", "h200", .fp8, .tensor(1), 1000, 1000, 2_909, tuning: true),
        trt("llama-3.3-70b", "h200", .fp8, .tensor(1), 20000, 2000, 283),
        trt("llama-3.1-405b", "h200", .fp8, .tensor(8), 1000, 1000, 3_330),
        trt("llama-3.1-405b", "h100-sxm", .fp8, .tensor(8), 5000, 500, 610),
        trt("qwen3-235b-a22b", "h100-sxm", .fp8, ep(8), 1000, 1000, 14_898),
        trt("qwen3-235b-a22b", "h200", .fp8, ep(8), 1000, 1000, 23_789, tuning: true).band(0.4),
        trt("llama-4-maverick", "h200", .fp8, ep(8), 1000, 1000, 31_782),
        trt("llama-4-scout", "h100-sxm", .fp8, ep(4), 1000, 1000, 12_129),
        // DeepSeek-R1 FP8 on 8 × H200 at concurrency 1,024, 1024 in / 2048 out, attention data parallel
        // ("H200 max-throughput" in NVIDIA's DeepSeek-R1 performance guide).
        ValidationPoint(model: .catalog("deepseek-r1"), device: .gpu("h200"), weights: .fp8, kvCache: .fp8, layout: ep(8),
                        engine: .tensorRTLLM, inputTokens: 1024, outputTokens: 2048, concurrency: 1024,
                        metric: .servingOutput, measured: 11_489, source: trtllmDeepSeek),
    ]

    static let blackwell: [ValidationPoint] = [
        trt("llama-3.3-70b", "b200", .nvfp4, .tensor(1), 1000, 1000, 7_007, tuning: true),
        trt("llama-3.3-70b", "b200", .nvfp4, .tensor(1), 5000, 500, 1_459),
        trt("llama-3.3-70b", "gb200", .nvfp4, .tensor(1), 128, 2048, 11_309),
        trt("llama-3.3-70b", "rtx-pro-6000", .nvfp4, .tensor(1), 1000, 1000, 1_787),
        trt("llama-3.1-405b", "b200", .nvfp4, .tensor(4), 1000, 2000, 4_933),
        // Fine-grained experts (128, 8 a token) in NVFP4 on Blackwell: the model reads them as if its
        // grouped GEMMs ran as on Hopper, and over-predicts 1.5–2.1×; the band says so.
        trt("qwen3-235b-a22b", "b200", .nvfp4, ep(8), 1000, 1000, 42_391).band(0.6),
        trt("qwen3-235b-a22b", "b200", .nvfp4, ep(8), 20000, 2000, 4_453).band(1.2),
        trt("qwen3-30b-a3b", "b200", .nvfp4, .tensor(1), 1000, 1000, 25_828).band(0.6),
        trt("qwen3-30b-a3b", "rtx-pro-6000", .nvfp4, .tensor(1), 1000, 1000, 9_910),
        trt("llama-4-maverick", "b200", .nvfp4, ep(8), 1000, 1000, 79_617),
        trt("llama-4-scout", "b200", .nvfp4, .tensor(1), 2048, 2048, 7_152),
    ]

    static let instinct: [ValidationPoint] = [
        amdPoint("llama-3.1-70b", 128, 2048, seqs: 3200, 13_212.5, tuning: true),
        amdPoint("llama-3.1-70b", 2048, 2048, seqs: 1500, 7_252.1),
        amdPoint("llama-3.1-405b", 128, 2048, seqs: 1500, 4_201.7),
        amdPoint("llama-3.1-405b", 500, 2000, seqs: 2000, 2_992.0),
        amdPoint("llama-3.1-405b", 2048, 2048, seqs: 500, 2_153.7),
    ]

    /// Desk and edge machines, one user: llama.cpp (CUDA or Metal), and vLLM on a DGX Spark.
    static let desk: [ValidationPoint] = [
        // Llama 3 8B (the shape of Llama 3.1 8B), Q4_K_M (≈4.5 bits) and F16, tg512 / tg8192 on an RTX 4090.
        tg(.catalog("llama-3.1-8b"), .gpu("rtx-4090"), .int4, 512, 130.58, xiongjie, tuning: true),
        tg(.catalog("llama-3.1-8b"), .gpu("rtx-4090"), .bf16, 512, 54.84, xiongjie),
        tg(.catalog("llama-3.1-8b"), .gpu("rtx-4090"), .int4, 8192, 110.66, xiongjie),
        tg(.config(llama2_7B), .gpu("rtx-4090"), .int8, 128, 98.13, llamaCpp4766),
        // Apple silicon: M2 Ultra (76-core GPU), M3 Max (40-core), Mac mini M4.
        tg(.catalog("llama-3.1-8b"), .specs(m2Ultra), .int4, 512, 78.81, xiongjie, tuning: true),
        tg(.catalog("llama-3.1-8b"), .specs(m2Ultra), .bf16, 512, 36.90, xiongjie),
        tg(.catalog("llama-3.1-70b"), .specs(m2Ultra), .int4, 512, 12.48, xiongjie),
        tg(.catalog("llama-3.1-8b"), .specs(m3Max), .int4, 512, 48.97, xiongjie),
        tg(.catalog("llama-3.1-70b"), .specs(m3Max), .int4, 512, 7.65, xiongjie, tuning: true),
        tg(.catalog("llama-3.1-8b"), .specs(macMiniM4), .int4, 128, 20.87, "https://github.com/brand-o/normiebench/issues/3"),
        // GB10: gpt-oss in MXFP4 with llama.cpp (tg32, at an empty and a 32,768-token context), and vLLM.
        tg(.catalog("gpt-oss-120b"), .hardware("dgx-spark"), .mxfp4, 32, 59.02, llamaCppSpark, tuning: true),
        tg(.catalog("gpt-oss-120b"), .hardware("dgx-spark"), .mxfp4, depth: 32768, 32, 41.35, llamaCppSpark),
        tg(.catalog("gpt-oss-20b"), .hardware("dgx-spark"), .mxfp4, 32, 84.10, llamaCppSpark),
        tg(.catalog("gpt-oss-20b"), .hardware("dgx-spark"), .mxfp4, depth: 32768, 32, 59.85, llamaCppSpark),
        // llama.cpp prefill (pp2048) on GB10, at the BF16 peak (llama.cpp dequantizes into its own kernels).
        // It was over-predicted 2.2× while the catalog gave GB10 the sparse BF16 figure; with the dense one
        // (62.5 TFLOPS, GeForce Blackwell's FP4 / 8) it is within the usual band, no efficiency changed.
        ValidationPoint(model: .catalog("gpt-oss-20b"), device: .hardware("dgx-spark"), weights: .mxfp4, kvCache: .bf16,
                        layout: .tensor(1), engine: .llamaCpp, inputTokens: 2048, outputTokens: 1, concurrency: 1,
                        metric: .prefill, measured: 3_782.76, source: llamaCppSpark),
        ValidationPoint(model: .catalog("gpt-oss-120b"), device: .hardware("dgx-spark"), weights: .mxfp4, kvCache: .bf16,
                        layout: .tensor(1), engine: .vllm, inputTokens: 128, outputTokens: 128, concurrency: 1,
                        metric: .decode, measured: 58.82, source: "https://github.com/spark-arena/recipe-registry/issues/17"),
    ]

    /// LLaMA-2-7B (llama.cpp's "llama 7B"): 32 layers, hidden 4096, 32 heads, no GQA, 6.74e9 parameters
    /// (https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json).
    static let llama2_7B = OpenModelArchitecture(
        id: "llama-2-7b", name: "Llama 2 7B", totalParameters: 6.74e9, activeParameters: 6.74e9, layers: 32, hiddenSize: 4096,
        attentionHeads: 32, kvHeads: 32, headDimension: 128, nativePrecision: .bf16, contextLength: 4096, license: "llama2",
        source: "https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/config.json")

    /// Mac Studio M2 Ultra, 76-core GPU: 192 GB at 800 GB/s; FP16 76 cores × 128 ALUs × 2 × 1.398 GHz = 27.2 TFLOPS
    /// (https://support.apple.com/en-us/111835).
    static let m2Ultra = Accelerator(id: "m2-ultra-76", name: "Apple M2 Ultra (76-core GPU)", acceleratorClass: .appleSilicon,
                                     memoryGB: 192, bandwidthTBps: 0.8, bf16TFLOPS: 27.2)
    /// MacBook Pro M3 Max, 40-core GPU: 64 GB at 400 GB/s; FP16 40 × 128 × 2 × 1.38 GHz = 14.1 TFLOPS
    /// (https://support.apple.com/en-us/117737).
    static let m3Max = Accelerator(id: "m3-max-40", name: "Apple M3 Max (40-core GPU)", acceleratorClass: .appleSilicon,
                                   memoryGB: 64, bandwidthTBps: 0.4, bf16TFLOPS: 14.1)
    /// Mac mini M4, 10-core GPU: 16 GB at 120 GB/s; ≈4.3 FP16 TFLOPS (https://www.apple.com/mac-mini/specs/).
    static let macMiniM4 = Accelerator(id: "mac-mini-m4-16gb", name: "Mac mini M4 16 GB", acceleratorClass: .appleSilicon,
                                       memoryGB: 16, bandwidthTBps: 0.12, bf16TFLOPS: 4.3)
}

extension ValidationPoint {
    /// The same point with a wider stated band, for a known miss the comment beside it explains.
    func band(_ band: Double) -> ValidationPoint {
        var point = self
        point.band = band
        return point
    }
}
