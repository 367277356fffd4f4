import BreakevenStorage

extension StoredRow {
    /// An amount stored as integer micro-USD, in USD; one the catalog never writes (negative, past
    /// its ceiling) is a damaged row.
    func usd(_ column: String) throws(DamagedRow) -> Double {
        let micros: Int64 = try self(column, in: 0...MicroUSD.ceilingMicros, MicroUSD.storedRange)
        return MicroUSD.usd(micros)
    }

    func usd(_ column: String) throws(DamagedRow) -> Double? {
        let micros: Int64? = try self(column, in: 0...MicroUSD.ceilingMicros, MicroUSD.storedRange)
        return micros.map(MicroUSD.usd)
    }
}
