import BreakevenStorage

extension StoredRow {
    /// An amount stored as integer micro-USD, in USD.
    func usd(_ column: String) throws -> Double {
        MicroUSD.usd(try self(column))
    }

    func usd(_ column: String) throws -> Double? {
        (try self(column) as Int64?).map(MicroUSD.usd)
    }
}
