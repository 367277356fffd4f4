import Testing
@testable import BreakevenCore

/// The model with its default efficiencies against published, measured throughput. Saturated
/// offline benchmarks are compared on the effective output rate of their request shape,
/// osl / (isl / input rate + osl / output rate); single-user benchmarks on the decode rate.
/// Each check asserts the ±35% bar and pins the prediction written in its comment (±2%).
@Suite struct CapacityValidationTests {
    private func expectClose(_ predicted: Double, published: Double, pinned: Double,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let error = predicted / published - 1
        #expect(abs(error) <= 0.35, "predicted \(predicted) vs published \(published): \(error)", sourceLocation: sourceLocation)
        #expect(abs(predicted / pinned - 1) <= 0.02, "prediction moved from \(pinned) to \(predicted)", sourceLocation: sourceLocation)
    }

    // MARK: TensorRT-LLM performance overview (trtllm-bench, offline, requests at an infinite rate)
    // https://nvidia.github.io/TensorRT-LLM/performance/perf-overview.html
    // (NVIDIA/TensorRT-LLM docs/source/performance/perf-overview.md). Checkpoints are NVIDIA's
    // ModelOpt FP8 models; ModelOpt's hf_ptq quantizes the KV cache to FP8 by default
    // (`--kv_cache_qformat` default "fp8", NVIDIA/TensorRT-Model-Optimizer examples/llm_ptq), so
    // the KV cache is FP8 here.

    @Test func llama31_8B_FP8_onOneH100() throws {
        // Published: 15,220 output tokens/s at 1000/1000.
        // Memory: 72 GB usable − 8.03 GB weights = 63.97 GB; 2,000 tokens × 65,536 B = 131.07 MB a request → batch 488.
        // Decode: (8.03 GB + 488 × 1,500 × 65,536 B = 47.97 GB) / (3.35 TB/s × 0.6) = 27.86 ms (memory-bound;
        // compute 488 × 16.85 GFLOP / 989.5 TFLOPS = 8.3 ms) → 488 / 27.86 ms = 17,515 tokens/s.
        // Prefill: 989.5 TFLOPS / (16.06 + 0.26 attention) GFLOP = 60,623 tokens/s.
        // Effective: 1000 / (1000 / 60,623 + 1000 / 17,515) = 13,589 → −10.7%.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .fp8, kvCache: .fp8, input: 1000, output: 1000))
        #expect(capacity.tensorParallel == 1)
        #expect(capacity.batch == 488)
        expectClose(capacity.effectiveOutputTokensPerSecond, published: 15_220, pinned: 13_589)
    }

