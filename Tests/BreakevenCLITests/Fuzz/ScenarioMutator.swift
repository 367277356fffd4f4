import Foundation

/// Mutants of the example scenarios, the same for the same seed: every numeric key set to an
/// extreme or denormal number, then random mutations (types swapped, keys dropped, extreme
/// numbers, control characters in strings, truncated files) until there are enough.
struct ScenarioMutator {
    struct Mutant {
        var example: String
        /// What was changed, for the failure message: "options[1].gpu_hourly = 5e-324".
        var change: String
        var text: String
    }

    /// SplitMix64 (Steele, Lea and Flood 2014), as the Monte Carlo trials use: a seed gives one stream.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }

        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// Numbers at and past the edges: zero and its sign, the smallest denormal and normal, the
    /// largest double, integers past 2^32 and 2^53, tiny and huge throughputs and prices.
    static let extremes = ["0", "-0", "-1", "0.5", "1e-9", "1e-300", "5e-324", "2.2250738585072014e-308", "1e9", "4294967296",
                           "-2147483649", "9007199254740993", "1e15", "1e300", "1.7976931348623157e308", "-1.7976931348623157e308"]
    /// Text no report or terminal may show raw.
    static let hostile = ["\u{0}", "\u{1B}[31m", "\u{1B}]0;title\u{7}", "\u{202E}", "\u{FFFF}", "\n# heading", "\u{85}", "<!--", "::error::x", "`|`"]
    static let otherTypes: [JSONValue] = [.null, .bool(true), .number("1"), .string("x"), .array([]), .object([:])]

    let examples: [(name: String, document: JSONValue)]
    var random: Random

    init(examples: [(name: String, document: JSONValue)], seed: UInt64) {
        self.examples = examples
        random = Random(state: seed)
    }

    mutating func mutants(count: Int) -> [Mutant] {
        var out: [Mutant] = []
        // Every numeric key of every example, once.
        for example in examples {
            for (path, value) in example.document.places() {
                guard case .number = value else { continue }
                let number = random.pick(Self.extremes)
                out.append(mutant(example, example.document.replacing(path[...], with: .number(number)),
                                  "\(JSONValue.path(path)) = \(number)"))
            }
        }
        while out.count < count {
            let example = random.pick(examples)
            // One mutation in most mutants, two in a quarter of them.
            var document = example.document
            var changes: [String] = []
            for _ in 0..<(random.below(4) == 0 ? 2 : 1) {
                let (changed, change) = mutate(document)
                document = changed
                changes.append(change)
            }
            var m = mutant(example, document, changes.joined(separator: "; "))
            if random.below(8) == 0, m.text.utf8.count > 2 {
                let cut = 1 + random.below(m.text.utf8.count - 1)
                m.text = String(decoding: m.text.utf8.prefix(cut), as: UTF8.self)
                m.change += "; truncated to \(cut) bytes"
            }
            out.append(m)
        }
        return out
    }

    func mutant(_ example: (name: String, document: JSONValue), _ document: JSONValue, _ change: String) -> Mutant {
        Mutant(example: example.name, change: change, text: document.text)
    }

    mutating func mutate(_ document: JSONValue) -> (JSONValue, String) {
        let places = Array(document.places().dropFirst())
        let (path, value) = random.pick(places)
        let at = JSONValue.path(path)
        switch random.below(4) {
        case 0:
            let other = random.pick(Self.otherTypes.filter { !Self.sameKind($0, value) })
            return (document.replacing(path[...], with: other), "\(at) = \(other.text) (type swapped)")
        case 1:
            return (document.replacing(path[...], with: nil), "\(at) dropped")
        case 2:
            let numbers = places.filter { if case .number = $0.1 { return true } else { return false } }
            guard !numbers.isEmpty else { return (document, "nothing") }
            let (p, _) = random.pick(numbers)
            let number = random.pick(Self.extremes)
            return (document.replacing(p[...], with: .number(number)), "\(JSONValue.path(p)) = \(number)")
        default:
            let strings = places.compactMap { place -> ([JSONValue.Step], String)? in
                if case .string(let s) = place.1 { return (place.0, s) } else { return nil }
            }
            guard !strings.isEmpty else { return (document, "nothing") }
            let (p, s) = random.pick(strings)
            let inserted = random.pick(Self.hostile)
            let cut = s.index(s.startIndex, offsetBy: random.below(s.count + 1))
            let changed = String(s[..<cut]) + inserted + String(s[cut...])
            return (document.replacing(p[...], with: .string(changed)), "\(JSONValue.path(p)) = \(JSONValue.quoted(changed))")
        }
    }

    static func sameKind(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null), (.bool, .bool), (.number, .number), (.string, .string), (.array, .array), (.object, .object): return true
        default: return false
        }
    }
}
