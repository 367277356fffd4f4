import Testing
@testable import BreakevenCore

@Suite struct ReplicaMemoryTests {
    @Test func kvCacheCountsKeyValueHeadsNotQueryHeads() {
        // Llama-3.1-8B: 2 (K, V) × 32 layers × 8 KV heads × 128 dim × 2 bytes = 131,072 B = 128 KiB.
        #expect(Fixture.llama31_8B.kvCacheBytesPerToken(at: .bf16) == 131_072)
        // Llama-3.1-70B: 2 × 80 × 8 × 128 × 2 = 327,680 B = 320 KiB (query heads would give 64 → 2.5 MiB).
        #expect(Fixture.llama33_70B.kvCacheBytesPerToken(at: .bf16) == 327_680)
        // FP8 cache: 1 byte an element, half: 163,840 B.
        #expect(Fixture.llama33_70B.kvCacheBytesPerToken(at: .fp8) == 163_840)
    }

    @Test func kvHeadsAreReplicatedWhenDevicesOutnumberThem() {
        // Qwen3-235B has 4 KV heads: 2 × 94 × 4 × 128 × 1 byte = 96,256 B per token at FP8.
        #expect(Fixture.qwen3_235B.kvCacheBytesPerToken(at: .fp8) == 96_256)
        // On 8 devices each keeps one whole head: 8 heads stored, twice the bytes: 192,512 B.
        #expect(Fixture.qwen3_235B.kvCacheBytesPerToken(at: .fp8, tensorParallel: 8) == 192_512)
        // On 4 devices, one head each: no replication.
        #expect(Fixture.qwen3_235B.kvCacheBytesPerToken(at: .fp8, tensorParallel: 4) == 96_256)
    }

    @Test func aLatentCacheStoresOneCompressedVectorPerLayer() {
        // DeepSeek-V3, multi-head latent attention: 61 layers × (512 + 64) values × 2 bytes = 70,272 B per token at
        // BF16, where K and V for all 128 heads would be 2 × 61 × 128 × 192 × 2 = 5,996,544 B (85× more).
        #expect(Fixture.deepSeekV3.kvCacheBytesPerToken(at: .bf16) == 70_272)
        // The latent belongs to no head, so every device of a tensor-parallel replica keeps all of it:
        // 8 × 35,136 B at FP8 = 281,088 B.
        #expect(Fixture.deepSeekV3.kvCacheBytesPerToken(at: .fp8, tensorParallel: 8) == 281_088)
    }

    @Test func weightsAreTotalParametersTimesBytesPerWeight() throws {
        // 70B at FP8: 70.6e9 × 1 byte = 70.6 GB.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama33_70B, on: Fixture.h100, weights: .fp8, tensorParallel: 2, input: 1000, output: 1000))
        #expect(abs(capacity.weightsGB - 70.6) < 1e-9)
        // BF16: 141.2 GB; 4-bit with block scales (4.5 bits): 70.6e9 × 0.5625 = 39.7125 GB.
        #expect(Fixture.llama33_70B.weightBytes(at: .bf16) == 141.2e9)
        #expect(abs(Fixture.llama33_70B.weightBytes(at: .int4) - 39.7125e9) < 1)
    }

    @Test func theBatchThatFillsMemoryHoldsEveryRequestAtItsFullContext() throws {
        // Llama-3.1-8B BF16 on one H100, 1000 in / 1000 out:
        // usable 80 GB × 0.9 = 72 GB; weights 8.03e9 × 2 = 16.06 GB; free 55.94 GB;
        // one request at its full 2,000 tokens: 2,000 × 131,072 B = 0.262144 GB;
        // 55.94 / 0.262144 = 213.4 → 213 requests, 213 × 0.262144 = 55.836672 GB of KV cache.
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 1000, output: 1000))
        #expect(capacity.tensorParallel == 1)
        #expect(capacity.batch == 213)
        #expect(capacity.batchLimit == .memory)
        #expect(abs(capacity.kvCacheGB - 55.836672) < 1e-6)
        #expect(abs(capacity.memoryUsablePerDeviceGB - 72) < 1e-9)
        // (16.06 + 55.836672) GB on one device.
        #expect(abs(capacity.memoryUsedPerDeviceGB - 71.896672) < 1e-6)
    }

    @Test func a70BModelInBF16NeedsTwo80GBGPUs() throws {
        // Weights 70.6e9 × 2 = 141.2 GB; one 1000 + 1000-token request: 2,000 × 327,680 B = 0.65536 GB;
        // 141.85536 GB > 72 GB (TP 1) but ≤ 144 GB (TP 2 × 72 GB) → TP 2.
        // Free at TP 2: 144 − 141.2 = 2.8 GB → 2.8 / 0.65536 = 4.27 → a batch of 4: a barely-fitting replica.
        func smallest(_ input: Double, _ output: Double) throws -> ReplicaCapacity {
            var s = Fixture.setup(Fixture.llama33_70B, on: Fixture.h100, weights: .bf16, input: input, output: output)
            s.tensorParallelPolicy = .smallestThatFits
            return try ReplicaCapacity.estimate(for: s)
        }
        let shortRequests = try smallest(1000, 1000)
        #expect(shortRequests.tensorParallel == 2)
        #expect(shortRequests.tensorParallelReason == .memory)
        #expect(shortRequests.batch == 4)

        // 4000 + 4000 tokens: 8,000 × 327,680 B = 2.62144 GB → 143.82 GB still fits TP 2, one request.
        let longRequests = try smallest(4000, 4000)
        #expect(longRequests.tensorParallel == 2)
        #expect(longRequests.batch == 1)

        // 7000 + 7000 tokens: 14,000 × 327,680 B = 4.58752 GB → 145.79 GB > 144 GB → TP 4.
        let longerRequests = try smallest(7000, 7000)
        #expect(longerRequests.tensorParallel == 4)
    }

    @Test func throughputPolicyAvoidsAReplicaThatBarelyHoldsItsWeights() throws {
        // Llama-3.3-70B FP8 on H100, 1000/1000: 70.6 GB of weights + 0.32768 GB (2,000 × 163,840 B)
        // fit one GPU's 72 GB, so the smallest degree is 1 — with a batch of (72 − 70.6) / 0.32768 = 4.
        var setup = Fixture.setup(Fixture.llama33_70B, on: Fixture.h100, weights: .fp8, kvCache: .fp8, input: 1000, output: 1000)
        setup.tensorParallelPolicy = .smallestThatFits
        let smallest = try ReplicaCapacity.estimate(for: setup)
        #expect(smallest.tensorParallel == 1)
        #expect(smallest.batch == 4)

        setup.tensorParallelPolicy = .mostThroughputPerDevice
        let best = try ReplicaCapacity.estimate(for: setup)
        #expect(best.tensorParallel > 1)
        #expect(best.tensorParallelReason == .throughput)
        // The default policy is this one, and the smallest replica names it as the better layout.
        #expect(smallest.betterLayout == best.layout)
        #expect(best.effectiveOutputTokensPerSecond / Double(best.tensorParallel)
                > 10 * smallest.effectiveOutputTokensPerSecond)
    }
}
