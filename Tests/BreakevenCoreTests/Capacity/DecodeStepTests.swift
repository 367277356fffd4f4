import Testing
@testable import BreakevenCore

@Suite struct DecodeStepTests {
    /// Llama-3.1-8B BF16 on one H100, 100 in / 100 out: mean decode context 100 + 100 / 2 = 150 tokens.
    /// Default datacenter efficiencies: bandwidth 3.35 TB/s × 0.6 = 2.01 TB/s; compute 989 TFLOPS × 0.5 = 494.5 TFLOPS.
    /// Prompts served from the cache (none rides along with the steps), TensorRT-LLM's 2,048 cap,
    /// bandwidth utilization 0.6 written out: the decode arithmetic alone.
    let setup: ServingSetup = {
        var s = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 100, output: 100, cachedShare: 1)
        s.engine = .tensorRTLLM
        s.efficiency = EfficiencyOverrides(memoryBandwidthUtilization: 0.6)
        return s
    }()

    private func plan(_ setup: ServingSetup, tensorParallel: Int = 1) -> ReplicaPlan {
        ReplicaPlan(setup: setup, layout: .tensor(tensorParallel),
                    efficiency: ServingEfficiency.defaults(for: setup.accelerator.acceleratorClass).applying(setup.efficiency))
    }

    @Test func decodeIsMemoryBoundAtBatchOne() {
        let step = plan(setup).decodeStep(batch: 1)
        // Bytes: 16.06 GB of weights + 1 × 150 × 131,072 B = 16.0796608 GB → / 2.01 TB/s = 7.99983 ms.
        #expect(abs(step.memorySeconds * 1000 - 7.99983) < 1e-4)
        // FLOPs: 2 × 8.03e9 + 4 × 32 layers × 32 heads × 128 × 150 = 16.1386432 GFLOP → / 494.5 TFLOPS = 0.0326363 ms.
        #expect(abs(step.computeSeconds * 1000 - 0.0326363) < 1e-6)
        #expect(step.bound == .memory)
        #expect(step.communicationSeconds == 0)
    }

    @Test func decodeIsComputeBoundAtALargeBatch() {
        let step = plan(setup).decodeStep(batch: 1024)
        // Bytes: 16.06 GB + 1024 × 150 × 131,072 B = 36.1926592 GB → 18.0063 ms.
        #expect(abs(step.memorySeconds * 1000 - 18.0063) < 1e-3)
        // FLOPs: 1024 × 16.1386432 GFLOP = 16.526 TFLOP → 33.4196 ms: the arithmetic is now the wall.
        #expect(abs(step.computeSeconds * 1000 - 33.4196) < 1e-3)
        #expect(step.bound == .compute)
    }

    @Test func theOperatingPointFollowsTheBatch() throws {
        // Memory: (72 − 16.06) GB / (200 × 131,072 B) = 2,133 requests; the engine's default cap
        // is 2,048 → batch 2,048, compute-bound (66.8 ms of arithmetic vs 28.0 ms of reading).
        let full = try ReplicaCapacity.estimate(for: setup)
        #expect(full.batchThatFillsMemory == 2133)
        #expect(full.batch == 2048)
        #expect(full.batchLimit == .engineMaximum)
        #expect(full.bound == .compute)
        // A single user: batch 1, memory-bound, 1 / 7.99983 ms = 125.0 tokens/s.
        var single = setup
        single.maxBatch = 1
        let one = try ReplicaCapacity.estimate(for: single)
        #expect(one.batch == 1)
        #expect(one.batchLimit == .maxBatch)
        #expect(one.bound == .memory)
        #expect(abs(one.outputTokensPerSecond - 125.0026) < 1e-3)
    }

    @Test func aLatencyTargetLowersTheBatch() throws {
        // Without a target: batch 2,048, compute-bound, 2,048 × 0.0326363 ms = 66.8 ms between tokens.
        let unbounded = try ReplicaCapacity.estimate(for: setup)
        #expect(unbounded.timePerOutputTokenMs > 60)

        // 20 ms target. Memory: 7.99005 + batch × 0.0097815 ms; compute: batch × 0.0326363 ms, which
        // binds first: batch ≤ 20 / 0.0326363 = 612.8 → 612, 612 × 0.0326363 = 19.9734 ms
        // (memory 7.99005 + 5.98628 = 13.976 ms).
        var bounded = setup
        bounded.latency = LatencyTarget(maxTimePerOutputTokenMs: 20)
        let capacity = try ReplicaCapacity.estimate(for: bounded)
        #expect(capacity.batch == 612)
        #expect(capacity.batchLimit == .latency)
        #expect(abs(capacity.timePerOutputTokenMs - 19.9734) < 1e-3)
        #expect(capacity.bound == .compute)
        // Compute-bound both: the same tokens per second, at a third of the wait.
        #expect(capacity.outputTokensPerSecond <= unbounded.outputTokensPerSecond)
    }

    @Test func anUnreachableTargetAtOneGPUMovesToMoreGPUs() throws {
        // 5 ms per token: TP 1 gives 8.03 ms at batch 1. TP 2 halves the bytes per device
        // (16.08 GB / 4.02 TB/s = 4.0 ms) and adds 2 × 32 all-reduces of 5 + 2 × 1.9 µs ≈ 0.56 ms → 4.6 ms.
        var fast = setup
        fast.tensorParallelPolicy = .smallestThatFits
        fast.latency = LatencyTarget(maxTimePerOutputTokenMs: 5)
        let capacity = try ReplicaCapacity.estimate(for: fast)
        #expect(capacity.tensorParallel == 2)
        #expect(capacity.tensorParallelReason == .latency)
        #expect(capacity.timePerOutputTokenMs <= 5)
    }

    @Test func tensorParallelAllReducesFollowGenZ() {
        // Ring all-reduce of 8 MB among 8 NVLink-4 devices:
        // 5 µs + 2 × 7 × 1.9 µs + 2 × 7 / 8 × 8e6 B / 450e9 B/s = 5 + 26.6 + 31.111 µs = 62.711 µs.
        let seconds = TensorParallelAllReduce.seconds(bytes: 8e6, devices: 8, linkBytesPerSecond: 450e9)
        #expect(abs(seconds * 1e6 - 62.7111) < 1e-3)
        #expect(TensorParallelAllReduce.seconds(bytes: 8e6, devices: 1, linkBytesPerSecond: 450e9) == 0)
    }

    @Test func aMixtureOfExpertsReadsOnlyItsActiveWeightsForOneToken() {
        // gpt-oss-120b: 5.13e9 of 116.83e9 parameters per token → one token touches 4.391% of the weights.
        let model = Fixture.gptOss120B
        #expect(abs(model.touchedWeightShare(tokens: 1) - 5.13 / 116.83) < 1e-12)
        // 64 tokens routed independently: 1 − (1 − 0.04391)^64 = 94.35% of the weights.
        #expect(abs(model.touchedWeightShare(tokens: 64) - 0.94352) < 1e-4)
        // A dense model always reads everything.
        #expect(Fixture.llama31_8B.touchedWeightShare(tokens: 1) == 1)
    }

    @Test func cachedPromptTokensSkipPrefill() throws {
        // 1,000-token prompts, 80% from the prefix cache: 200 tokens prefilled, attending to
        // 1,000 − 100 = 900 tokens on average. FLOPs per prefilled token:
        // 2 × 8.03e9 + 4 × 32 × 32 × 128 × 900 = 16.5319 GFLOP → 494.5 TFLOPS / 16.5319 GFLOP = 29,912 tokens/s
        // (of uncached tokens). Time to first token: 200 × 16.5319 GFLOP / 494.5 TFLOPS = 6.686 ms of
        // arithmetic, less than reading 16.06 GB at 3.35 TB/s × 0.51 = 1.7085 TB/s = 9.40006 ms: the weights bound it.
        let cached = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 1000, output: 100, cachedShare: 0.8))
        #expect(abs(cached.prefillOnlyTokensPerSecond - 29_912.2) < 0.5)
        #expect(abs(cached.timeToFirstTokenMs - 9.40006) < 1e-4)
    }
}
