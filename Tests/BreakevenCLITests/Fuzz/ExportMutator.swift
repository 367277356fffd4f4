import Foundation

/// Mutants of the importers' committed fixtures (usage exports, price files, benchmark results),
/// the same for the same seed: numbers set to extremes (0, -1, 1e15, 9e18, 1e300, 40 digits, 1.5
/// where a count belongs), numbers written as strings and back, odd text (empty, 4,000
/// characters, control characters, bytes that are not UTF-8), other units and names, keys and
/// columns dropped or doubled, records repeated up to 1,500 times with a count of 1e15 (so that
/// sums pass their ceilings), times moved to year 0, year 9999, before 1970 or to an end before
/// the start, and files cut at a random byte.
struct ExportMutator {
    enum Shape { case json, jsonLines, csv }

    struct Fixture {
        var name: String
        var shape: Shape
        var bytes: [UInt8]
    }

    struct Mutant {
        var fixture: String
        /// What was changed, for the failure message: "data[0].results[1].input_tokens = 9e18".
        var change: String
        var bytes: [UInt8]
    }

    static let numbers = ["0", "-1", "-0", "1.5", "0.000001", "5e-324", "1e15", "1000000000000001", "1e16", "9e18",
                          "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e300", "-1e300",
                          "1234567890123456789012345678901234567890"]
    /// Numbers as text, where a CSV field or a JSON string holds one.
    static let numberTexts = ["", "NaN", "nan", "inf", "-Infinity", "1e15", "9e18", "1e300", "1,000", " 42 ", "0x10", "+5", "1.5",
                              "-1", "00000000000000000000000000001", "1234567890123456789012345678901234567890"]
    /// Unix seconds: year 1, before 1970, 1970, 9999-12-31, year 10000, 1e15 and past Int64.
    static let unixTimes = ["-62135596800", "-1", "0", "253402300799", "253402300800", "1e15", "9e18", "1e300"]
    static let times = ["0000-01-01T00:00:00Z", "0001-01-01 00:00:00", "1969-12-31T23:59:59Z", "1970-01-01T00:00:00Z",
                        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59-14:00", "10000-01-01T00:00:00Z", "2026-02-29T00:00:00Z",
                        "2024-02-29T23:59:60+23:59", "2026-01-01T24:00:00Z", "2026-13-01", "2026-01-01", "2026-01-01T00:00:00.000000000001Z",
                        "2025-12-31T23:00:00Z", "2026-06-01T00:00:00Z"]
    /// Text an importer reads as a unit, a kind, a status, a tier, a model or a currency, and text that is none.
    static let words = ["Tokens", "1000 Tokens", "1000000 Tokens", "9000000000000000000 Tokens", "99999999999999999999 Tokens",
                        "0 Tokens", "-5 Tokens", "1e3 Tokens", "1.5 Tokens", "Token Tokens", "Hours", "Requests", "TOKENS",
                        "USE1-Claude3.5Sonnet-input-tokens", "-input-tokens", "USE1--output-tokens-batch", "X-cache-read-input-token-count",
                        "input", "output cache read", "Input Tokens", "batch", "failure", "success", "EUR", "usd", "Usage", "Tax",
                        "chat", "gpt-4o", "*", "claude-sonnet-4-5", "0-200k", "page", "bucket", "null"]
    /// Odd text; the private-use characters become bytes that are not UTF-8 once written (see `rawBytes`).
    static let odd = ["", String(repeating: "x", count: 4_000), "\u{0}", "\u{1B}[31mred\u{1B}[0m", "a\nb", "\"", ",", " ",
                      "\u{FEFF}", "𝔘𝔫𝔦", "\u{202E}txt", "\u{E000}", "a\u{E001}", "\u{E002}b"]
    /// Private-use characters standing for bytes a JSON writer could not put in a string:
    /// U+E000 (EE 80 80) → FF, U+E001 → a lone C3 lead byte, U+E002 → an encoded surrogate.
    static let rawBytes: [[UInt8]] = [[0xFF], [0xC3], [0xED, 0xA0, 0x80]]
    /// Marks a key written twice (U+E003, EE 80 83): removed once the document is written.
    static let duplicateKey = "\u{E003}"
    /// Keys and columns that make a record unique: a repeated record gets new ones so that it adds up.
    static let idKeys: Set<String> = ["request_id", "spanId", "identity_line_item_id", "api_key_id"]
    static let repeats = [2, 64, 1_500]

    var random: ScenarioMutator.Random

    init(seed: UInt64) {
        random = ScenarioMutator.Random(state: seed)
    }

    mutating func mutants(of fixture: Fixture, count: Int) -> [Mutant] {
        (0..<count).map { _ in mutant(of: fixture) }
    }

