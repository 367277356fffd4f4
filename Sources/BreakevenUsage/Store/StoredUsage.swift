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
    static let counts: ClosedRange<Int64> = 0...Int64.max

    static func format(_ r: StoredRow) throws(DamagedRow) -> UsageFormat {
        try r.choice("format")
    }

    /// Unix seconds from 1970 to the end of 9999, as the importers accept them.
    static func time(_ r: StoredRow, _ column: String) throws(DamagedRow) -> Int64 {
        try r.whole(column, in: Timestamp.usable.lowerBound...(Timestamp.usable.upperBound - 1), "Unix seconds \(Timestamp.usableText)")
    }

    /// Cached prompt tokens are part of the prompt.
    static func cached(_ r: StoredRow, input: Int64) throws(DamagedRow) -> Int64 {
        try r.whole("cached_input_tokens", in: 0...input, "a whole number from 0 to input_tokens (\(input))")
    }

    /// The columns each reader selects, in order (`StoredRow` finds a column by its position).
    static let sourceColumns = ["id", "format", "file_name", "sha256", "covered_from", "covered_to", "records"]
    static let bucketColumns = ["rowid", "format", "model", "start", "seconds", "batch", "requests", "input_tokens", "cached_input_tokens",
                                "cache_write_tokens", "output_tokens", "billed_micros", "currency", "source_id"]
    static let sizeBinColumns = ["rowid", "format", "month", "model", "bin", "requests", "input_tokens", "cached_input_tokens", "output_tokens"]

    /// A query of `columns` from `table`, with `tail` (a WHERE clause).
    static func select(_ columns: [String], from table: String, _ tail: String = "") -> String {
        "SELECT \(columns.joined(separator: ", ")) FROM \(table)\(tail)"
    }

    static func source(_ row: Row) throws(DamagedRow) -> UsageSource {
        // `id` is the table's INTEGER PRIMARY KEY, its rowid.
        let r = try StoredRow(row, table: "usage_source", columns: sourceColumns, rowidColumn: "id")
        let from = try time(r, "covered_from")
        return UsageSource(id: try r("id"), format: try format(r), fileName: try r("file_name"), sha256: try r("sha256"),
                           coveredFrom: from, coveredTo: try r("covered_to", in: from...Timestamp.usable.upperBound,
                                                                 "Unix seconds from covered_from (\(from)) to the end of 9999"),
                           records: try r("records", in: 0..., count))
    }

    /// One bucket: its model and time (`UsageHour`, with prompt plus output tokens), its figures
    /// as a sum of one bucket, and the file it came from, one of `sources`.
    static func bucket(_ row: Row, sources: Set<Int64>) throws(DamagedRow) -> (hour: UsageHour, figures: UsageFigures, source: Int64) {
        let r = try StoredRow(row, table: "usage_bucket", columns: bucketColumns)
        let format = try Self.format(r)
        let start = try time(r, "start")
        let requests = try r.wholeOrNull("requests", in: counts, count)
        // A log of requests counts every request it holds.
        if requests == nil, format.isPerRequest {
            throw r.damaged("requests: expected \(count) (\(format.rawValue) usage counts its requests), found NULL")
        }
        let input = try r.whole("input_tokens", in: counts, count), output = try r.whole("output_tokens", in: counts, count)
        let billed = try r.wholeOrNull("billed_micros", in: Int64.min...Int64.max, "a whole number or NULL")
        // A cost report's row is an amount and nothing else.
        if billed == nil, format.carriesSpendOnly {
            throw r.damaged("billed_micros: expected a whole number (\(format.rawValue) usage is an amount), found NULL")
        }
        var figures = UsageFigures()
        figures.add(batch: try r.wholeOrNull("batch", in: 0...1, "0, 1 or NULL").map { $0 == 1 }, requests: requests,
                    input: input, cached: try cached(r, input: input), cacheWrite: try r.wholeOrNull("cache_write_tokens", in: counts, count),
                    output: output, billedMicros: billed, currency: try r.textOrNull("currency"))
        let hour = UsageHour(format: format, model: try r.text("model"), start: start,
                             seconds: try r.whole("seconds", in: 1...(Timestamp.usable.upperBound - start), "seconds > 0 that end by 9999"),
                             requests: requests, tokens: input + output)
        let source = try r.whole("source_id", in: Int64.min...Int64.max, "a whole number")
        guard sources.contains(source) else {
            throw r.damaged("source_id: expected the id of a usage_source row, found \(source)")
        }
        return (hour, figures, source)
    }

    static func sizeBin(_ row: Row) throws(DamagedRow) -> UsageSizeBin {
        let r = try StoredRow(row, table: "usage_size_bin", columns: sizeBinColumns)
        let text: String = try r("month")
        guard let month = CalendarMonth(text), Timestamp.usable.contains(month.unixStart) else {
            throw r.damaged("month: expected a month YYYY-MM from 1970 to 9999, found \(StoredRow.words(text))")
        }
        let input: Int64 = try r("input_tokens", in: 0..., count)
        return UsageSizeBin(format: try format(r), month: month, model: try r("model"),
                            bin: try r("bin", in: 0..<RequestSizeBins.upperEdges.count,
                                       "a bin number from 0 to \(RequestSizeBins.upperEdges.count - 1)"),
                            requests: try r("requests", in: 0..., count), inputTokens: input, cachedInputTokens: try cached(r, input: input),
                            outputTokens: try r("output_tokens", in: 0..., count))
    }
}
