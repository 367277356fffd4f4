import BreakevenCore
import BreakevenStorage
import GRDB

/// One file's import inside its transaction: buckets merged per key, requests deduplicated by
/// id against the database and summed per hour and per request-size bin, everything written
/// when the file has been read to its end (a malformed record throws first, and the
/// transaction rolls back).
struct ImportSession: UsageSink {
    struct Key: Hashable {
        var start: Int64
        var seconds: Int64
        var model: String
        var dimensions: String
    }

    struct BinKey: Hashable {
        var month: CalendarMonth
        var model: String
        var bin: Int
    }

    let db: Database
    let format: UsageFormat
    let file: String
    private let seen: Statement
    private(set) var buckets: [Key: BucketFigures] = [:]
    private(set) var bins: [BinKey: BucketFigures] = [:]
    private(set) var summary: UsageImportSummary
    /// Requests read but not yet checked against the ids already imported.
    private var pending: [(hash: Int64, request: UsageRequest)] = []

    init(db: Database, format: UsageFormat, file: String) throws {
        self.db = db
        self.format = format
        self.file = file
        seen = try db.makeStatement(sql: "INSERT OR IGNORE INTO usage_request_seen (format_code, id_hash) VALUES (?, ?)")
        // A larger page cache for the id table of a big import (64 MB, within the memory budget).
        try db.execute(sql: "PRAGMA cache_size = -65536")
        summary = UsageImportSummary(file: file, format: format)
    }

    mutating func cover(from start: Int64, to end: Int64) {
        summary.coveredFrom = min(summary.coveredFrom ?? start, start)
        summary.coveredTo = max(summary.coveredTo ?? end, end)
    }

    mutating func skip(_ reason: String) {
        summary.skipped[reason, default: 0] += 1
    }

    mutating func note(at place: UsagePlace, _ message: String) {
        summary.notes.append(Diagnostic.line(file: file, line: place.line, column: place.column, path: place.path, severity: .note, message))
    }

    mutating func add(_ bucket: UsageBucket) throws {
        summary.records += 1
        let key = Key(bucket)
        let figures = BucketFigures(bucket)
        if let existing = buckets[key] {
            buckets[key] = try existing.adding(figures, file: file)
        } else {
            buckets[key] = figures
        }
    }

    mutating func add(_ request: UsageRequest) throws {
        summary.records += 1
        guard request.time >= 0 else { throw UsageImportError(file: file, "request \(request.id): a time before 1970").at(request.place) }
        pending.append((ImportSession.hash(request.id), request))
        if pending.count >= ImportSession.chunk { try flush() }
    }

    /// Requests are checked against the ids already imported a chunk at a time, in the order of
    /// their hashes: the id table's B-tree is then written page after page, not at random.
    static let chunk = 1 << 16

    mutating func flush() throws {
        let order = pending.indices.sorted { pending[$0].hash < pending[$1].hash }
        var new = [Bool](repeating: false, count: pending.count)
        for k in order {
            try seen.execute(arguments: [format.code, pending[k].hash])
            new[k] = db.changesCount > 0
        }
        for (k, item) in pending.enumerated() {
            if new[k] { try aggregate(item.request) } else { summary.requestsAlreadyImported += 1 }
        }
        pending.removeAll(keepingCapacity: true)
    }

    private mutating func aggregate(_ request: UsageRequest) throws {
        summary.requestsAdded += 1
        let hour = request.time - request.time % 3600
        let figures = BucketFigures(request)
        let key = Key(start: hour, seconds: 3600, model: request.model, dimensions: request.dimensions.text)
        buckets[key] = try buckets[key].map { try $0.adding(figures, file: file) } ?? figures
        let bin = BinKey(month: CalendarMonth(unix: request.time), model: request.model, bin: RequestSizeBins.bin(request.usage.input))
        // A bin counts requests and tokens only: amounts stay with the hour they were billed in.
        var sized = figures
        sized.usage.billed = nil
        sized.usage.currency = nil
        bins[bin] = try bins[bin].map { try $0.adding(sized, of: "one month's requests of one model and size", file: file) } ?? sized
    }