    /// One mutation in most mutants, two in a quarter of them, and an eighth cut short.
    mutating func mutant(of fixture: Fixture) -> Mutant {
        var changes: [String] = []
        var bytes: [UInt8]
        let count = random.below(4) == 0 ? 2 : 1
        switch fixture.shape {
        case .json:
            var document = Self.decode(fixture.bytes)
            for _ in 0..<count { changes.append(mutate(&document)) }
            bytes = Self.bytes(document)
        case .jsonLines:
            // A line that is no JSON (a log's last line cut short) stays as it is, and so does a
            // last line without a newline; the others are mutated.
            let lines = fixture.bytes.split(separator: 0x0A).map { Array($0) }
            var documents = lines.map { try? JSONDecoder().decode(JSONValue.self, from: Data($0)) }
            let parsed = documents.indices.filter { documents[$0] != nil }
            for _ in 0..<count {
                let k = parsed[random.below(parsed.count)]
                guard var document = documents[k] else { continue }
                changes.append("line \(k + 1): " + mutate(&document))
                documents[k] = document
            }
            bytes = Array(zip(documents, lines).map { $0.map(Self.bytes) ?? $1 }.joined(separator: [0x0A]))
                + (fixture.bytes.last == 0x0A ? [0x0A] : [])
        case .csv:
            var csv = CSVDocument(fixture.bytes)
            var lineEnding: [UInt8] = [0x0A]
            for _ in 0..<count { changes.append(mutate(&csv, &lineEnding)) }
            bytes = csv.bytes(lineEnding: lineEnding)
        }
        if random.below(8) == 0, bytes.count > 2 {
            let cut = 1 + random.below(bytes.count - 1)
            bytes = Array(bytes.prefix(cut))
            changes.append("truncated to \(cut) bytes")
        }
        return Mutant(fixture: fixture.name, change: changes.joined(separator: "; "), bytes: bytes)
    }

