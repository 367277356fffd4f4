import BreakevenCore
import BreakevenStorage
import GRDB

/// The rows of the usage database read back strictly: every column of the type and in the range
/// the schema and the importers give it, or a `DamagedRow` naming the table's row and the column
/// ("usage_bucket row 17: input_tokens: expected a whole number, found \"abc\""). The schema's
/// CHECK constraints can be switched off by whoever edits the file, so the reader does not rely on
/// them: a count read here is ≥ 0, a time lies from 1970 to 9999, and with `UsageCeiling.verify`
/// no sum the aggregates take can overflow.
enum StoredUsage {
    static let count = "a whole number ≥ 0"

    /// A row named by its table and rowid, the way `sqlite3` finds it again.
    static func row(_ row: Row, table: String) throws(DamagedRow) -> StoredRow {
        let rowid: Int64 = try StoredRow(row, entry: table)("rowid")
        return StoredRow(row, entry: "\(table) row \(rowid)")
    }

    static func format(_ r: StoredRow) throws(DamagedRow) -> UsageFormat {
        let text: String = try r("format")
        guard let format = UsageFormat(rawValue: text) else {
            let known = UsageFormat.allCases.map(\.rawValue).joined(separator: ", ")
            throw DamagedRow(entry: r.entry, message: "format: expected one of \(known), found \(String(reflecting: text))")
        }
        return format
    }

    /// Unix seconds from 1970 to the end of 9999, as the importers accept them.
    static func time(_ r: StoredRow, _ column: String) throws(DamagedRow) -> Int64 {
        try r(column, in: Timestamp.usable, "Unix seconds \(Timestamp.usableText)")
    }

    /// Cached prompt tokens are part of the prompt.
    static func cached(_ r: StoredRow, input: Int64) throws(DamagedRow) -> Int64 {
        try r("cached_input_tokens", in: 0...input, "a whole number from 0 to input_tokens (\(input))")
    }

    static let sourceColumns = "rowid AS rowid, id, format, file_name, sha256, covered_from, covered_to, records"

    static func source(_ row: Row) throws(DamagedRow) -> UsageSource {
        let r = try Self.row(row, table: "usage_source")
        let from = try time(r, "covered_from")
        return UsageSource(id: try r("id"), format: try format(r), fileName: try r("file_name"), sha256: try r("sha256"),
                           coveredFrom: from, coveredTo: try r("covered_to", in: from...Timestamp.usable.upperBound,
                                                                 "Unix seconds from covered_from (\(from)) to the end of 9999"),
                           records: try r("records", in: 0..., count))
    }

    static let bucketColumns = """
        rowid AS rowid, format, model, start, seconds, batch, requests, input_tokens, cached_input_tokens, cache_write_tokens,
        output_tokens, billed_micros, currency, source_id
        """

    /// One bucket: its model and time (`UsageHour`, with prompt plus output tokens), its figures
    /// as a sum of one bucket, and the file it came from.
    static func bucket(_ row: Row) throws(DamagedRow) -> (hour: UsageHour, figures: UsageFigures, source: Int64) {
        let r = try Self.row(row, table: "usage_bucket")
        let start = try time(r, "start")
        let requests: Int64? = try r("requests", in: 0..., count)
        let input: Int64 = try r("input_tokens", in: 0..., count), output: Int64 = try r("output_tokens", in: 0..., count)
        var figures = UsageFigures()
        figures.add(batch: (try r("batch", in: Int64(0)...1, "0, 1 or NULL") as Int64?).map { $0 == 1 }, requests: requests,
                    input: input, cached: try cached(r, input: input), cacheWrite: try r("cache_write_tokens", in: 0..., count),
                    output: output, billedMicros: try r("billed_micros"), currency: try r("currency"))
        let hour = UsageHour(format: try format(r), model: try r("model"), start: start,
                             seconds: try r("seconds", in: 1...(Timestamp.usable.upperBound - start), "seconds > 0 that end by 9999"),
                             requests: requests, tokens: input + output)
        return (hour, figures, try r("source_id"))
    }

    static let sizeBinColumns = "rowid AS rowid, format, month, model, bin, requests, input_tokens, cached_input_tokens, output_tokens"

    static func sizeBin(_ row: Row) throws(DamagedRow) -> UsageSizeBin {
        let r = try Self.row(row, table: "usage_size_bin")
        let text: String = try r("month")
        guard let month = CalendarMonth(text), Timestamp.usable.contains(month.unixStart) else {
            throw DamagedRow(entry: r.entry, message: "month: expected a month YYYY-MM from 1970 to 9999, found \(String(reflecting: text))")
        }
        let input: Int64 = try r("input_tokens", in: 0..., count)
        return UsageSizeBin(format: try format(r), month: month, model: try r("model"),
                            bin: try r("bin", in: 0..<RequestSizeBins.upperEdges.count,
                                       "a bin number from 0 to \(RequestSizeBins.upperEdges.count - 1)"),
                            requests: try r("requests", in: 0..., count), inputTokens: input, cachedInputTokens: try cached(r, input: input),
                            outputTokens: try r("output_tokens", in: 0..., count))
    }
}
