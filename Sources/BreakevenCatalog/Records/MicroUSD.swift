/// Money in the catalog database is an integer count of micro-USD (10⁻⁶ USD): per million tokens,
/// per GPU-hour, per request, per month or per unit. Integers keep sums and comparisons exact
/// (GRDB's recommended practice); the snapshot hands the engine Double USD.
enum MicroUSD {
    /// Amounts stop short of 9e12 USD: 9e18 micro-USD, within Int64 with room for sums.
    static let ceilingUSD = 9e12
    static let ceilingMicros: Int64 = 9_000_000_000_000_000_000

    /// Rounds to the nearest micro-USD; nil for a negative, non-finite or absurdly large amount.
    static func from(_ usd: Double) -> Int64? {
        guard usd.isFinite, usd >= 0, usd < ceilingUSD else { return nil }
        return Int64((usd * 1_000_000).rounded())
    }

    /// What a stored amount may be: what `from` gives (it may round up to the ceiling), worded for a message.
    static let storedRange = "an amount in micro-USD from 0 to 9e18"

    static func usd(_ micros: Int64) -> Double {
        Double(micros) / 1_000_000
    }

    /// `usd` as stored and read back: what the snapshot of a database holds for it.
    static func rounded(_ usd: Double) -> Double {
        from(usd).map(Self.usd) ?? usd
    }

    /// The amounts of one entry on their way into the database: names the entry and the field of a
    /// value it cannot store ("model x/y from 2026-01-01: input: expected an amount in USD ≥ 0, found -2.0").
    struct Check {
        let entry: String

        /// The amount in micro-USD (nil for no amount), as a column stores it.
        func callAsFunction(_ field: String, _ usd: Double?) throws -> Int64? {
            guard let usd else { return nil }
            guard let micros = MicroUSD.from(usd) else { throw CatalogError.invalidAmount(entry: entry, field: field, value: usd) }
            return micros
        }
    }
}