    @Test func llama33_70B_FP8_onTwoH100() throws {
        // Published: 4,205 output tokens/s at 1000/1000, TP 2.
        // Memory: 144 − 70.6 = 73.4 GB; 2,000 × 163,840 B = 327.68 MB a request → batch 223.
        // Decode: (70.6 + 223 × 1,500 × 163,840 B = 54.8) GB / (2 × 2.01 TB/s) = 31.2 ms + 2 × 80 all-reduces
        // of 223 × 8,192 × 2 B (8.8 + 8.1 µs each) = 2.7 ms → 33.9 ms → 6,578 tokens/s.
        // Prefill: 2 × 989.5 TFLOPS / 142.5 GFLOP a token, less chunked all-reduces → 12,819 tokens/s.
        // Effective: 1000 / (1000 / 12,819 + 1000 / 6,578) = 4,347 → +3.4%.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama33_70B, on: Fixture.h100, weights: .fp8, kvCache: .fp8, tensorParallel: 2,
                               input: 1000, output: 1000))
        #expect(capacity.batch == 223)
        expectClose(capacity.effectiveOutputTokensPerSecond, published: 4_205, pinned: 4_347)
    }

    @Test func llama33_70B_FP8_onOneH200() throws {
        // Another GPU. Published: 2,909 output tokens/s at 1000/1000, TP 1.
        // Memory: 141 × 0.9 − 70.6 = 56.3 GB → 56.3 / 0.32768 = 171 requests.
        // Decode: (70.6 + 171 × 1,500 × 163,840 B = 42.0) GB / (4.8 TB/s × 0.6) = 39.1 ms → 4,373 tokens/s.
        // Prefill: 989.5 TFLOPS / 142.5 GFLOP = 6,943 tokens/s. Effective: 1000 / (0.1440 + 0.2287) s = 2,683 → −7.8%.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama33_70B, on: Fixture.h200, weights: .fp8, kvCache: .fp8, tensorParallel: 1,
                               input: 1000, output: 1000))
        #expect(capacity.batch == 171)
        expectClose(capacity.effectiveOutputTokensPerSecond, published: 2_909, pinned: 2_683)
    }

    @Test func llama31_8B_FP8_onOneH200() throws {
        // Published: 17,744 output tokens/s at 1000/1000.
        // Memory: 126.9 − 8.03 = 118.87 GB → 906 requests. Decode: (8.03 + 906 × 1,500 × 65,536 B = 89.06) GB
        // / 2.88 TB/s = 33.7 ms → 26,874 tokens/s. Effective with 60,623 tokens/s of prefill: 18,620 → +4.9%.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama31_8B, on: Fixture.h200, weights: .fp8, kvCache: .fp8, input: 1000, output: 1000))
        #expect(capacity.batch == 906)
        expectClose(capacity.effectiveOutputTokensPerSecond, published: 17_744, pinned: 18_620)
    }

    @Test func qwen3_235B_A22B_FP8_onEightH100() throws {
        // Another family, mixture-of-experts (22e9 of 235e9 parameters active). Published: 14,898 at 1000/1000, TP 8.
        // Memory: 8 × 72 − 235 = 341 GB; 4 KV heads replicated to 8 devices: 192,512 B a token → 885 requests.
        // Decode: all experts are touched at batch 885 (1 − (1 − 0.0936)^885 ≈ 1):
        // (235 + 885 × 1,500 × 192,512 B = 255.6) GB / (8 × 2.01 TB/s) = 30.5 ms + 2 × 94 all-reduces of
        // 885 × 4,096 × 2 B among 8 (≈60 µs each) = 11.2 ms → 41.7 ms → 21,198 tokens/s.
        // Prefill: 8 × 989.5 TFLOPS / 45.5 GFLOP a token, with TP 8 all-reduces → 80,209 tokens/s.
        // Effective: 1000 / (1000 / 80,209 + 1000 / 21,198) = 16,767 → +12.5%.
        // (TensorRT-LLM ran this with expert and attention data parallelism, which the model does not describe.)
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.qwen3_235B, on: Fixture.h100, weights: .fp8, kvCache: .fp8, tensorParallel: 8,
                               input: 1000, output: 1000))
        #expect(capacity.batch == 885)
        expectClose(capacity.effectiveOutputTokensPerSecond, published: 14_898, pinned: 16_767)
    }

    @Test func deepSeekR1_FP8_onEightH200() throws {
        // Multi-head latent attention. Published: 11,489 output tokens/s, DeepSeek-R1 (DeepSeek-V3's architecture)
        // FP8, 8 × H200, 1024/2048 at concurrency 1024 ("H200 max-throughput", NVIDIA/TensorRT-LLM
        // docs/source/blogs/Best_perf_practice_on_DeepSeek-R1_in_TensorRT-LLM.md).
        // KV: 61 layers × 576 latent values × 1 B = 35,136 B a token, kept whole on each of the 8 devices: 281,088 B.
        // Memory: 8 × 126.9 − 671 = 344.2 GB; 3,072 tokens × 281,088 B = 863.5 MB a request → batch 398.
        // Decode: all experts touched at batch 398; (671 + 398 × 2,048 × 281,088 B = 229.1) GB / (8 × 2.88 TB/s)
        // = 39.1 ms + TP 8 all-reduces ≈ 6.5 ms → 45.6 ms → 8,722 tokens/s. Prefill ≈ 58,800 tokens/s.
        // Effective: 2048 / (1024 / 58,800 + 2048 / 8,722) = 8,120 → −29.3%. TensorRT-LLM ran attention data
        // parallel (no replicated cache, batch 1024), which the model does not describe. Counting K and V for
        // all 128 heads (2 × 61 × 128 × 192 B = 3.0 MB a token) instead would allow batch 37 and 929 tokens/s.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.deepSeekV3, on: Fixture.h200, weights: .fp8, kvCache: .fp8, tensorParallel: 8,
                               input: 1024, output: 2048, maxBatch: 1024))
        #expect(capacity.kvCacheBytesPerToken == 281_088)
        #expect(capacity.batch == 398)
        expectClose(capacity.effectiveOutputTokensPerSecond, published: 11_489, pinned: 8_120)
    }

    // MARK: Single-user decode on a desk (batch 1, tg128: 128 tokens generated from an empty prompt)

    @Test func llama2_7B_F16_onAnRTX4090_llamaCpp() throws {
        // Consumer card, BF16/F16 weights. Published: 61.03 t/s, llama-bench tg128, "llama 7B F16",
        // RTX 4090 (https://github.com/ggml-org/llama.cpp/pull/4766, ggerganov's ggml-backend run, Jan 2024).
        // Decode: 6.74e9 × 2 B = 13.48 GB + 64 × 524,288 B of KV / (1.008 TB/s × 0.70) = 19.15 ms → 52.2 t/s → −14.4%.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama2_7B, on: Fixture.rtx4090, weights: .bf16, input: 0, output: 128, maxBatch: 1))
        #expect(capacity.bound == .memory)
        expectClose(capacity.outputTokensPerSecond, published: 61.03, pinned: 52.21)
    }

    @Test func llama2_7B_Q8_onAnRTX4090_llamaCpp() throws {
        // Another precision, INT8. Published: 98.13 t/s, tg128, "llama 7B Q8_0", same run as above.
        // Decode: 6.74 GB (1 byte a weight; Q8_0's block scales make it 7.16 GB) / 705.6 GB/s = 9.60 ms → 104.2 t/s → +6.2%.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama2_7B, on: Fixture.rtx4090, weights: .int8, input: 0, output: 128, maxBatch: 1))
        expectClose(capacity.outputTokensPerSecond, published: 98.13, pinned: 104.17)
    }

    @Test func llama31_8B_Q4_onAMacMiniM4() throws {
        // A Mac, 4-bit weights. Published: 20.87 t/s, llama.cpp Metal tg128, Llama 3.1 8B Q4_K_M, Mac mini M4
        // 16 GB (https://github.com/brand-o/normiebench/issues/3).
        // Decode: 8.03e9 × 0.5625 B = 4.517 GB / (120 GB/s × 0.65) = 57.9 ms → 17.2 t/s → −17.4%.
        let setup = ServingSetup(model: Fixture.llama31_8B, accelerator: Accelerator(Fixture.macMiniM4), weightPrecision: .int4,
                                 request: RequestShape(inputTokens: 0, outputTokens: 128), maxBatch: 1)
        let capacity = try ReplicaCapacity.estimate(for: setup)
        #expect(capacity.acceleratorClass == .appleSilicon)
        expectClose(capacity.outputTokensPerSecond, published: 20.87, pinned: 17.24)
    }

    @Test func gptOss120B_onADGXSpark() throws {
        // GB10 and a mixture-of-experts at batch 1. Published: 58.82 tok/s decode, gpt-oss-120b (MXFP4), vLLM,
        // one DGX Spark (https://github.com/spark-arena/recipe-registry/issues/17, reproduced there at 59.5).
        // One token touches 5.13 / 116.83 of the weights: 116.83e9 × 0.5625 B × 0.0439 = 2.886 GB
        // / (273 GB/s × 0.65) = 16.3 ms → 61.4 t/s → +4.4%. Reading all 65.7 GB would predict 2.7 t/s.
        let setup = ServingSetup(model: Fixture.gptOss120B, accelerator: Accelerator(Fixture.dgxSpark), weightPrecision: .int4,
                                 request: RequestShape(inputTokens: 0, outputTokens: 128), maxBatch: 1)
        let capacity = try ReplicaCapacity.estimate(for: setup)
        #expect(capacity.acceleratorClass == .gb10)
        expectClose(capacity.outputTokensPerSecond, published: 58.82, pinned: 61.39)
    }
}
