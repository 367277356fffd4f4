import Foundation
import Testing
@testable import BreakevenCore

/// A derived capacity reaches the result JSON as its summary (`CapacitySummary`), the one shape
/// of the sizing breakeven writes and `diff` reads back.
@Suite struct CapacitySummaryCodingTests {
    @Test func writesTheSizingWithStableSpellingsAndReadsItBack() throws {
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .fp8, kvCache: .fp8, input: 1000, output: 1000))
        let summary = CapacitySummary(capacity)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(summary)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains(#""bound":"memory""#))
        #expect(json.contains(#""batch_limit":"engine_maximum""#))  // vLLM's 256 below the 488 memory allows
        #expect(json.contains(#""batch":256"#))
        #expect(json.contains(#""engine":"vllm""#))
        #expect(json.contains(#""tensor_parallel":1"#))
        #expect(try JSONDecoder().decode(CapacitySummary.self, from: data) == summary)
    }

    @Test func eachEfficiencySourceReadsDifferently() {
        // A report lists each efficiency with its source's text: two sources must not read alike.
        #expect(Set(EfficiencySource.allCases.map(\.text)).count == EfficiencySource.allCases.count)
        #expect(ServingEfficiency.defaults(for: .hopper).memoryBandwidthSource.text.hasPrefix("0.51: set from the ledger's tuning points"))
    }
}
