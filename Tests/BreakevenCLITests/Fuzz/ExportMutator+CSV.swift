extension ExportMutator {
    /// One change to a CSV export; `lineEnding` may become CRLF.
    mutating func mutate(_ csv: inout CSVDocument, _ lineEnding: inout [UInt8]) -> String {
        let header = csv.header
        guard csv.rows.count > 1, !header.isEmpty else { return "nothing" }
        let row = 1 + random.below(csv.rows.count - 1)
        let column = random.below(header.count)
        let name = header[column]
        switch random.below(10) {
        case 0...2:
            guard column < csv.rows[row].count else { return "nothing" }
            let old = String(decoding: csv.rows[row][column], as: UTF8.self)
            let value: String
            if Double(old) != nil {
                value = random.below(3) == 0 ? random.pick(Self.numberTexts) : random.pick(Self.numbers)
            } else {
                value = text(replacing: old)
            }
            csv.rows[row][column] = Self.written(value)
            return "line \(row + 1), \(name) = \(JSONValue.quoted(value))"
        case 3:
            guard column < csv.rows[row].count else { return "nothing" }
            let raw: [UInt8] = random.pick([[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xE9], [0x00]])
            csv.rows[row][column] += raw
            return "line \(row + 1), \(name) ends in byte(s) \(raw.map { String($0, radix: 16) }.joined(separator: " "))"
        case 4:
            for k in csv.rows.indices where column < csv.rows[k].count { csv.rows[k].remove(at: column) }
            return "column \(name) dropped"
        case 5:
            // The column again at the end, its values another number or word.
            let other = Double(String(decoding: csv.rows[row][safe: column] ?? [], as: UTF8.self)) != nil
                ? random.pick(Self.numbers) : random.pick(Self.words)
            for k in csv.rows.indices {
                csv.rows[k].append(k == 0 ? Array(name.utf8) : Array(other.utf8))
            }
            return "column \(name) written twice, the second with \(JSONValue.quoted(other))"
        case 6:
            return repeatRow(&csv, row)
        case 7:
            switch random.below(3) {
            case 0:
                csv.rows.remove(at: row)
                return "line \(row + 1) dropped"
            case 1:
                csv.rows[row].append(Array("extra".utf8))
                return "line \(row + 1) has one field more"
            default:
                guard !csv.rows[row].isEmpty else { return "nothing" }
                csv.rows[row].removeLast()
                return "line \(row + 1) has one field less"
            }
        case 8:
            let renamed = random.pick([name.lowercased(), name + " ", "", name + "\u{0}", header[random.below(header.count)]])
            csv.rows[0][column] = Array(renamed.utf8)
            return "header \(name) renamed \(JSONValue.quoted(renamed))"
        default:
            switch random.below(3) {
            case 0:
                lineEnding = [0x0D, 0x0A]
                csv.rows[0][0] = [0xEF, 0xBB, 0xBF] + csv.rows[0][0]
                return "CRLF line ends and a byte order mark"
            case 1:
                csv.rows = [csv.rows[0]]
                return "the header alone"
            default:
                csv.rows.insert(csv.rows[row], at: 0)
                return "line \(row + 1) before the header"
            }
        }
    }

    /// A row repeated, its ids made unique and, half the time, a count in it set to 1e15.
    mutating func repeatRow(_ csv: inout CSVDocument, _ row: Int) -> String {
        var line = csv.rows[row]
        let header = csv.header
        var change = "line \(row + 1)"
        let numeric = line.indices.filter { Double(String(decoding: line[$0], as: UTF8.self)) != nil }
        if random.below(2) == 0, !numeric.isEmpty {
            let k = random.pick(numeric)
            line[k] = Array("1000000000000000".utf8)
            change += " with \(header[safe: k] ?? "field \(k)") = 1e15"
        }
        let n = random.pick(Self.repeats)
        let ids = line.indices.filter { Self.idKeys.contains(header[safe: $0] ?? "") }
        for copy in 0..<n {
            var repeated = line
            for k in ids { repeated[k] += Array("-\(copy)".utf8) }
            csv.rows.append(repeated)
        }
        return change + " repeated \(n) times"
    }

    /// A value as CSV bytes, the private-use stand-ins turned into the bytes they stand for.
    static func written(_ value: String) -> [UInt8] {
        raw(Array(value.utf8))
    }
}

extension Array {
    subscript(safe k: Int) -> Element? { indices.contains(k) ? self[k] : nil }
}
