/// A CSV export as rows of fields, read and written as RFC 4180 says (a field holding a comma,
/// a quote or a line break is quoted, its quotes doubled). Fields are bytes, so that a mutant
/// may hold bytes that are not UTF-8, as a spreadsheet in another encoding writes them.
struct CSVDocument: Equatable {
    var rows: [[[UInt8]]]

    init(rows: [[[UInt8]]]) {
        self.rows = rows
    }

    /// The fixtures' own text: LF or CRLF line ends, quoted fields, no empty lines.
    init(_ bytes: [UInt8]) {
        var rows: [[[UInt8]]] = []
        var row: [[UInt8]] = []
        var field: [UInt8] = []
        var inQuotes = false
        var k = 0
        while k < bytes.count {
            let b = bytes[k]
            k += 1
            if inQuotes {
                if b == 0x22, k < bytes.count, bytes[k] == 0x22 {
                    field.append(b)
                    k += 1
                } else if b == 0x22 {
                    inQuotes = false
                } else {
                    field.append(b)
                }
                continue
            }
            switch b {
            case 0x22: inQuotes = true
            case 0x2C:
                row.append(field)
                field = []
            case 0x0D: continue
            case 0x0A:
                row.append(field)
                rows.append(row)
                row = []
                field = []
            default: field.append(b)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        self.rows = rows
    }

    func bytes(lineEnding: [UInt8] = [0x0A]) -> [UInt8] {
        var out: [UInt8] = []
        for row in rows {
            for (k, field) in row.enumerated() {
                if k > 0 { out.append(0x2C) }
                out += CSVDocument.quoted(field)
            }
            out += lineEnding
        }
        return out
    }

    static func quoted(_ field: [UInt8]) -> [UInt8] {
        guard field.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return [0x22] + field.flatMap { $0 == 0x22 ? [0x22, 0x22] : [$0] } + [0x22]
    }

    var header: [String] { rows.first.map { $0.map { String(decoding: $0, as: UTF8.self) } } ?? [] }
}
