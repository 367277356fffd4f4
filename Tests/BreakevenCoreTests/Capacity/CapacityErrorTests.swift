import Testing
@testable import BreakevenCore

@Suite struct CapacityErrorTests {
    private func message(_ setup: ServingSetup) -> String? {
        do {
            _ = try ReplicaCapacity.estimate(for: setup)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aModelTooLargeForEightGPUs() {
        // Llama-3.1-405B BF16: 405e9 × 2 = 810 GB; one 2,000-token request: 2,000 × 2 × 126 × 8 × 128 × 2 B
        // = 1.032 GB → 811.0 GB, but 8 × 72 GB = 576 GB.
        let setup = Fixture.setup(Fixture.llama31_405B, on: Fixture.h100, weights: .bf16, input: 1000, output: 1000)
        #expect(message(setup) == "llama-3.1-405b at bf16 needs 811.0 GB (weights plus the KV cache of one full request) but 8 × h100-sxm hold 576.0 GB after the 10% runtime reserve")
        #expect(throws: CapacityError.modelTooLarge(model: "llama-3.1-405b", precision: .bf16, accelerator: "h100-sxm",
                                                    requiredGB: 811.032192, availableGB: 576, reserveShare: 0.1)) {
            try ReplicaCapacity.estimate(for: setup)
        }
    }

    @Test func aSetTensorParallelDegreeThatCannotHoldTheModel() {
        // 141.2 GB of weights + 0.65536 GB for one request = 141.9 GB on one 72 GB GPU.
        let setup = Fixture.setup(Fixture.llama33_70B, on: Fixture.h100, weights: .bf16, tensorParallel: 1, input: 1000, output: 1000)
        #expect(message(setup) == "llama-3.3-70b at bf16 needs 141.9 GB (weights plus the KV cache of one full request) but 1 × h100-sxm holds 72.0 GB after the 10% runtime reserve")
    }

    @Test func aTensorParallelDegreeOutsideOneNode() {
        let setup = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, tensorParallel: 3, input: 100, output: 100)
        #expect(message(setup) == "tensor_parallel must be 1, 2, 4 or 8, found 3")
    }

    @Test func zeroBandwidth() {
        var gpu = Fixture.h100
        gpu.id = "broken-gpu"
        gpu.datasheet.bandwidthTBps = 0
        let setup = Fixture.setup(Fixture.llama31_8B, on: gpu, weights: .bf16, input: 100, output: 100)
        #expect(message(setup) == "accelerator broken-gpu: bandwidth_tbps must be greater than 0, found 0")
        #expect(throws: CapacityError.invalidValue(subject: "accelerator broken-gpu", field: "bandwidth_tbps",
                                                   expected: "greater than 0", found: 0)) {
            try ReplicaCapacity.estimate(for: setup)
        }
    }

    @Test func moreActiveThanTotalParameters() {
        var model = Fixture.qwen3_235B
        model.activeParameters = 300e9
        let setup = Fixture.setup(model, on: Fixture.h100, weights: .fp8, input: 100, output: 100)
        #expect(message(setup) == "model qwen3-235b-a22b: active_parameters must be greater than 0 and at most total_parameters, found 300000000000")
    }

    /// A trial may draw figures the scenario checker never saw: Qwen3-235B-A22B has 64 query
    /// heads (the fixture leaves out its 128 routed experts, 8 per token: they are set here).
    @Test func figuresOutOfOrder() {
        var model = Fixture.qwen3_235B
        model.kvHeads = 96
        #expect(message(Fixture.setup(model, on: Fixture.h100, weights: .fp8, input: 100, output: 100))
                == "model qwen3-235b-a22b: kv_heads must be at most attention_heads (64), found 96")
        model = Fixture.qwen3_235B
        model.experts = 128
        model.expertsPerToken = 200
        #expect(message(Fixture.setup(model, on: Fixture.h100, weights: .fp8, input: 100, output: 100))
                == "model qwen3-235b-a22b: experts_per_token must be at most experts (128), found 200")
    }

    @Test func aCachedShareAboveOne() {
        let setup = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 100, output: 100, cachedShare: 1.5)
        #expect(message(setup) == "request: cached_input_share must be between 0 and 1, found 1.5")
    }

    @Test func noOutputTokens() {
        let setup = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 100, output: 0)
        #expect(message(setup) == "request: output_tokens must be at least 1, found 0")
    }

    @Test func anEfficiencyAboveOne() {
        var setup = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 100, output: 100)
        setup.efficiency = EfficiencyOverrides(memoryBandwidthUtilization: 1.2)
        #expect(message(setup) == "efficiency: memory_bandwidth_utilization must be greater than 0 and at most 1, found 1.2")
    }

    @Test func aBatchCapOfZero() {
        let setup = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, input: 100, output: 100, maxBatch: 0)
        #expect(message(setup) == "max_batch must be at least 1, found 0")
    }

    @Test func aTimePerOutputTokenTargetOutOfReach() {
        // TP 1 is set: batch 1 reads 16.0796608 GB at 3.35 TB/s × 0.51 = 9.41 ms a step (its one 100-token prompt
        // rides along in 100 steps: arithmetic, not bytes) > 5 ms.
        let setup = Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .bf16, tensorParallel: 1, input: 100, output: 100,
                                  latency: LatencyTarget(maxTimePerOutputTokenMs: 5))
        #expect(message(setup) == "time per output token target of 5 ms is out of reach: the best is 9.4 ms at batch 1 on 1 × h100-sxm")
    }

    @Test func aTimeToFirstTokenTargetOutOfReach() {
        // 1,000-token prompt on one H200 at FP8: (2 × 70.6e9 × 1000 + 2 × 80 × 64 × 128 × 1000²) FLOP
        // = 142.51 TFLOP / (1,979 × 0.5) TFLOPS = 144.0 ms > 100 ms.
        let setup = Fixture.setup(Fixture.llama33_70B, on: Fixture.h200, weights: .fp8, kvCache: .fp8, tensorParallel: 1,
                                  input: 1000, output: 1000, latency: LatencyTarget(maxTimeToFirstTokenMs: 100))
        #expect(message(setup) == "time to first token target of 100 ms is out of reach: the best is 144.0 ms at batch 1 on 1 × h200-sxm")
    }
}
