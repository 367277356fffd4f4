/// A row of one of our database files that does not hold what its schema says: text where a
/// count belongs, a count out of its range, a month that is not one. SQLite keeps whatever a hand
/// edit with `sqlite3`, another program or a damaged disk wrote (a CHECK constraint can be switched
/// off), so a reader checks each value again and names the row and the column; the executable
/// adds the file's path and exits 65.
public struct DamagedRow: Error, Sendable, Equatable, CustomStringConvertible {
    /// How the row is named: "gpu h100-sxm", "usage_bucket row 17".
    public var entry: String
    /// The column, what it should hold and what it holds: "input_tokens: expected a whole number, found \"abc\"".
    public var message: String

    public init(entry: String, message: String) {
        self.entry = entry
        self.message = message
    }

    public var description: String { "\(entry): \(message)" }
}
