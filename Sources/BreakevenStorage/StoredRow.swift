import BreakevenCore
import Foundation
import GRDB

/// One row of a database table, read column by column, strictly: a value of the wrong type is a
/// `DamagedRow` naming the row and the column. SQLite keeps whatever a damaged or hand-edited file
/// holds (text in an INTEGER column), and GRDB reads that text as 0 from a cursor and traps on it
/// from a copied row.
package struct StoredRow {
    let row: Row
    /// The query's columns in order, where the reader knows them: a column is then found by its
    /// position. GRDB's lookup by name lowercases every name it compares, which costs a reader of
    /// a million rows more than all the rest of its work.
    let columns: [String]?
    private var label: String
    /// The row's rowid, for a row named by its table: worded only when a message needs it (a
    /// reader of a million rows builds no million names).
    private var rowid: Int64?

    /// How a message names the row: "gpu h100-sxm", "usage_bucket row 17".
    package var entry: String { rowid.map { "\(label) row \($0)" } ?? label }

    package init(_ row: Row, entry: String) {
        self.row = row
        self.label = entry
        self.columns = nil
    }

    /// A row named by its kind and the text of its id column: "gpu h100-sxm".
    package init(_ row: Row, kind: String, idColumn: String) throws {
        self.init(row, entry: kind)
        let id: String = try self(idColumn)
        label = "\(kind) \(id)"
    }

    /// A row of a query whose columns are `columns`, in order, named by its table and its rowid
    /// (the column `rowidColumn`), the way `sqlite3` finds it again: "usage_bucket row 17".
    package init(_ row: Row, table: String, columns: [String]? = nil, rowidColumn: String = "rowid") throws(DamagedRow) {
        self.row = row
        self.label = table
        self.columns = columns
        rowid = try self(rowidColumn)
    }

    /// The value of `column`, its type inferred (an optional for a column that may be NULL).
    package func callAsFunction<Value: StoredValue>(_ column: String) throws(DamagedRow) -> Value {
        let stored = try stored(column)
        guard let value = Value.fromDatabaseValue(stored) else {
            throw damaged("\(column): expected \(Value.expected), found \(Self.words(stored))")
        }
        return value
    }

    /// The value of `column`, which must lie in `range`; `expected` words the range ("a count ≥ 0").
    package func callAsFunction<Value: StoredValue & Comparable>(_ column: String, in range: some RangeExpression<Value>,
                                                                  _ expected: @autoclosure () -> String) throws(DamagedRow) -> Value {
        let value: Value = try self(column)
        guard range.contains(value) else { throw damaged("\(column): expected \(expected()), found \(value)") }
        return value
    }

    /// The value of a column that may be NULL, in `range` when it is not.
    package func callAsFunction<Value: StoredValue & Comparable>(_ column: String, in range: some RangeExpression<Value>,
                                                                  _ expected: @autoclosure () -> String) throws(DamagedRow) -> Value? {
        guard let value: Value = try self(column) else { return nil }
        guard range.contains(value) else { throw damaged("\(column): expected \(expected()), found \(value)") }
        return value
    }

    /// A whole number in `range` (`expected` words it: "a whole number ≥ 0"). This and the three
    /// below are the generic reads made concrete for a reader of a million rows: unspecialized
    /// across modules, a generic read looks up type metadata at every value.
    package func whole(_ column: String, in range: ClosedRange<Int64>, _ expected: @autoclosure () -> String) throws(DamagedRow) -> Int64 {
        guard let value = try whole(column, orNull: false, in: range, expected) else { throw damaged("\(column): expected \(Int64.expected), found NULL") }
        return value
    }

    package func wholeOrNull(_ column: String, in range: ClosedRange<Int64>, _ expected: @autoclosure () -> String) throws(DamagedRow) -> Int64? {
        try whole(column, orNull: true, in: range, expected)
    }

    package func text(_ column: String) throws(DamagedRow) -> String {
        guard let text = try text(column, orNull: false) else { throw damaged("\(column): expected \(String.expected), found NULL") }
        return text
    }

    package func textOrNull(_ column: String) throws(DamagedRow) -> String? {
        try text(column, orNull: true)
    }

    private func whole(_ column: String, orNull: Bool, in range: ClosedRange<Int64>, _ expected: () -> String) throws(DamagedRow) -> Int64? {
        let stored = try stored(column)
        let value: Int64
        switch stored.storage {
        case .null where orNull: return nil
        case .int64(let n): value = n
        // As GRDB reads a REAL: a whole number that fits (INTEGER affinity stores 5.0 as 5 anyway).
        case .double(let x) where Int64(exactly: x) != nil: value = Int64(x)
        default: throw damaged("\(column): expected \(orNull ? Int64?.expected : Int64.expected), found \(Self.words(stored))")
        }
        guard range.contains(value) else { throw damaged("\(column): expected \(expected()), found \(value)") }
        return value
    }

    private func text(_ column: String, orNull: Bool) throws(DamagedRow) -> String? {
        let stored = try stored(column)
        switch stored.storage {
        case .null where orNull: return nil
        case .string(let text): return text
        default:
            // As GRDB reads text: a number as its digits, a blob as UTF-8 if it is.
            guard !stored.isNull, let text = String.fromDatabaseValue(stored) else {
                throw damaged("\(column): expected \(orNull ? String?.expected : String.expected), found \(Self.words(stored))")
            }
            return text
        }
    }

    /// The stored value of `column`: by its position where the query's columns are known, else
    /// by name (GRDB's lookup lowercases every name it compares).
    func stored(_ column: String) throws(DamagedRow) -> DatabaseValue {
        if let columns, let index = columns.firstIndex(of: column) {
            return (row[index] as (any DatabaseValueConvertible)?)?.databaseValue ?? .null
        }
        do {
            return try row.decode(forColumn: column)
        } catch {
            throw damaged("no column \(column)")
        }
    }

    /// One of the names of `Choice` ("format: expected one of openai, anthropic, …, found \"csv\"").
    package func choice<Choice: RawRepresentable & CaseIterable>(_ column: String, of _: Choice.Type = Choice.self) throws(DamagedRow) -> Choice
    where Choice.RawValue == String {
        try choice(column, text: try text(column))
    }

    /// One of the names of `Choice`, or NULL.
    package func choiceOrNull<Choice: RawRepresentable & CaseIterable>(_ column: String, of _: Choice.Type = Choice.self) throws(DamagedRow) -> Choice?
    where Choice.RawValue == String {
        guard let text = try textOrNull(column) else { return nil }
        return try choice(column, text: text)
    }

    private func choice<Choice: RawRepresentable & CaseIterable>(_ column: String, text: String) throws(DamagedRow) -> Choice
    where Choice.RawValue == String {
        guard let choice = Choice(rawValue: text) else {
            let names = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            throw damaged("\(column): expected one of \(names), found \(Self.words(text))")
        }
        return choice
    }

    /// This row, damaged as `message` says.
    package func damaged(_ message: String) -> DamagedRow {
        DamagedRow(entry: entry, message: message)
    }

    /// A stored value as a message quotes it: text quoted and cut at 60 characters (a damaged file
    /// can hold megabytes), a blob by its size.
    static func words(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .null: return "NULL"
        case .int64(let n): return "\(n)"
        case .double(let x): return "\(x)"
        case .string(let text): return words(text)
        case .blob(let data): return "a blob of \(data.count) bytes"
        }
    }

    /// Stored text as a message quotes it, cut at 60 characters.
    package static func words(_ text: String) -> String {
        String(reflecting: text.count > 60 ? text.prefix(60) + "…" : text)
    }

    /// A `YYYY-MM-DD` column; text that is not a day is an error that `unreadable` words from the
    /// text, by default "effective_from: expected a date YYYY-MM-DD, found \"soon\"".
    package func day(_ column: String, unreadable: ((String) -> String)? = nil) throws(DamagedRow) -> CalendarDay {
        let text: String = try self(column)
        guard let day = CalendarDay(text) else {
            throw damaged(unreadable?(text) ?? "\(column): expected a date YYYY-MM-DD, found \(Self.words(text))")
        }
        return day
    }

    /// A `YYYY-MM-DD` column that may be NULL.
    package func dayOrNull(_ column: String) throws(DamagedRow) -> CalendarDay? {
        guard let text = try textOrNull(column) else { return nil }
        guard let day = CalendarDay(text) else { throw damaged("\(column): expected a date YYYY-MM-DD or NULL, found \(Self.words(text))") }
        return day
    }

    /// A JSON column decoded as `Value`.
    package func json<Value: Decodable>(_ column: String) throws(DamagedRow) -> Value {
        let text: String = try self(column)
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw damaged("\(column): expected JSON for \(Value.self), found \(Self.words(text))")
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
