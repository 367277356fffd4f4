import Testing
@testable import BreakevenCore

/// Sliding-window layers keep and read at most their window of keys and values (gpt-oss: 128
/// tokens on 18 of its 36 layers), so long contexts cost half what full attention would.
@Suite struct SlidingWindowTests {
    static var windowed: OpenModelArchitecture {
        var m = Fixture.gptOss120B
        m.slidingWindow = 128
        m.slidingWindowLayers = 18
        return m
    }

    @Test func halfTheLayersAttendToTheirWindowOnly() {
        // 32,768 tokens: 18 layers keep all of them, 18 keep 128: (32,768 + 128) / 2 = 16,448 a layer on average.
        #expect(Self.windowed.attendedContext(32768) == 16448)
        // Under the window every layer sees the whole context.
        #expect(Self.windowed.attendedContext(100) == 100)
        #expect(Fixture.gptOss120B.attendedContext(32768) == 32768)
    }

    @Test func aRequestsCacheAndADecodeStepShrinkWithTheWindow() {
        let request = RequestShape(inputTokens: 32768, outputTokens: 32, cachedInputShare: 1)
        func plan(_ model: OpenModelArchitecture) -> ReplicaPlan {
            let setup = ServingSetup(model: model, accelerator: Accelerator(Fixture.h100), weightPrecision: .mxfp4, tensorParallel: 1,
                                     layoutChoice: .tensor, request: request, engine: .vllm)
            return ReplicaPlan(setup: setup, layout: .tensor(1), efficiency: ServingEfficiency.defaults(for: .hopper))
        }
        let (full, windowed) = (plan(Fixture.gptOss120B), plan(Self.windowed))
        // KV per token 2 × 36 × 8 × 64 × 2 B = 73,728 B; a full request of 32,800 tokens: 2.418 GB, windowed
        // (32,800 + 128) / 2 = 16,464 tokens: 1.214 GB.
        #expect(abs(full.kvCacheBytesPerRequest - 73728 * 32800) < 1)
        #expect(abs(windowed.kvCacheBytesPerRequest - 73728 * 16464) < 1)
        #expect(windowed.decodeStep(batch: 1).memorySeconds < full.decodeStep(batch: 1).memorySeconds)
    }
}
