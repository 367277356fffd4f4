import BreakevenCore

/// A JSON export as the APIs' pages are saved: one document, a JSON array of documents, or JSON
/// Lines (one document a line), each read with positions so that a refusal names the line,
/// column and JSON path.
struct JSONExport {
    let file: String
    /// The documents, each with the path of its place in the file.
    private(set) var documents: [JSONRecord] = []

    init(bytes: [UInt8], file: String, arrayOfDocuments: Bool = true) throws {
        self.file = file
        do {
            let root = try JSONParser.parse(bytes)
            if arrayOfDocuments, let items = root.elements {
                documents = items.enumerated().map { JSONRecord($1, path: "[\($0)]", file: file, lineOffset: 0) }
            } else {
                documents = [JSONRecord(root, path: "", file: file, lineOffset: 0)]
            }
        } catch let error where error.message.hasPrefix("expected the end of the file") && error.location.line > 1 {
            // More than one document: JSON Lines, each line parsed on its own.
            var lines: [JSONRecord] = []
            try JSONExport.eachLine(bytes, file: file) { lines.append($0) }
            documents = lines
        } catch {
            throw UsageImportError(file: file, line: error.location.line, column: error.location.column, error.message)
        }
    }

    /// Each line of JSON Lines parsed on its own and handed to `body`, one at a time (a log too
    /// large to hold parsed whole is never held); blank lines are passed over.
    /// - Parameter lastMayBeCut: an append-only log's last line, when no newline follows it and it
    ///   does not parse, was cut short by a writer that stopped (a killed process): it is left out,
    ///   and where its JSON broke off returned, rather than the file refused.
    @discardableResult
    static func eachLine(_ bytes: [UInt8], file: String, lastMayBeCut: Bool = false,
                         _ body: (JSONRecord) throws -> Void) throws -> UsagePlace? {
        var lineNumber = 0
        var start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x0A {
            defer {
                start = k + 1
                lineNumber += 1
            }
            let line = Array(bytes[start..<k])
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let node: JSONNode
            do {
                node = try JSONParser.parse(line)
            } catch {
                let place = UsagePlace(line: error.location.line + lineNumber, column: error.location.column)
                if lastMayBeCut && k == bytes.count { return place }
                // Each line is parsed alone: where the parser found its input's end, the line ended.
                throw UsageImportError(file: file, line: place.line, column: place.column,
                                       error.message.replacing("the end of the file", with: "the end of the line"))
            }
            try body(JSONRecord(node, path: "", file: file, lineOffset: lineNumber))
        }
        return nil
    }
}

/// A JSON value of an export and where it is, with typed reads that refuse what the exporter's
/// documentation does not allow.
struct JSONRecord {
    let node: JSONNode
    let path: String
    let file: String
    /// Lines before this document (JSON Lines): the parser counts from its own first line.
    let lineOffset: Int

    init(_ node: JSONNode, path: String, file: String, lineOffset: Int) {
        self.node = node
        self.path = path
        self.file = file
        self.lineOffset = lineOffset
    }

    /// Where the record is, for a problem found once it is summed with others.
    var place: UsagePlace {
        UsagePlace(line: node.location.line + lineOffset, column: node.location.column, path: path.isEmpty ? nil : path)
    }

    func childPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    func error(_ key: String?, _ message: String) -> UsageImportError {
        let at = key.flatMap { node[$0] } ?? node
        return UsageImportError(file: file, line: at.location.line + lineOffset, column: at.location.column,
                                path: key.map(childPath) ?? (path.isEmpty ? nil : path), message)
    }

    func child(_ key: String) -> JSONRecord? {
        guard let value = node[key] else { return nil }
        return JSONRecord(value, path: childPath(key), file: file, lineOffset: lineOffset)
    }

    /// The object's members must be there; anything else is refused with what was found.
    func requireObject(_ what: String) throws {
        guard node.members != nil else { throw error(nil, "expected \(what), found \(node.quoted)") }
    }

    /// An array's elements; absent or null: none.
    func array(_ key: String, required: Bool = false) throws -> [JSONRecord] {
        guard let value = node[key], value.value != .null else {
            if required { throw error(nil, "missing key \"\(key)\"") }
            return []
        }
        guard let items = value.elements else { throw error(key, "expected an array, found \(value.quoted)") }
        return items.enumerated().map { JSONRecord($1, path: "\(childPath(key))[\($0)]", file: file, lineOffset: lineOffset) }
    }

    /// A string; absent or null is nil.
    func string(_ key: String) throws -> String? {
        guard let value = node[key], value.value != .null else { return nil }
        guard let s = value.string else { throw error(key, "expected a string or null, found \(value.quoted)") }
        return s
    }

    /// A string that must be there and not empty.
    func requiredString(_ key: String) throws -> String {
        guard let s = try string(key) else { throw error(nil, "missing key \"\(key)\"") }
        guard !s.isEmpty else { throw error(key, "expected a non-empty string, found \"\"") }
        return s
    }

    /// An amount in USD ≥ 0 (below 1e15, the ceiling of any one figure a file gives); absent or
    /// null is nil.
    func usd(_ key: String) throws -> Double? {
        guard let value = node[key], value.value != .null else { return nil }
        guard let x = value.number, x >= 0, x < CSVTable.maxCount else {
            throw error(key, "expected a cost in USD ≥ 0, found \(value.quoted)")
        }
        return x
    }

    func requiredUSD(_ key: String) throws -> Double {
        guard let x = try usd(key) else { throw error(nil, "missing key \"\(key)\"") }
        return x
    }

    /// A date and time in the usable range, refused with the form the exporter writes
    /// (`expected`, such as "an RFC 3339 time such as 2025-08-01T00:00:00Z").
    func time(_ key: String, expected: String) throws -> Int64 {
        guard let text = try string(key) else { throw error(nil, "missing key \"\(key)\"") }
        guard let t = Timestamp.parse(text) else { throw error(key, "expected \(expected), found \"\(text)\"") }
        guard Timestamp.usable.contains(t) else { throw error(key, "expected a time \(Timestamp.usableText), found \"\(text)\"") }
        return t
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = node[key], value.value != .null else { return nil }
        guard case .bool(let b) = value.value else { throw error(key, "expected true, false or null, found \(value.quoted)") }
        return b
    }

    /// A whole number ≥ 0: a JSON number, or (OTLP's int64 encoding) a string of digits.
    func count(_ key: String) throws -> Int64? {
        guard let value = node[key], value.value != .null else { return nil }
        return try JSONRecord.count(value) ?? { throw error(key, "expected a whole number ≥ 0, found \(value.quoted)") }()
    }

    func requiredCount(_ key: String) throws -> Int64 {
        guard let n = try count(key) else { throw error(nil, "missing key \"\(key)\"") }
        return n
    }

    static func count(_ value: JSONNode) -> Int64? {
        switch value.value {
        case .number(let x, _):
            guard x >= 0, x == x.rounded(), x <= CSVTable.maxCount else { return nil }
            return Int64(x)
        case .string(let s):
            var copy = s
            return copy.withUTF8 { CSVTable.parseCount($0) }
        default:
            return nil
        }
    }
}
