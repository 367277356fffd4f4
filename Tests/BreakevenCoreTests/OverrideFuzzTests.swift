import Foundation
import Testing
@testable import BreakevenCore

/// Thousands of `--set` overrides, each path taken from a scenario with every kind of list the
/// language has and then perhaps damaged, each value from a pool of awkward ones (`null`, which
/// removes, and whole objects and lists among them): the loader answers every one with a
/// scenario or located errors, never a crash. A scenario it accepts
/// has request-class and route shares that still sum to 1, and finite costs.
@Suite("Fuzzing --set")
struct OverrideFuzzTests {
    /// Fixed, so every run tries the same overrides; BREAKEVEN_FUZZ_SEED (hex) explores others.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["BREAKEVEN_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) } ?? 0x2026_1129
    static let caseCount = 2_000

    /// Classes, phases, actuals, an hourly load, long-context tiers, a mix, a switch and an
    /// uncertainty block whose inputs are named by dotted paths.
    static let text = ScenarioText.document(start: "2026-04", months: 6, workload: """
        { "requests_per_month": 100000,
          "request_classes": [
            { "name": "chat", "share": 0.7, "input_tokens_per_request": 800, "output_tokens_per_request": 300 },
            { "name": "rag.long", "share": 0.3, "input_tokens_per_request": 6000, "output_tokens_per_request": 500 } ],
          "growth": { "monthly_rate": 0.05 },
          "load_shape": { "hourly": [1,1,1,1,1,1,2,3,4,4,4,4,4,4,4,4,3,2,2,1,1,1,1,1] },
          "phases": [ { "name": "pilot", "until_month": 2, "volume_multiplier": 0.5, "allowed_options": ["api"] }, { "name": "production", "until_month": 6 } ],
          "actuals": [ { "month": "2026-02", "requests": 50000, "input_tokens": 9e7, "cached_input_tokens": 3e7, "output_tokens": 1.6e7 },
                       { "month": "2026-03", "requests": 60000, "input_tokens": 1.1e8, "cached_input_tokens": 4e7, "output_tokens": 1.9e7 } ] }
        """, options: [
        #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 3, "output_per_mtok": 15, "long_context": [ { "above_input_tokens": 5000, "input_per_mtok": 6, "output_per_mtok": 22.5 } ] } }"#,
        #"{ "id": "cheap", "type": "api", "prices": { "input_per_mtok": 0.5, "output_per_mtok": 1.5 } }"#,
        """
        { "id": "self", "type": "self_hosted", "gpu_hourly": 2.5,
          "throughput": { "output_tokens_per_second": 900, "input_tokens_per_second": 9000 },
          "team": { "engineers": 0.5, "cost_per_engineer_per_year": 150000 }, "one_time": { "migration": 20000 } }
        """,
        #"{ "id": "mix", "type": "mix", "routes": [ { "option": "cheap", "share": 0.6, "quality_fallback_share": 0.1, "fallback": "api" }, { "option": "api", "share": 0.4 } ] }"#,
        #"{ "id": "move", "type": "switch", "from": "api", "to": "self", "at_month": 3 }"#,
    ], extra: """
        , "uncertainty": { "trials": 20, "seed": 7,
            "inputs": { "options.self.gpu_hourly": { "triangular": [2, 2.5, 3.5] }, "workload.growth.monthly_rate": { "normal": { "mean": 0.05, "sd": 0.02 } } },
            "correlations": [ { "between": ["options.self.gpu_hourly", "workload.growth.monthly_rate"], "rank_correlation": 0.3 } ] }
        """)

    static let values = ["0", "-1", "0.5", "1", "2", "1e308", "1e309", "-0", "5e-324", "NaN", "Infinity", "true", "null",
                         #""x""#, "[1]", "{}", "abc", "", "2026-05", "99999999999999999999", "0.95", "api", "self", "best",
                         #"{"annual_rate":0.2}"#, "[0.5,0.5]", #"{"option":"api","share":1}"#, #"[{"option":"self","share":1}]"#]
    static let segments = ["", "0", "1", "-1", "7", "99999999999999999999", "x", "share", "options", "self", "chat", "rag",
                           "long", "2026-02", "routes", "inputs", "triangular", "id", "type", "prices", "🙂"]

    /// Every leaf of the document as a dotted path, with its number if it is one; list elements
    /// named the way the language names them (or by index where the element has no such key).
    static func leaves(_ node: JSONNode, _ prefix: [String] = []) -> [(path: [String], number: Double?)] {
        switch node.value {
        case .object(let members):
            return members.flatMap { leaves($0.value, prefix + $0.key.split(separator: ".").map(String.init)) }
        case .array(let items):
            return items.indices.flatMap { k in
                let item = items[k]
                let name = ["id", "name", "option", "month"].lazy.compactMap { item[$0]?.string }.first ?? String(k)
                return leaves(item, prefix + [name])
            }
        default:
            return [(prefix, node.number)]
        }
    }

    @Test func overridesNeverCrashTheLoader() throws {
        let document = try JSONParser.parse(Array(Self.text.utf8))
        _ = try ScenarioText.scenario(Self.text)
        let leaves = Self.leaves(document)
        #expect(leaves.count > 60)
        var random = TrialRandom(seed: Self.seed, trial: 0, stream: 0)
        func pick<T>(_ items: [T]) -> T { items[Int(random.next() % UInt64(items.count))] }
        var accepted = 0, refused = 0
        for _ in 0..<Self.caseCount {
            let overrides = (0...Int(random.next() % 3)).map { _ -> String in
                let leaf = pick(leaves)
                var path = leaf.path
                switch random.next() % 6 {
                case 0: path[Int(random.next() % UInt64(path.count))] = pick(Self.segments)
                case 1: path = Array(path.prefix(Int(random.next() % UInt64(path.count))))
                case 2: path.append(pick(Self.segments))
                default: break
                }
                // Half the values are the leaf's own number scaled, which the checker mostly takes.
                let own = random.next() % 2 == 0 && path == leaf.path ? leaf.number : nil
                let value = own.map { "\($0 * pick([0, 0.5, 0.9, 1, 1.1, 2]))" } ?? pick(Self.values)
                return path.joined(separator: ".") + "=" + value
            }
            do {
                let s = try ScenarioText.scenario(Self.text, overrides: overrides)
                accepted += 1
                let shares = s.workload.classes.map(\.share)
                #expect(shares.isEmpty || abs(shares.reduce(0, +) - 1) <= 1e-6, "class shares after \(overrides)")
                for case .mix(let mix) in s.options.map(\.kind) {
                    #expect(abs(mix.routes.map(\.share).reduce(0, +) - 1) <= 1e-6, "route shares after \(overrides)")
                }
                for option in Simulator.project(s).options {
                    #expect(option.months.allSatisfy { $0.totalCost.isFinite }, "\(option.optionID) after \(overrides)")
                }
            } catch let errors as ScenarioErrors {
                refused += 1
                #expect(!errors.diagnostics.isEmpty, "no diagnostic for \(overrides)")
            }
        }
        // Both answers come often enough to mean something.
        #expect(accepted > Self.caseCount / 10 && refused > Self.caseCount / 10, "accepted \(accepted), refused \(refused)")
    }
}
