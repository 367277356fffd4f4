import BreakevenCore
import Foundation
import GRDB

/// One row of a database table, read column by column, strictly: a value of the wrong type is a
/// `DamagedRow` naming the row and the column. SQLite keeps whatever a damaged or hand-edited file
/// holds (text in an INTEGER column), and GRDB reads that text as 0 from a cursor and traps on it
/// from a copied row.
package struct StoredRow {
    let row: Row
    /// How a message names the row: "gpu h100-sxm".
    package private(set) var entry: String

    package init(_ row: Row, entry: String) {
        self.row = row
        self.entry = entry
    }

    /// A row named by its kind and the text of its id column: "gpu h100-sxm".
    package init(_ row: Row, kind: String, idColumn: String) throws {
        self.init(row, entry: kind)
        let id: String = try self(idColumn)
        entry = "\(kind) \(id)"
    }

    /// The value of `column`, its type inferred (an optional for a column that may be NULL).
    package func callAsFunction<Value: StoredValue>(_ column: String) throws(DamagedRow) -> Value {
        let stored: DatabaseValue
        do {
            stored = try row.decode(forColumn: column)
        } catch {
            throw DamagedRow(entry: entry, message: "no column \(column)")
        }
        guard let value = Value.fromDatabaseValue(stored) else {
            throw DamagedRow(entry: entry, message: "\(column): expected \(Value.expected), found \(Self.words(stored))")
        }
        return value
    }

    /// A stored value as a message quotes it: text quoted and cut at 60 characters (a damaged file
    /// can hold megabytes), a blob by its size.
    static func words(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let n): return "\(n)"
        case .double(let x): return "\(x)"
        case .string(let text): return String(reflecting: text.count > 60 ? text.prefix(60) + "…" : text)
        case .blob(let data): return "a blob of \(data.count) bytes"
        }
    }

    /// The value of `column`, which must lie in `range`; `expected` words the range ("a count ≥ 0").
    package func callAsFunction<Value: StoredValue & Comparable>(_ column: String, in range: some RangeExpression<Value>,
                                                                  _ expected: String) throws(DamagedRow) -> Value {
        let value: Value = try self(column)
        guard range.contains(value) else { throw DamagedRow(entry: entry, message: "\(column): expected \(expected), found \(value)") }
        return value
    }

    /// The value of a column that may be NULL, in `range` when it is not.
    package func callAsFunction<Value: StoredValue & Comparable>(_ column: String, in range: some RangeExpression<Value>,
                                                                  _ expected: String) throws(DamagedRow) -> Value? {
        guard let value: Value = try self(column) else { return nil }
        guard range.contains(value) else { throw DamagedRow(entry: entry, message: "\(column): expected \(expected), found \(value)") }
        return value
    }

    /// A `YYYY-MM-DD` column; text that is not a day is an error that `unreadable` words from the text.
    package func day(_ column: String, unreadable: (String) -> String) throws(DamagedRow) -> CalendarDay {
        let text: String = try self(column)
        guard let day = CalendarDay(text) else { throw DamagedRow(entry: entry, message: unreadable(text)) }
        return day
    }

    /// A JSON column decoded as `Value`.
    package func json<Value: Decodable>(_ column: String) throws(DamagedRow) -> Value {
        let text: String = try self(column)
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw DamagedRow(entry: entry,
                             message: "\(column): expected JSON for \(Value.self), found \(String(reflecting: text))")
        }
    }
}

/// A column type `StoredRow` reads, and how a message names what it expected.
package protocol StoredValue: DatabaseValueConvertible {
    static var expected: String { get }
}

extension Double: StoredValue {
    package static var expected: String { "a number" }
}

extension Int: StoredValue {
    package static var expected: String { "a whole number" }
}

extension Int64: StoredValue {
    package static var expected: String { "a whole number" }
}

extension String: StoredValue {
    package static var expected: String { "text" }
}

extension Date: StoredValue {
    package static var expected: String { "a date and time" }
}

extension Optional: StoredValue where Wrapped: StoredValue {
    package static var expected: String { Wrapped.expected + " or NULL" }
}