    static func decode(_ bytes: [UInt8]) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(bytes))) ?? .null
    }

    /// The document's text, with the private-use stand-ins turned into the bytes they stand for
    /// (in one pass: a mutant of 1,500 records may hold thousands of them). Written as bytes, not
    /// through `JSONValue.text`, whose string appends take minutes on 1,500 records of 4,000 characters.
    static func bytes(_ document: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(document, into: &out)
        return raw(out)
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .string(let s):
            if s.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xC2 }) {
                out.append(0x22)
                out += s.utf8
                out.append(0x22)
            } else {
                out += JSONValue.quoted(s).utf8
            }
        case .array(let items):
            out.append(0x5B)
            for (k, item) in items.enumerated() {
                if k > 0 { out.append(0x2C) }
                write(item, into: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (k, key) in members.keys.sorted().enumerated() {
                if k > 0 { out.append(0x2C) }
                write(.string(key), into: &out)
                out.append(0x3A)
                write(members[key] ?? .null, into: &out)
            }
            out.append(0x7D)
        default:
            out += value.text.utf8
        }
    }

    /// U+E000…U+E003 (EE 80 80…83) replaced by `rawBytes` and the duplicate-key mark removed.
    static func raw(_ text: [UInt8]) -> [UInt8] {
        guard text.contains(0xEE) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var k = 0
        while k < text.count {
            if text[k] == 0xEE, k + 2 < text.count, text[k + 1] == 0x80, (0x80...0x83).contains(text[k + 2]) {
                let n = Int(text[k + 2] - 0x80)
                out += n < rawBytes.count ? rawBytes[n] : []
                k += 3
            } else {
                out.append(text[k])
                k += 1
            }
        }
        return out
    }

    // MARK: JSON

    mutating func mutate(_ document: inout JSONValue) -> String {
        let places = Array(document.places().dropFirst())
        guard !places.isEmpty else { return "nothing" }
        let numbers = places.filter { if case .number = $0.1 { return true } else { return false } }
        let strings = places.compactMap { place -> ([JSONValue.Step], String)? in
            if case .string(let s) = place.1 { return (place.0, s) } else { return nil }
        }
        switch random.below(9) {
        case 0...1 where !numbers.isEmpty:
            let (path, _) = random.pick(numbers)
            let value = Self.key(path).contains("time") && random.below(2) == 0 ? random.pick(Self.unixTimes) : random.pick(Self.numbers)
            document = document.replacing(path[...], with: .number(value))
            return "\(JSONValue.path(path)) = \(value)"
        case 2 where !strings.isEmpty:
            let (path, s) = random.pick(strings)
            let value = text(replacing: s)
            document = document.replacing(path[...], with: .string(value))
            return "\(JSONValue.path(path)) = \(JSONValue.quoted(value))"
        case 3:
            // A number as a string, or a string of a number as a number.
            if random.below(2) == 0, !numbers.isEmpty {
                let (path, value) = random.pick(numbers)
                let text = random.below(2) == 0 ? value.text : random.pick(Self.numberTexts)
                document = document.replacing(path[...], with: .string(text))
                return "\(JSONValue.path(path)) = \(JSONValue.quoted(text)) (a string)"
            }
            let numeric = strings.filter { Double($0.1) != nil }
            guard !numeric.isEmpty else { return "nothing" }
            let (path, s) = random.pick(numeric)
            let value = random.below(2) == 0 ? s : random.pick(Self.numbers)
            document = document.replacing(path[...], with: .number(value))
            return "\(JSONValue.path(path)) = \(value) (a number)"
        case 4:
            let (path, _) = random.pick(places)
            document = document.replacing(path[...], with: nil)
            return "\(JSONValue.path(path)) dropped"
        case 5:
            let (path, value) = random.pick(places)
            let other = random.pick(ScenarioMutator.otherTypes.filter { !ScenarioMutator.sameKind($0, value) })
            document = document.replacing(path[...], with: other)
            return "\(JSONValue.path(path)) = \(other.text) (type swapped)"
        case 6:
            // A key written twice, the second time with another value.
            let members = places.filter { if case .key = $0.0.last { return true } else { return false } }
            guard let (path, value) = members.isEmpty ? nil : random.pick(members), case .key(let key) = path.last else { return "nothing" }
            let other: JSONValue = if case .number = value { .number(random.pick(Self.numbers)) } else { .string(random.pick(Self.words)) }
            let twin = Array(path.dropLast()) + [.key(Self.duplicateKey + key)]
            document = document.adding(twin, other)
            return "\(JSONValue.path(path)) written twice, then \(other.text)"
        case 7:
            return repeatElement(&document, places)
        default:
            guard !strings.isEmpty else { return "nothing" }
            let (path, s) = random.pick(strings)
            let value = s + random.pick(["\u{E000}", "\u{E001}", "\u{E002}"])
            document = document.replacing(path[...], with: .string(value))
            return "\(JSONValue.path(path)) ends in bytes that are not UTF-8"
        }
    }

    /// An element of an array repeated, its ids made unique and, half the time, a count in it set to 1e15.
    mutating func repeatElement(_ document: inout JSONValue, _ places: [([JSONValue.Step], JSONValue)]) -> String {
        let arrays = places.compactMap { place -> ([JSONValue.Step], [JSONValue])? in
            if case .array(let items) = place.1, !items.isEmpty { return (place.0, items) } else { return nil }
        }
        guard !arrays.isEmpty else { return "nothing" }
        let (path, items) = random.pick(arrays)
        let k = random.below(items.count)
        var item = items[k]
        var change = "\(JSONValue.path(path))[\(k)]"
        let numbers = item.places().filter { if case .number = $0.1 { return true } else { return false } }
        if random.below(2) == 0, !numbers.isEmpty {
            let (p, _) = random.pick(numbers)
            item = item.replacing(p[...], with: .number("1e15"))
            change += " with \(JSONValue.path(p)) = 1e15"
        }
        // At most about a megabyte of copies: an element already repeated 1,500 times, repeated
        // 1,500 times again, would make millions of records and minutes of test.
        let n = min(random.pick(Self.repeats), max(2, 1_000_000 / max(1, Self.bytes(item).count)))
        let copies = (0..<n).map { Self.unique(item, $0) }
        document = document.replacing(path[...], with: .array(items + copies))
        return change + " repeated \(n) times"
    }

    static func unique(_ value: JSONValue, _ copy: Int) -> JSONValue {
        switch value {
        case .object(let members):
            return .object(members.reduce(into: [:]) { out, member in
                if idKeys.contains(member.key), case .string(let s) = member.value {
                    out[member.key] = .string("\(s)-\(copy)")
                } else {
                    out[member.key] = unique(member.value, copy)
                }
            })
        case .array(let items): return .array(items.map { unique($0, copy) })
        default: return value
        }
    }

    static func key(_ path: [JSONValue.Step]) -> String {
        if case .key(let k) = path.last { return k }
        return ""
    }

    /// Another text for `s`: a time for a time, a number's text for a number, else a word or odd text.
    mutating func text(replacing s: String) -> String {
        let bytes = Array(s.utf8)
        if bytes.count >= 10, bytes[4] == 0x2D, bytes.prefix(4).allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), random.below(4) != 0 {
            return random.pick(Self.times)
        }
        if Double(s) != nil, random.below(2) == 0 { return random.pick(Self.numberTexts) }
        return random.below(2) == 0 ? random.pick(Self.words) : random.pick(Self.odd)
    }
}

extension JSONValue {
    /// The document with `value` added at `path` (an object member), for a key written twice.
    func adding(_ path: [Step], _ value: JSONValue) -> JSONValue {
        guard let step = path.first else { return self }
        switch (self, step) {
        case (.object(var members), .key(let key)):
            members[key] = path.count == 1 ? value : (members[key] ?? .null).adding(Array(path.dropFirst()), value)
            return .object(members)
        case (.array(var items), .index(let k)) where k < items.count:
            items[k] = items[k].adding(Array(path.dropFirst()), value)
            return .array(items)
        default:
            return self
        }
    }
}
