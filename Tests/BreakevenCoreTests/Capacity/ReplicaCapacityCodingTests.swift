import Foundation
import Testing
@testable import BreakevenCore

@Suite struct ReplicaCapacityCodingTests {
    @Test func roundTripsThroughJSONWithStableEnumSpellings() throws {
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .fp8, kvCache: .fp8, input: 1000, output: 1000))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(capacity)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""bound":"memory""#))
        #expect(json.contains(#""batchLimit":"engine_maximum""#))  // vLLM's 256 below the 488 memory allows
        #expect(json.contains(#""acceleratorClass":"hopper""#))
        #expect(json.contains(#""computePrecision":"fp8""#))
        #expect(try JSONDecoder().decode(ReplicaCapacity.self, from: data) == capacity)
    }
}
