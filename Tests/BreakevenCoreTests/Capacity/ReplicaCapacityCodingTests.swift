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

    @Test func efficiencySourcesAreWrittenAsTheirTextsAndReadBack() throws {
        let capacity = try ReplicaCapacity.estimate(
            for: Fixture.setup(Fixture.llama31_8B, on: Fixture.h100, weights: .fp8, input: 1000, output: 1000))
        let json = String(decoding: try JSONEncoder().encode(capacity), as: UTF8.self)
        #expect(json.contains(#""stepOverheadSource":"none""#))
        #expect(json.contains(#""memoryBandwidthSource":"0.51: set from the ledger's tuning points"#))
        // Each source reads differently, so a text names one source and a decoded value equals the written one.
        #expect(Set(EfficiencySource.allCases.map(\.text)).count == EfficiencySource.allCases.count)
        for source in EfficiencySource.allCases {
            let data = try JSONEncoder().encode([source])
            #expect(try JSONDecoder().decode([EfficiencySource].self, from: data) == [source])
        }
    }

    @Test func aSourceTheModelDoesNotGiveIsRefused() {
        let data = Data(#"["measured on my laptop"]"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([EfficiencySource].self, from: data) }
    }
}
