import BreakevenCore

/// A CSV export read through its header row: columns found by name in any order (unknown ones
/// ignored), each field read as the type the exporter documents, and every refusal naming the
/// file, the line and the column.
struct CSVTable {
    var reader: CSVReader
    let file: String
    let header: [String]
    private let index: [String: Int]

    /// Tokens, requests and amounts beyond these are not a real month's usage but a broken file.
    static let maxCount: Double = 1e15

    /// Reads the header; refuses the file if a required column is missing.
    init(path: String, required: [String], onChunk: (([UInt8]) -> Void)?) throws {
        reader = try CSVReader(path: path)
        reader.onChunk = onChunk
        file = path
        guard try reader.next() else { throw UsageImportError(file: path, "the file is empty; expected a header row") }
        let first = reader
        let names = (0..<first.fields.count).map { first.string($0).trimmingWhitespace }
        header = names
        var index: [String: Int] = [:]
        for (k, name) in names.enumerated() where index[name] == nil { index[name] = k }
        self.index = index
        for name in required where index[name] == nil {
            throw UsageImportError(file: path, line: 1, "missing column \"\(name)\"" + Suggestion.clause(for: name, in: names))
        }
    }

    func column(_ name: String) -> Int? { index[name] }

    /// Requires a column already checked by `init`.
    func required(_ name: String) -> Int { index[name] ?? 0 }

    /// The next record; false at the end. A record with another number of fields than the header is refused.
    mutating func next() throws -> Bool {
        guard try reader.next() else { return false }
        if reader.fields.count != header.count {
            throw UsageImportError(file: file, line: reader.recordLine,
                                   "expected \(header.count) fields as in the header, found \(reader.fields.count)")
        }
        return true
    }

    var line: Int { reader.recordLine }

    /// Where the record is, for a problem found once it is summed with others.
    var place: UsagePlace { UsagePlace(line: reader.recordLine) }

    /// A currency code (ISO 4217: three letters, written in capitals), USD for an absent column
    /// or an empty field; a group's amounts are summed only in one currency.
    func currency(_ column: Int?) throws -> String {
        guard let text = optionalString(column) else { return "USD" }
        guard let code = CurrencyCode.normalized(text) else {
            throw error(column, "expected a currency code of three letters (ISO 4217) such as USD, found \(quotedField(column ?? 0))")
        }
        return code
    }

    func error(_ column: Int?, _ message: String) -> UsageImportError {
        UsageImportError(file: file, line: reader.recordLine, path: column.map { "column \(header[$0])" }, message)
    }

    func string(_ column: Int) -> String { reader.string(column) }

    /// nil for an absent column or an empty field (how psql writes NULL).
    func optionalString(_ column: Int?) -> String? {
        guard let column, !reader.isEmpty(column) else { return nil }
        return reader.string(column)
    }

    func quotedField(_ column: Int) -> String {
        let text = reader.string(column)
        return text.count > 40 ? "\"\(text.prefix(40))…\"" : "\"\(text)\""
    }

    /// A whole number ≥ 0 (a token or request count); an empty field is refused.
    func count(_ column: Int) throws -> Int64 {
        let value = reader.withField(column) { CSVTable.parseCount($0) }
        guard let value else {
            throw error(column, "expected a whole number ≥ 0, found " + (reader.isEmpty(column) ? "an empty field" : quotedField(column)))
        }
        return value
    }

    /// A count, or nil for an empty field.
    func optionalCount(_ column: Int?) throws -> Int64? {
        guard let column, !reader.isEmpty(column) else { return nil }
        return try count(column)
    }

    /// A decimal number (an amount, a quantity), `1.5`, `-0.25`, `2e-06`.
    func number(_ column: Int) throws -> Double {
        let text = reader.string(column).trimmingWhitespace
        guard let x = Double(text), x.isFinite, abs(x) < CSVTable.maxCount else {
            throw error(column, "expected a number, found " + (text.isEmpty ? "an empty field" : quotedField(column)))
        }
        return x
    }

    func optionalNumber(_ column: Int?) throws -> Double? {
        guard let column, !reader.isEmpty(column) else { return nil }
        return try number(column)
    }

    /// A date and time: RFC 3339 or PostgreSQL's text form; without a zone, UTC.
    func timestamp(_ column: Int) throws -> Int64 {
        guard let t = reader.withField(column, { Timestamp.parse($0) }) else {
            throw error(column, "expected a date and time such as 2026-01-15 10:23:45 or 2026-01-15T10:23:45Z, found "
                        + (reader.isEmpty(column) ? "an empty field" : quotedField(column)))
        }
        guard Timestamp.usable.contains(t) else {
            throw error(column, "expected a date and time \(Timestamp.usableText), found \(quotedField(column))")
        }
        return t
    }

    /// Digits only, at most 1e15: the fast path for the counts of a million rows.
    static func parseCount(_ field: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard !field.isEmpty, field.count <= 16 else { return nil }
        var value: Int64 = 0
        for b in field {
            guard b >= 0x30, b <= 0x39 else { return nil }
            value = value * 10 + Int64(b - 0x30)
        }
        return Double(value) <= maxCount ? value : nil
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
