import BreakevenCore
import GRDB

extension UsageStore {
    /// Every model with usage, sorted.
    public func models() throws -> [String] {
        try writer.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT model FROM usage_bucket ORDER BY model") }
    }

    /// The aggregates of the given models (all of them when nil), read in one pass over their
    /// buckets: months per model and format, buckets of an hour or less for the load shape, and
    /// the request-size histograms.
    public func history(models selected: [String]? = nil) throws -> UsageHistory {
        try writer.read { db in
            let sources = try Row.fetchAll(db, sql: "SELECT id, format, file_name, sha256, covered_from, covered_to, records FROM usage_source ORDER BY id")
                .compactMap { row -> UsageSource? in
                    guard let format = UsageFormat(rawValue: row[1]) else { return nil }
                    return UsageSource(id: row[0], format: format, fileName: row[2], sha256: row[3], coveredFrom: row[4],
                                       coveredTo: row[5], records: row[6])
                }
            var filter = ""
            var arguments = StatementArguments()
            if let selected {
                filter = " WHERE model IN (" + selected.map { _ in "?" }.joined(separator: ", ") + ")"
                arguments = StatementArguments(selected)
            }
            struct MonthKey: Hashable {
                var month: CalendarMonth
                var model: String
                var format: UsageFormat
            }
            var months: [MonthKey: (figures: UsageFigures, sources: Set<Int64>, finest: Int64)] = [:]
            var hours: [UsageHour] = []
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT format, model, start, seconds, batch, requests, input_tokens, cached_input_tokens, cache_write_tokens,
                       output_tokens, billed_micros, currency, source_id FROM usage_bucket\(filter)
                """, arguments: arguments)
            while let row = try cursor.next() {
                guard let format = UsageFormat(rawValue: row[0]) else { continue }
                let model: String = row[1], start: Int64 = row[2], seconds: Int64 = row[3]
                let requests: Int64? = row[5], input: Int64 = row[6], output: Int64 = row[9]
                let key = MonthKey(month: CalendarMonth(unix: start), model: model, format: format)
                var entry = months[key] ?? (UsageFigures(), [], .max)
                entry.figures.add(batch: (row[4] as Int64?).map { $0 == 1 }, requests: requests, input: input, cached: row[7],
                                  cacheWrite: row[8], output: output, billedMicros: row[10], currency: row[11])
                entry.sources.insert(row[12])
                entry.finest = min(entry.finest, seconds)
                months[key] = entry
                if seconds <= 3600 {
                    hours.append(UsageHour(format: format, model: model, start: start, seconds: seconds, requests: requests, tokens: input + output))
                }
            }
            let sizes = try Row.fetchAll(db, sql: """
                SELECT format, month, model, bin, requests, input_tokens, cached_input_tokens, output_tokens FROM usage_size_bin\(filter)
                """, arguments: arguments).compactMap { row -> UsageSizeBin? in
                    guard let format = UsageFormat(rawValue: row[0]), let month = CalendarMonth(row[1] as String) else { return nil }
                    return UsageSizeBin(format: format, month: month, model: row[2], bin: row[3], requests: row[4], inputTokens: row[5],
                                        cachedInputTokens: row[6], outputTokens: row[7])
                }
            return UsageHistory(sources: sources, months: months.map { key, value in
                UsageMonth(month: key.month, model: key.model, format: key.format, figures: value.figures,
                           sourceIDs: value.sources.sorted(), finestBucket: value.finest)
            }, hours: hours, sizes: sizes)
        }
    }
}
