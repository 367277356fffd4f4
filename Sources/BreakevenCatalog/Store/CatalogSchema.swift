import GRDB

/// The catalog's tables, built by migrations. Constraints live here, not only in Swift: money is
/// integer micro-USD and never negative, dates are real `YYYY-MM-DD` days, children reference
/// their parent row, and a price exists once per id and effective date.
enum CatalogSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: prices, specs, offers, hardware, plans") { db in
            try createModelPrices(db)
            try createSpecs(db)
            try createOffersHardwarePlans(db)
        }
        migrator.registerMigration("v2: latent KV cache of open models") { db in
            // values cached per layer and token under multi-head latent attention; NULL for GQA
            try db.alter(table: "open_model") { t in
                t.add(column: "latent_kv_values", .integer).check { $0 > 0 }
            }
        }
        migrator.registerMigration("v3-capacity-specs: FP4 peaks, experts, native precision") { db in
            try CapacitySchema.addSpecs(db)
        }
        migrator.registerMigration("v3-calibrations") { db in
            try CapacitySchema.createCalibrations(db)
        }
        migrator.registerMigration("v4: generic entries (provisioned capacity offers)") { db in
            try db.create(table: "catalog_entry") { t in
                t.column("kind", .text).notNull()
                t.column("entry_id", .text).notNull()
                t.column("provider", .text).notNull()
                t.column("effective_from", .text).notNull().check { length($0) == 10 }
                t.column("values_json", .text).notNull()
                t.column("words_json", .text).notNull()
                t.column("source", .text).notNull()
                t.primaryKey(["kind", "entry_id", "effective_from"])
            }
        }
        migrator.registerMigration("v5: sliding-window layers of open models") { db in
            try CapacitySchema.addSlidingWindows(db)
        }
        migrator.registerMigration("v6: cache writes, batch cache prices, service tiers, price dating and origin") { db in
            try addPriceDetail(db)
        }
        migrator.registerMigration("v7: GPUs per rented instance") { db in
            // an 8-GPU instance (AWS p5.48xlarge, GCP a3-highgpu-8g) is billed whole; 72: an NVL72 rack
            try db.alter(table: "gpu_offer") { t in
                t.add(column: "gpus_per_instance", .integer).notNull().defaults(to: 1).check { $0 >= 1 && $0 <= 72 }
            }
        }
        return migrator
    }

    /// Issue 14: 1-hour cache writes, batch cache prices, service-tier prices, when a price was last
    /// seen in force, which source it came from (for precedence) and how its start was dated.
    private static func addPriceDetail(_ db: Database) throws {
        try db.alter(table: "model_price") { t in
            // micro-USD per million tokens
            t.add(column: "cache_write_1h_micros", .integer).check { $0 >= 0 }
            t.add(column: "batch_cached_input_micros", .integer).check { $0 >= 0 }
            t.add(column: "batch_cache_write_micros", .integer).check { $0 >= 0 }
            t.add(column: "batch_cache_write_1h_micros", .integer).check { $0 >= 0 }
            t.add(column: "observed_on", .text).check(sql: "observed_on IS NULL OR date(observed_on, '+0 days') IS observed_on")
            t.add(column: "origin", .text).check(sql: "origin IS NULL OR origin IN ('seed', 'genai-prices', 'litellm')")
            t.add(column: "dating", .text)
                .check(sql: "dating IS NULL OR dating IN ('stated', 'file date', 'import date', 'before a dated change')")
            t.add(column: "supplement", .text)
        }
        try db.alter(table: "long_context_tier") { t in
            t.add(column: "cache_write_micros", .integer).check { $0 >= 0 }
            t.add(column: "cache_write_1h_micros", .integer).check { $0 >= 0 }
        }
        // Who sells a machine at a row's price (the `provider` filter of owned_hardware).
        try db.alter(table: "hardware") { t in
            t.add(column: "provider", .text).check(sql: "provider IS NULL OR length(provider) > 0")
        }
        try db.create(table: "service_tier_price") { t in
            t.column("price_id", .integer).notNull().references("model_price", onDelete: .cascade)
            t.column("tier", .text).notNull().check { length($0) > 0 }
            t.column("input_micros", .integer).notNull().check { $0 >= 0 }
            t.column("cached_input_micros", .integer).check { $0 >= 0 }
            t.column("cache_write_micros", .integer).check { $0 >= 0 }
            t.column("output_micros", .integer).notNull().check { $0 >= 0 }
            t.primaryKey(["price_id", "tier"])
        }
    }

    private static func createModelPrices(_ db: Database) throws {
        try db.create(table: "model_price") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("model_id", .text).notNull().check { length($0) > 0 }
            t.column("provider", .text).notNull().check { length($0) > 0 }
            t.column("effective_from", .text).notNull()
            // only a valid YYYY-MM-DD passes: with a modifier SQLite normalises 2026-02-30 to 2026-03-02
            t.check(sql: "date(effective_from, '+0 days') IS effective_from")
            // micro-USD per million tokens
            t.column("input_micros", .integer).notNull().check { $0 >= 0 }
            t.column("cached_input_micros", .integer).check { $0 >= 0 }
            t.column("cache_write_micros", .integer).check { $0 >= 0 }
            t.column("output_micros", .integer).notNull().check { $0 >= 0 }
            t.column("batch_input_micros", .integer).check { $0 >= 0 }
            t.column("batch_output_micros", .integer).check { $0 >= 0 }
            // micro-USD per request
            t.column("per_request_micros", .integer).check { $0 >= 0 }
            t.column("context_window", .integer).check { $0 > 0 }
            t.column("source", .text).notNull().check { length($0) > 0 }
            t.uniqueKey(["model_id", "effective_from"])
        }
        try db.create(index: "model_price_on_provider", on: "model_price", columns: ["provider"])

        try db.create(table: "long_context_tier") { t in
            t.column("price_id", .integer).notNull().references("model_price", onDelete: .cascade)
            t.column("above_input_tokens", .integer).notNull().check { $0 > 0 }
            t.column("input_micros", .integer).notNull().check { $0 >= 0 }
            t.column("output_micros", .integer).notNull().check { $0 >= 0 }
            t.column("cached_input_micros", .integer).check { $0 >= 0 }
            t.primaryKey(["price_id", "above_input_tokens"])
        }

        try db.create(table: "time_of_day_price") { t in
            t.column("price_id", .integer).notNull().references("model_price", onDelete: .cascade)
            // minutes after midnight UTC, window [start, end); an end of 0 or 1440 is the next midnight
            t.column("start_minute", .integer).notNull().check { $0 >= 0 && $0 < 1440 }
            t.column("end_minute", .integer).notNull().check { $0 >= 0 && $0 <= 1440 }
            t.column("input_micros", .integer).notNull().check { $0 >= 0 }
            t.column("cached_input_micros", .integer).check { $0 >= 0 }
            t.column("output_micros", .integer).notNull().check { $0 >= 0 }
            t.primaryKey(["price_id", "start_minute"])
        }
    }

    private static func createSpecs(_ db: Database) throws {
        try db.create(table: "gpu") { t in
            t.primaryKey("id", .text).check { length($0) > 0 }
            t.column("name", .text).notNull()
            t.column("memory_gb", .double).notNull().check { $0 > 0 }
            t.column("bandwidth_tbps", .double).notNull().check { $0 > 0 }
            // dense, no 2:4 sparsity
            t.column("bf16_tflops", .double).notNull().check { $0 > 0 }
            t.column("fp8_tflops", .double).check { $0 > 0 }
            t.column("int8_tops", .double).check { $0 > 0 }
            t.column("int4_tops", .double).check { $0 > 0 }
            t.column("tdp_watts", .double).notNull().check { $0 > 0 }
            t.column("source", .text).notNull().check { length($0) > 0 }
            t.column("retrieved_on", .text).notNull()
            t.check(sql: "date(retrieved_on, '+0 days') IS retrieved_on")
        }

        try db.create(table: "open_model") { t in
            t.primaryKey("id", .text).check { length($0) > 0 }
            t.column("name", .text).notNull()
            t.column("total_parameters", .integer).notNull().check { $0 > 0 }
            t.column("active_parameters", .integer).notNull().check { $0 > 0 }
            t.column("layers", .integer).notNull().check { $0 > 0 }
            t.column("hidden_size", .integer).notNull().check { $0 > 0 }
            t.column("attention_heads", .integer).notNull().check { $0 > 0 }
            t.column("kv_heads", .integer).notNull().check { $0 > 0 }
            t.column("head_dimension", .integer).notNull().check { $0 > 0 }
            t.column("context_length", .integer).notNull().check { $0 > 0 }
            t.column("license", .text).notNull()
            t.column("source", .text).notNull().check { length($0) > 0 }
            t.column("retrieved_on", .text).notNull()
            t.check(sql: "date(retrieved_on, '+0 days') IS retrieved_on")
            // a mixture-of-experts model uses a part of its weights per token; GQA shares KV heads
            t.check(sql: "active_parameters <= total_parameters")
            t.check(sql: "kv_heads <= attention_heads")
        }
    }

    private static func createOffersHardwarePlans(_ db: Database) throws {
        try db.create(table: "gpu_offer") { t in
            t.column("offer_id", .text).notNull().check { length($0) > 0 }
            t.column("gpu_id", .text).notNull().references("gpu", onDelete: .restrict)
            t.column("provider", .text).notNull().check { length($0) > 0 }
            t.column("commitment", .text).notNull()
                .check(sql: "commitment IN ('on_demand', 'reserved_1y', 'reserved_3y', 'spot')")
            // micro-USD per GPU-hour
            t.column("hourly_micros", .integer).notNull().check { $0 >= 0 }
            t.column("effective_from", .text).notNull()
            t.check(sql: "date(effective_from, '+0 days') IS effective_from")
            t.column("source", .text).notNull().check { length($0) > 0 }
            t.primaryKey(["offer_id", "effective_from"])
        }
        try db.create(index: "gpu_offer_on_gpu", on: "gpu_offer", columns: ["gpu_id"])

        try db.create(table: "hardware") { t in
            t.column("hardware_id", .text).notNull().check { length($0) > 0 }
            t.column("name", .text).notNull()
            // micro-USD per unit
            t.column("price_micros", .integer).notNull().check { $0 >= 0 }
            t.column("memory_gb", .double).notNull().check { $0 > 0 }
            t.column("bandwidth_tbps", .double).notNull().check { $0 > 0 }
            t.column("bf16_tflops", .double).notNull().check { $0 > 0 }
            t.column("tdp_watts", .double).notNull().check { $0 > 0 }
            t.column("watts_busy", .double).notNull().check { $0 > 0 }
            t.column("watts_idle", .double).notNull().check { $0 >= 0 }
            t.check(sql: "watts_idle <= watts_busy")
            t.column("effective_from", .text).notNull()
            t.check(sql: "date(effective_from, '+0 days') IS effective_from")
            t.column("source", .text).notNull().check { length($0) > 0 }
            t.primaryKey(["hardware_id", "effective_from"])
        }

        try db.create(table: "subscription_plan") { t in
            t.column("plan_id", .text).notNull().check { length($0) > 0 }
            t.column("name", .text).notNull()
            t.column("provider", .text).notNull().check { length($0) > 0 }
            // micro-USD per seat per month
            t.column("monthly_fee_micros", .integer).notNull().check { $0 >= 0 }
            t.column("included_requests_per_month", .double).check { $0 >= 0 }
            t.column("includes", .text).notNull()
            t.column("effective_from", .text).notNull()
            t.check(sql: "date(effective_from, '+0 days') IS effective_from")
            t.column("source", .text).notNull().check { length($0) > 0 }
            t.primaryKey(["plan_id", "effective_from"])
        }
    }
}
