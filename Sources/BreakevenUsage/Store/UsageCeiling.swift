import BreakevenCore
import BreakevenStorage
import GRDB

/// How much usage one database may count: far beyond any real usage (the largest providers
/// serve on the order of 1e15 tokens a month), and low enough that no sum taken of it later (a
/// month, a model, prompt plus output tokens) can pass Int64.max, 9.2e18, and trap. Imports are
/// refused past it: while a file is summed, and once it is written (SQLite turns an integer sum
/// past Int64.max into a float, which the readers would then misread).
enum UsageCeiling {
    /// Tokens, or requests, of one figure over the whole database.
    static let count: Int64 = 1_000_000_000_000_000_000
    /// Micro-units of billed amounts over the whole database: a trillion in the bill's currency.
    static let billedMicros = 1e18

    /// The figures of one `span` (one hour and group, one month's requests of a size) summed as
    /// a file is read: `a + b`, refused past the ceiling.
    static func sum(_ a: Int64, _ b: Int64, _ figure: String, of span: String, file: String) throws -> Int64 {
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum <= count else {
            throw UsageImportError(file: file, "\(figure) of \(span) add up past 1e18; expected real usage, far below that")
        }
        return sum
    }

    /// A figure one side lacks is the other's; absent from both stays absent.
    static func sum(_ a: Int64?, _ b: Int64?, _ figure: String, of span: String, file: String) throws -> Int64? {
        guard a != nil || b != nil else { return nil }
        return try sum(a ?? 0, b ?? 0, figure, of: span, file: file)
    }

    /// A table's counted figures, and whether it holds billed amounts.
    typealias TableFigures = (table: String, counts: [String], billed: Bool)
    static let bucketFigures: TableFigures = ("usage_bucket", ["requests", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens"], true)
    static let sizeBinFigures: TableFigures = ("usage_size_bin", ["requests", "input_tokens", "cached_input_tokens", "output_tokens"], false)

    /// Refuses the import just written (its transaction rolls back) when the database would
    /// then count more than the ceiling of some figure.
    static func check(_ db: Database, file: String) throws {
        if let excess = try excess(db, tables: [bucketFigures]) {
            throw UsageImportError(file: file, "with this file the usage database would \(excess.words); expected at most \(excess.limit), far beyond real usage")
        }
    }

    /// Refuses to read a database past the ceiling, which no import writes (someone changed the
    /// file), before any sum is taken of it.
    static func verify(_ db: Database) throws {
        if let excess = try excess(db, tables: [bucketFigures, sizeBinFigures]) {
            throw DamagedRow(entry: excess.table, message: "its rows \(excess.words); expected at most \(excess.limit), which no import stores")
        }
    }

    /// The first figure of `tables` whose total passes its ceiling. `total()` sums in floating
    /// point, so the check itself cannot overflow; a negative count is left to the row reader.
    private static func excess(_ db: Database, tables: [TableFigures]) throws -> (table: String, words: String, limit: String)? {
        for (table, figures, billed) in tables {
            // abs() of Int64.min is an SQLite error; of a float it is not.
            let sql = "SELECT " + (figures.map { "total(\($0))" } + (billed ? ["total(abs(billed_micros * 1.0))"] : [])).joined(separator: ", ")
                + " FROM \(table)"
            guard let row = try Row.fetchOne(db, sql: sql) else { continue }
            for (k, figure) in figures.enumerated() {
                let total: Double = row[k]
                if total > Double(count) {
                    return (table, "count \(Money.scientific(total)) \(figure.replacingOccurrences(of: "_", with: " "))", "1e18")
                }
            }
            if billed, let total = row[figures.count] as Double?, total > billedMicros {
                return (table, "hold \(Money.scientific(total / 1e6)) in billed amounts", "1e12")
            }
        }
        return nil
    }
}
