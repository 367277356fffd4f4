import BreakevenCore
import Foundation
import GRDB

/// One row of a database table, read column by column, strictly: a value of the wrong type is a
/// `CatalogError` naming the row and the column. SQLite keeps whatever a damaged or hand-edited file
/// holds (text in a REAL column), and GRDB's fast decoding would read that text as 0.
struct StoredRow {
    let row: Row
    /// How a message names the row: "gpu h100-sxm".
    private(set) var entry: String

    init(_ row: Row, entry: String) {
        self.row = row
        self.entry = entry
    }

    /// A row named by its kind and the text of its id column: "gpu h100-sxm".
    init(_ row: Row, kind: String, idColumn: String) throws {
        self.init(row, entry: kind)
        let id: String = try self(idColumn)
        entry = "\(kind) \(id)"
    }

    /// The value of `column`, its type inferred (an optional for a column that may be NULL).
    func callAsFunction<Value: StoredValue>(_ column: String) throws -> Value {
        let stored: DatabaseValue
        do {
            stored = try row.decode(forColumn: column)
        } catch {
            throw CatalogError.invalidEntry(entry: entry, message: "no column \(column)")
        }
        guard let value = Value.fromDatabaseValue(stored) else {
            throw CatalogError.invalidEntry(entry: entry, message: "\(column): expected \(Value.expected), found \(stored)")
        }
        return value
    }

    /// An amount stored as integer micro-USD, in USD; one the catalog never writes (negative, past
    /// its ceiling) is an error.
    func usd(_ column: String) throws -> Double {
        try amount(try self(column), column)
    }

    func usd(_ column: String) throws -> Double? {
        try (try self(column) as Int64?).map { try amount($0, column) }
    }

    private func amount(_ micros: Int64, _ column: String) throws -> Double {
        guard let usd = MicroUSD.usd(stored: micros) else {
            throw CatalogError.invalidEntry(entry: entry, message: "\(column): expected \(MicroUSD.storedRange), found \(micros)")
        }
        return usd
    }

    /// A `YYYY-MM-DD` column; text that is not a day is an error that `unreadable` words from the text.
    func day(_ column: String, unreadable: (String) -> String) throws -> CalendarDay {
        let text: String = try self(column)
        guard let day = CalendarDay(text) else { throw CatalogError.invalidEntry(entry: entry, message: unreadable(text)) }
        return day
    }

    /// A JSON column decoded as `Value`.
    func json<Value: Decodable>(_ column: String) throws -> Value {
        let text: String = try self(column)
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw CatalogError.invalidEntry(entry: entry,
                                            message: "\(column): expected JSON for \(Value.self), found \(String(reflecting: text))")
        }
    }
}

/// A column type `StoredRow` reads, and how a message names what it expected.
protocol StoredValue: DatabaseValueConvertible {
    static var expected: String { get }
}

extension Double: StoredValue {
    static var expected: String { "a number" }
}

extension Int: StoredValue {
    static var expected: String { "a whole number" }
}

extension Int64: StoredValue {
    static var expected: String { "a whole number" }
}

extension String: StoredValue {
    static var expected: String { "text" }
}

extension Date: StoredValue {
    static var expected: String { "a date and time" }
}

extension Optional: StoredValue where Wrapped: StoredValue {
    static var expected: String { Wrapped.expected + " or NULL" }
}

extension PersistenceContainer {
    /// Writes `value` as JSON text with sorted keys, so that the same value is always the same text.
    mutating func encodeJSON(_ value: some Encodable, forColumn column: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        self[column] = String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
