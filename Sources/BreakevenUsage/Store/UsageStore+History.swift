import BreakevenCore
import BreakevenStorage
import GRDB

extension UsageStore {
    /// Every model with usage, sorted.
    public func models() throws -> [String] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT min(rowid) AS rowid, model FROM usage_bucket GROUP BY model ORDER BY model")
                .map { row throws(DamagedRow) in try StoredRow(row, table: "usage_bucket")("model") }
        }
    }

    /// The aggregates of the given models (all of them when nil), read in one pass over their
    /// buckets: months per model and format, buckets of an hour or less for the load shape, and
    /// the request-size histograms. Every row is read strictly (`StoredUsage`): a damaged one is a
    /// `DamagedRow`, never a trap or a silent 0.
    public func history(models selected: [String]? = nil) throws -> UsageHistory {
        try writer.read { db in
            try UsageCeiling.verify(db)
            let sources = try Row.fetchAll(db, sql: StoredUsage.select(StoredUsage.sourceColumns, from: "usage_source", " ORDER BY id")).map(StoredUsage.source)
            let sourceIDs = Set(sources.map(\.id))
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
            let cursor = try Row.fetchCursor(db, sql: StoredUsage.select(StoredUsage.bucketColumns, from: "usage_bucket", filter), arguments: arguments)
            while let row = try cursor.next() {
                let (hour, figures, source) = try StoredUsage.bucket(row, sources: sourceIDs)
                let key = MonthKey(month: CalendarMonth(unix: hour.start), model: hour.model, format: hour.format)
                var entry = months[key] ?? (UsageFigures(), [], .max)
                entry.figures.add(figures)
                entry.sources.insert(source)
                entry.finest = min(entry.finest, hour.seconds)
                months[key] = entry
                // A cost report's amounts are no traffic: never in the load shape.
                if hour.seconds <= 3600, !hour.format.carriesSpendOnly { hours.append(hour) }
            }
            let sizes = try Row.fetchAll(db, sql: StoredUsage.select(StoredUsage.sizeBinColumns, from: "usage_size_bin", filter), arguments: arguments)
                .map(StoredUsage.sizeBin)
            return UsageHistory(sources: sources, months: months.map { key, value in
                UsageMonth(month: key.month, model: key.model, format: key.format, figures: value.figures,
                           sourceIDs: value.sources.sorted(), finestBucket: value.finest)
            }, hours: hours, sizes: sizes)
        }
    }
}
