import Foundation

/// Reads an RFC 4180 CSV file record by record, a megabyte at a time, so that a 200 MB export
/// is never held whole. Quoted fields may hold commas, doubled quotes and line breaks (as
/// `psql \copy … CSV` writes JSON columns); lines end in LF or CRLF.
///
/// A record's fields are kept as byte ranges of one reused buffer: numbers are parsed from the
/// bytes, and only the fields an importer keeps become strings.
struct CSVReader {
    private let handle: FileHandle
    private let path: String
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var readAny = false
    /// Physical line of the next byte (1-based).
    private var line = 1
    /// The unescaped bytes of the current record's fields, one after another.
    private(set) var bytes: [UInt8] = []
    /// Each field's range in `bytes`.
    private(set) var fields: [Range<Int>] = []
    /// The physical line the current record starts on.
    private(set) var recordLine = 0
    /// Told every chunk read: its bytes (for the file's digest).
    var onChunk: (([UInt8]) -> Void)?

    static let chunkSize = 1 << 20

    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw UsageImportError(file: path, "cannot be read")
        }
        self.handle = handle
        self.path = path
        bytes.reserveCapacity(4096)
    }

    /// The next chunk; false at the end of the file.
    private mutating func refill() throws -> Bool {
        guard !atEnd else { return false }
        let data: Data?
        do {
            data = try handle.read(upToCount: CSVReader.chunkSize)
        } catch {
            throw UsageImportError(file: path, "cannot be read: \(error.localizedDescription)")
        }
        guard let data, !data.isEmpty else {
            atEnd = true
            return false
        }
        chunk = [UInt8](data)
        position = 0
        onChunk?(chunk)
        // A UTF-8 byte order mark before the header, as spreadsheet programs write one.
        if !readAny, chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        readAny = true
        return true
    }

    /// Reads the next record into `fields`; false at the end of the file. Empty lines are skipped.
    mutating func next() throws -> Bool {
        bytes.removeAll(keepingCapacity: true)
        fields.removeAll(keepingCapacity: true)
        var fieldStart = 0
        var quoted = false
        // Inside a quoted field; after its closing quote (only a comma or a line end may follow).
        var inQuotes = false
        var afterQuote = false
        var started = false
        recordLine = line
        while true {
            if position >= chunk.count {
                guard try refill() else { break }
            }
            let b = chunk[position]
            position += 1
            if inQuotes {
                if b == UInt8(ascii: "\"") {
                    // A doubled quote is one quote; a single one closes the field.
                    if position >= chunk.count { _ = try refill() }
                    if position < chunk.count, chunk[position] == UInt8(ascii: "\"") {
                        bytes.append(b)
                        position += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if b == 0x0A { line += 1 }
                    bytes.append(b)
                }
                continue
            }
            switch b {
            case UInt8(ascii: ","):
                fields.append(fieldStart..<bytes.count)
                fieldStart = bytes.count
                quoted = false
                afterQuote = false
                started = true
            case 0x0A:
                line += 1
                if !started, fields.isEmpty, bytes.isEmpty {
                    recordLine = line
                    continue
                }
                if bytes.last == 0x0D, !afterQuote { bytes.removeLast() }
                fields.append(fieldStart..<bytes.count)
                return true
            case 0x0D where afterQuote:
                continue
            case UInt8(ascii: "\""):
                if bytes.count == fieldStart, !quoted, !afterQuote {
                    quoted = true
                    inQuotes = true
                    started = true
                } else {
                    throw UsageImportError(file: path, line: recordLine, "a quote inside a field that does not start with one (RFC 4180: quote the whole field and double the quote)")
                }
            default:
                if afterQuote {
                    throw UsageImportError(file: path, line: recordLine, "expected a comma or the end of the line after a closing quote, found \(CSVReader.describe(b))")
                }
                bytes.append(b)
                started = true
            }
        }
        if inQuotes {
            throw UsageImportError(file: path, line: recordLine, "a quoted field is not closed before the end of the file")
        }
        guard started || !bytes.isEmpty || !fields.isEmpty else { return false }
        if bytes.last == 0x0D, !afterQuote { bytes.removeLast() }
        fields.append(fieldStart..<bytes.count)
        return true
    }

    static func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b == 0x20 { return "a space" }
        return "byte 0x" + String(b, radix: 16)
    }

    // MARK: Fields

    func string(_ k: Int) -> String {
        String(decoding: bytes[fields[k]], as: UTF8.self)
    }

    func isEmpty(_ k: Int) -> Bool { fields[k].isEmpty }

    /// Calls `body` with the field's bytes, without copying them.
    func withField<T>(_ k: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[fields[k]]))
        }
    }
}
