import GRDB

/// The usage database's tables. Counts and amounts are integers (tokens, micro-units of the
/// bill's currency); a figure the export does not carry is NULL, never 0.
enum UsageSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: sources, hourly buckets, seen requests, request-size histograms") { db in
            // One row per imported file: what every row came from.
            try db.create(table: "usage_source") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("format", .text).notNull().check { length($0) > 0 }
                t.column("file_name", .text).notNull()
                t.column("sha256", .text).notNull()
                    .check(sql: "length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'")
                // The time the file covers, Unix seconds [covered_from, covered_to).
                t.column("covered_from", .integer).notNull()
                t.column("covered_to", .integer).notNull()
                t.column("records", .integer).notNull().check { $0 >= 0 }
                t.check(sql: "covered_to >= covered_from")
                t.uniqueKey(["format", "sha256"])
            }
            // Usage per time bucket, model and the export's groups. Bucketed exports keep their
            // buckets, keyed by them (key_source 0: a re-export replaces); per-request sources are
            // summed per hour and per source file (key_source: the source), each request once.
            try db.create(table: "usage_bucket") { t in
                t.column("format", .text).notNull()
                t.column("key_source", .integer).notNull()
                t.column("start", .integer).notNull()
                t.column("seconds", .integer).notNull().check { $0 > 0 }
                t.column("model", .text).notNull()
                t.column("dimensions", .text).notNull()
                t.column("batch", .integer).check(sql: "batch IN (0, 1)")
                t.column("requests", .integer).check { $0 >= 0 }
                t.column("input_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("cached_input_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("cache_write_tokens", .integer).check { $0 >= 0 }
                t.column("output_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("billed_micros", .integer)
                t.column("currency", .text)
                t.column("source_id", .integer).notNull().references("usage_source")
                t.check(sql: "cached_input_tokens <= input_tokens")
                t.primaryKey(["format", "key_source", "start", "seconds", "model", "dimensions"])
            }
            // Every request id imported, as a 64-bit hash: what makes a second import of the same
            // request (or an overlapping export) change nothing.
            try db.execute(sql: """
                CREATE TABLE usage_request_seen (
                  format_code INTEGER NOT NULL,
                  id_hash INTEGER NOT NULL,
                  PRIMARY KEY (format_code, id_hash)
                ) WITHOUT ROWID
                """)
            // Request sizes from per-request sources, per UTC month and model (RequestSizeBins).
            try db.create(table: "usage_size_bin") { t in
                t.column("format", .text).notNull()
                t.column("month", .text).notNull().check(sql: "month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'")
                t.column("model", .text).notNull()
                t.column("bin", .integer).notNull().check { $0 >= 0 }
                t.column("requests", .integer).notNull().check { $0 >= 0 }
                t.column("input_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("cached_input_tokens", .integer).notNull().check { $0 >= 0 }
                t.column("output_tokens", .integer).notNull().check { $0 >= 0 }
                t.primaryKey(["format", "month", "model", "bin"])
            }
        }
        return migrator
    }
}
