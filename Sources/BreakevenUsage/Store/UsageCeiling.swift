import BreakevenCore
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

    /// Refuses the import just written (its transaction rolls back) when the database would
    /// then count more than the ceiling of some figure. `total()` sums in floating point, so the
    /// check itself cannot overflow.
    static func check(_ db: Database, file: String) throws {
        let figures = ["requests", "input_tokens", "cached_input_tokens", "cache_write_tokens", "output_tokens"]
        let sql = "SELECT " + figures.map { "total(\($0))" }.joined(separator: ", ") + ", total(abs(billed_micros)) FROM usage_bucket"
        guard let row = try Row.fetchOne(db, sql: sql) else { return }
        for (k, figure) in figures.enumerated() {
            let total: Double = row[k]
            if total > Double(count) {
                throw UsageImportError(file: file, "with this file the usage database would count \(Money.scientific(total)) \(figure.replacingOccurrences(of: "_", with: " ")); expected at most 1e18, far beyond real usage")
            }
        }
        let billed: Double = row[figures.count]
        if billed > billedMicros {
            throw UsageImportError(file: file, "with this file the usage database would hold \(Money.scientific(billed / 1e6)) in billed amounts; expected at most 1e12, far beyond real usage")
        }
    }
}