    /// FNV-1a over the id's bytes, then SplitMix64's finalizer to spread it: 64 bits, so that
    /// two of a hundred million ids collide with a chance of about 3 in 10,000.
    static func hash(_ id: String) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in id.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        h = (h ^ (h >> 30)) &* 0xbf58_476d_1ce4_e5b9
        h = (h ^ (h >> 27)) &* 0x94d0_49bb_1331_11eb
        return Int64(bitPattern: h ^ (h >> 31))
    }

    // MARK: Writing

    /// Writes what the file held, attributed to `sourceID`.
    mutating func write(sourceID: Int64) throws {
        try flush()
        try checkWidths()
        let keySource: Int64 = format.isPerRequest ? sourceID : 0
        let columns = "format, key_source, start, seconds, model, dimensions, batch, requests, input_tokens, cached_input_tokens, cache_write_tokens, output_tokens, billed_micros, currency, source_id"
        let values = "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?"
        let upsert: String
        if format.isPerRequest {
            // New requests add to the hour (each request is added once: its id is remembered).
            upsert = """
                INSERT INTO usage_bucket (\(columns)) VALUES (\(values))
                ON CONFLICT DO UPDATE SET requests = requests + excluded.requests, input_tokens = input_tokens + excluded.input_tokens,
                  cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens,
                  cache_write_tokens = CASE WHEN cache_write_tokens IS NULL AND excluded.cache_write_tokens IS NULL THEN NULL
                    ELSE ifnull(cache_write_tokens, 0) + ifnull(excluded.cache_write_tokens, 0) END,
                  output_tokens = output_tokens + excluded.output_tokens,
                  billed_micros = CASE WHEN billed_micros IS NULL AND excluded.billed_micros IS NULL THEN NULL
                    ELSE ifnull(billed_micros, 0) + ifnull(excluded.billed_micros, 0) END
                """
        } else {
            // The same bucket again replaces it, and only if its figures changed (a later export).
            upsert = """
                INSERT INTO usage_bucket (\(columns)) VALUES (\(values))
                ON CONFLICT DO UPDATE SET batch = excluded.batch, requests = excluded.requests, input_tokens = excluded.input_tokens,
                  cached_input_tokens = excluded.cached_input_tokens, cache_write_tokens = excluded.cache_write_tokens,
                  output_tokens = excluded.output_tokens, billed_micros = excluded.billed_micros, currency = excluded.currency,
                  source_id = excluded.source_id
                WHERE batch IS NOT excluded.batch OR requests IS NOT excluded.requests OR input_tokens IS NOT excluded.input_tokens
                  OR cached_input_tokens IS NOT excluded.cached_input_tokens OR cache_write_tokens IS NOT excluded.cache_write_tokens
                  OR output_tokens IS NOT excluded.output_tokens OR billed_micros IS NOT excluded.billed_micros
                  OR currency IS NOT excluded.currency
                """
        }
        let statement = try db.makeStatement(sql: upsert)
        // The buckets already there (one query): a bucket of this file is new, changed or unchanged.
        var existing = Set<Key>()
        if !format.isPerRequest, let from = summary.coveredFrom, let to = summary.coveredTo {
            let columns = ["rowid", "start", "seconds", "model", "dimensions"]
            let rows = try Row.fetchCursor(db, sql: StoredUsage.select(columns, from: "usage_bucket", " WHERE format = ? AND key_source = 0 AND start >= ? AND start < ?"),
                                           arguments: [format.rawValue, from, to])
            while let row = try rows.next() {
                let r = try StoredRow(row, table: "usage_bucket", columns: columns)
                existing.insert(Key(start: try r("start"), seconds: try r("seconds"), model: try r("model"), dimensions: try r("dimensions")))
            }
        }
        for (key, f) in buckets.sorted(by: { ($0.key.start, $0.key.model, $0.key.dimensions) < ($1.key.start, $1.key.model, $1.key.dimensions) }) {
            let keyArguments: StatementArguments = [format.rawValue, keySource, key.start, key.seconds, key.model, key.dimensions]
            let existed = existing.contains(key)
            try statement.execute(arguments: keyArguments + [f.batch, f.requests, f.usage.input, f.usage.cachedInput, f.usage.cacheWrite,
                                                             f.usage.output, try f.billedMicros(file: file), f.usage.currency, sourceID])
            guard !format.isPerRequest else { continue }
            if !existed {
                summary.bucketsAdded += 1
            } else if db.changesCount > 0 {
                summary.bucketsChanged += 1
            } else {
                summary.bucketsUnchanged += 1
            }
        }
        let bin = try db.makeStatement(sql: """
            INSERT INTO usage_size_bin (format, month, model, bin, requests, input_tokens, cached_input_tokens, output_tokens)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO UPDATE SET requests = requests + excluded.requests, input_tokens = input_tokens + excluded.input_tokens,
              cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens, output_tokens = output_tokens + excluded.output_tokens
            """)
        for (key, f) in bins {
            try bin.execute(arguments: [format.rawValue, key.month.description, key.model, key.bin, f.requests ?? 0, f.usage.input, f.usage.cachedInput, f.usage.output])
        }
    }

    /// Buckets of another width over the same hours would count that usage twice: refused.
    private func checkWidths() throws {
        guard !format.isPerRequest, let from = summary.coveredFrom, let to = summary.coveredTo else { return }
        for width in Set(buckets.keys.map(\.seconds)).sorted() {
            let row = try Row.fetchOne(db, sql: """
                SELECT min(rowid) AS rowid, seconds, min(start) AS first, max(start + seconds) AS last FROM usage_bucket
                WHERE format = ? AND key_source = 0 AND seconds <> ? AND start < ? AND start + seconds > ?
                GROUP BY seconds ORDER BY seconds LIMIT 1
                """, arguments: [format.rawValue, width, to, from])
            if let row {
                let r = try StoredRow(row, table: "usage_bucket")
                let other: Int64 = try r("seconds", in: 1..., "seconds > 0")
                let first = try StoredUsage.time(r, "first")
                let last: Int64 = try r("last", in: 0...Timestamp.usable.upperBound, "Unix seconds by the end of 9999")
                throw UsageImportError(file: file, """
                    its \(BucketFigures.width(width)) buckets overlap \(BucketFigures.width(other)) buckets of \(format.rawValue) usage already \
                    imported (\(UsageTime.text(first)) to \(UsageTime.text(last))): the same usage would count twice; \
                    import one bucket width for a period
                    """)
            }
        }
    }
}

extension ImportSession.Key {
    /// The key the database stores `bucket` under: two buckets of one key are the same usage.
    init(_ bucket: UsageBucket) {
        self.init(start: bucket.start, seconds: bucket.seconds, model: bucket.model, dimensions: bucket.dimensions.text)
    }
}
