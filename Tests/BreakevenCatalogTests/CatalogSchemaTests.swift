@testable import BreakevenCore
import BreakevenStorage
import Foundation
import GRDB
import Testing
@testable import BreakevenCatalog

@Suite struct CatalogSchemaTests {
    @Test func migratesAnEmptyDatabase() throws {
        let store = try CatalogStore.inMemory()
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        }
        #expect(tables == ["calibration", "catalog_entry", "gpu", "gpu_offer", "grdb_migrations", "hardware", "long_context_tier",
                           "model_price", "open_model", "service_tier_price", "subscription_plan", "time_of_day_price"])
        #expect(try store.isEmpty())
        #expect(try store.snapshot() == CatalogSnapshot())
    }

    @Test func aFileCatalogIsInWALModeAndReopens() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("catalog.sqlite").path

        let seed = try CatalogStore.seed()
        try CatalogStore(path: path).install(seed)
        let reopened = try CatalogStore(path: path)
        #expect(try reopened.writer.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try reopened.fingerprint() == seed.fingerprint)
    }

    @Test func aCatalogMadeBeforeLatentKVCachesGainsTheColumn() throws {
        // A user's catalog from the first schema, with an open model in it, opened by this version.
        let queue = try DatabaseOpening.inMemory()
        try CatalogSchema.migrator.migrate(queue, upTo: "v1: prices, specs, offers, hardware, plans")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO open_model (id, name, total_parameters, active_parameters, layers, hidden_size, attention_heads,
                                        kv_heads, head_dimension, context_length, license, source, retrieved_on)
                VALUES ('llama-3.1-8b', 'Llama 3.1 8B', 8030000000, 8030000000, 32, 4096, 32, 8, 128, 131072, 'llama3.1', 'test', '2026-01-01')
                """)
        }
        let store = try CatalogStore(migrating: queue)
        // The old row reads back as grouped-query attention; `catalog init` brings DeepSeek-V3's latent cache.
        #expect(try store.snapshot().openModel("llama-3.1-8b")?.latentKVValues == nil)
        try store.install(CatalogStore.seed())
        #expect(try store.snapshot().openModel("deepseek-v3")?.latentKVValues == 576)
        // The old row is updated to the seed's; every open model reads back as installed.
        #expect(try store.snapshot().openModels == CatalogStore.seed().openModels)
    }

    @Test func anOfferMadeBeforeInstancesWereKnownRentsOneGPU() throws {
        // A user's catalog from before v7, with an offer of their own, opened by this version.
        let queue = try DatabaseOpening.inMemory()
        try CatalogSchema.migrator.migrate(queue, upTo: "v6: cache writes, batch cache prices, service tiers, price dating and origin")
        try queue.write { db in
            try db.execute(sql: """
                INSERT INTO gpu (id, name, memory_gb, bandwidth_tbps, bf16_tflops, tdp_watts, source, retrieved_on)
                VALUES ('h100-sxm', 'H100', 80, 3.35, 989, 700, 'test', '2026-01-01')
                """)
            try db.execute(sql: """
                INSERT INTO gpu_offer (offer_id, gpu_id, provider, commitment, hourly_micros, effective_from, source)
                VALUES ('h100-sxm/mine/on_demand', 'h100-sxm', 'mine', 'on_demand', 2500000, '2026-01-01', 'our contract')
                """)
        }
        let store = try CatalogStore(migrating: queue)
        let offer = try #require(try store.snapshot().gpuOffers.first)
        #expect(offer.gpusPerInstance == 1 && offer.hourly == 2.5)
        // The seed's offers read back with their instances: GCP's a3-highgpu-8g rents 8 H100s.
        try store.install(CatalogStore.seed())
        #expect(try store.snapshot().gpuOffers.first { $0.id == "h100-sxm/gcp/on_demand" }?.gpusPerInstance == 8)
        #expect(try store.snapshot().gpuOffers.filter { $0.provider != "mine" } == CatalogStore.seed().gpuOffers)
        // An instance of 0 GPUs, or more than an NVL72 rack's 72, is refused where it is written and where it is read.
        #expect((try? store.writer.write { try $0.execute(sql: "UPDATE gpu_offer SET gpus_per_instance = 0") }) == nil)
        try store.writer.damage("UPDATE gpu_offer SET gpus_per_instance = 73 WHERE offer_id = 'h100-sxm/mine/on_demand'")
        #expect(try #require(throws: DamagedRow.self) { try store.snapshot() }.description
                == "gpu offer h100-sxm/mine/on_demand: gpus_per_instance: expected a whole number from 1 to 72, found 73")
    }

    @Test func theSchemaRefusesWhatTheCatalogMustNeverHold() throws {
        let store = try CatalogStore.inMemory()
        try store.install(CatalogStore.seed())
        func refuses(_ sql: String) -> Bool {
            (try? store.writer.write { try $0.execute(sql: sql) }) == nil
        }
        // Negative money, an impossible date, an unknown commitment, an offer for a GPU the catalog lacks,
        // more active than total parameters.
        #expect(refuses("""
            INSERT INTO model_price (model_id, provider, effective_from, input_micros, output_micros, source)
            VALUES ('x/y', 'x', '2026-01-01', -1, 0, 'test')
            """))
        #expect(refuses("""
            INSERT INTO model_price (model_id, provider, effective_from, input_micros, output_micros, source)
            VALUES ('x/y', 'x', '2026-02-30', 1, 1, 'test')
            """))
        #expect(refuses("""
            INSERT INTO gpu_offer (offer_id, gpu_id, provider, commitment, hourly_micros, effective_from, source)
            VALUES ('h100-sxm/x/monthly', 'h100-sxm', 'x', 'monthly', 1, '2026-01-01', 'test')
            """))
        #expect(refuses("""
            INSERT INTO gpu_offer (offer_id, gpu_id, provider, commitment, hourly_micros, effective_from, source)
            VALUES ('tpu/x/spot', 'tpu-v9', 'x', 'spot', 1, '2026-01-01', 'test')
            """))
        #expect(refuses("UPDATE open_model SET active_parameters = total_parameters + 1 WHERE id = 'qwen3-8b'"))
        // Two prices for one model on one day.
        #expect(refuses("""
            INSERT INTO model_price (model_id, provider, effective_from, input_micros, output_micros, source)
            VALUES ('openai/gpt-4o', 'openai', '2024-10-02', 1, 1, 'test')
            """))
    }

    @Test func aDamagedRowIsAnErrorThatNamesItNotACrashOrAZero() throws {
        let store = try CatalogStore.inMemory()
        let seed = try CatalogStore.seed()
        try store.install(seed)
        // A hand-edited file: text where the schema wants a number. SQLite keeps it (a REAL column
        // cannot convert 'lots', and 'lots' > 0 holds: text sorts after numbers), and SQLite's own
        // conversion would read it as 0 GB.
        try store.writer.write { try $0.execute(sql: "UPDATE gpu SET memory_gb = 'lots' WHERE id = 'h100-sxm'") }
        let memory = try #require(throws: DamagedRow.self) { try store.snapshot() }
        #expect(memory.description == #"gpu h100-sxm: memory_gb: expected a number, found "lots""#)
        try store.writer.write { try $0.execute(sql: "UPDATE gpu SET memory_gb = 80 WHERE id = 'h100-sxm'") }

        // A commitment the schema's CHECK refuses, written by a tool that turned the checks off.
        let offer = seed.gpuOffers[0]
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE gpu_offer SET commitment = 'monthly' WHERE offer_id = ?", arguments: [offer.id])
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        let commitment = try #require(throws: DamagedRow.self) { try store.snapshot() }
        #expect(commitment.description == #"gpu offer \#(offer.id): commitment: expected one of on_demand, reserved_1y, reserved_3y, spot, found "monthly""#)

        // Text where an amount must be, in a child row of a price.
        let tierID = try #require(try store.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT min(price_id) FROM long_context_tier WHERE above_input_tokens = 200000")
        })
        try store.writer.writeWithoutTransaction { db in
            try db.execute(sql: "UPDATE gpu_offer SET commitment = 'spot' WHERE offer_id = ?", arguments: [offer.id])
            try db.execute(sql: "PRAGMA ignore_check_constraints = ON")
            try db.execute(sql: "UPDATE long_context_tier SET input_micros = 'n/a' WHERE price_id = ?", arguments: [tierID])
            try db.execute(sql: "PRAGMA ignore_check_constraints = OFF")
        }
        let tier = try #require(throws: DamagedRow.self) { try store.snapshot() }
        #expect(tier.description == #"long_context_tier of price \#(tierID): input_micros: expected a whole number, found "n/a""#)
    }

    /// A value the catalog never writes, left by a tool that turned the checks off: refused where
    /// it is read, naming the row and the column, with the range a scenario's own figure takes.
    @Test func aValueOutOfItsRangeIsRefusedWhereItIsRead() throws {
        func refusal(_ sql: String) throws -> String {
            let store = try CatalogStore.inMemory()
            try store.install(CatalogStore.seed())
            try store.save(CalibratedScenarioTests.h100Llama)
            try store.writer.damage(sql)
            return try #require(throws: DamagedRow.self) { try store.snapshot() }.description
        }
        // 0 GB would be divided by; 1e300 TFLOPS would make the prefill rate inf.
        #expect(try refusal("UPDATE gpu SET memory_gb = 0 WHERE id = 'h100-sxm'")
                == "gpu h100-sxm: memory_gb: expected a number from 0.1 to 100000, found 0.0")
        #expect(try refusal("UPDATE hardware SET bf16_tflops = 1e300 WHERE hardware_id = 'pc-rtx-4090'")
                == "hardware pc-rtx-4090: bf16_tflops: expected a number from 0.001 to 1000000, found 1e+300")
        #expect(try refusal("UPDATE open_model SET kv_heads = 0 WHERE id = 'qwen3-32b'")
                == "open model qwen3-32b: kv_heads: expected a number from 1 to 10000, found 0")
        // Figures out of the order the schema's CHECK rules and a scenario's inline model obey
        // (FigureOrder): qwen3-32b has 32,762,123,264 parameters; deepseek-v3 256 routed experts;
        // the RTX 4090 PC draws 550 W busy.
        #expect(try refusal("UPDATE open_model SET active_parameters = total_parameters + 1 WHERE id = 'qwen3-32b'")
                == "open model qwen3-32b: active_parameters: expected at most total_parameters (32762123264), found 32762123265")
        #expect(try refusal("UPDATE open_model SET kv_heads = attention_heads * 2 WHERE id = 'qwen3-32b'")
                == "open model qwen3-32b: kv_heads: expected at most attention_heads (64), found 128")
        #expect(try refusal("UPDATE open_model SET experts_per_token = 300 WHERE id = 'deepseek-v3'")
                == "open model deepseek-v3: experts_per_token: expected at most experts (256), found 300")
        #expect(try refusal("UPDATE open_model SET sliding_window_layers = 99 WHERE id = 'gpt-oss-20b'")
                == "open model gpt-oss-20b: sliding_window_layers: expected at most layers (24), found 99")
        #expect(try refusal("UPDATE hardware SET watts_idle = 551 WHERE hardware_id = 'pc-rtx-4090'")
                == "hardware pc-rtx-4090: watts_idle: expected at most watts_busy (550), found 551")
        // A fitted efficiency outside what the fit gives (and a scenario may write).
        #expect(try refusal("UPDATE calibration SET compute_utilization = 0 WHERE name = 'h100-llama'")
                == "calibration h100-llama: compute_utilization: expected a number from 0.01 to 1, found 0.0")
        // SQLite keeps an inf REAL (9e999), which the capacity model and a listing cannot use.
        #expect(try refusal("UPDATE calibration SET step_overhead_ms = 9e999 WHERE name = 'h100-llama'")
                == "calibration h100-llama: step_overhead_ms: expected a finite number of milliseconds ≥ 0, found inf")
        #expect(try refusal("UPDATE subscription_plan SET included_requests_per_month = 9e999 WHERE plan_id = 'anthropic/claude-pro'")
                == "plan anthropic/claude-pro: included_requests_per_month: expected a number from 0 to 1e12, found inf")
        // A negative price, and one past the 9e18 micro-USD that MicroUSD.from never exceeds.
        #expect(try refusal("UPDATE model_price SET input_micros = -1 WHERE model_id = 'openai/gpt-4o'")
                == "model openai/gpt-4o: input_micros: expected an amount in micro-USD from 0 to 9e18, found -1")
        #expect(try refusal("UPDATE gpu_offer SET hourly_micros = 9000000000000000001 WHERE offer_id = 'h100-sxm/aws/on_demand'")
                == "gpu offer h100-sxm/aws/on_demand: hourly_micros: expected an amount in micro-USD from 0 to 9e18, found 9000000000000000001")
        // A price's provenance and context window used to read as unknown (nil) when damaged.
        #expect(try refusal("UPDATE model_price SET origin = 'someone' WHERE model_id = 'openai/gpt-4o'")
                == #"model openai/gpt-4o: origin: expected one of seed, genai-prices, litellm, found "someone""#)
        #expect(try refusal("UPDATE model_price SET observed_on = 'yesterday' WHERE model_id = 'openai/gpt-4o'")
                == #"model openai/gpt-4o: observed_on: expected a date YYYY-MM-DD or NULL, found "yesterday""#)
        #expect(try refusal("UPDATE model_price SET context_window = 0 WHERE model_id = 'openai/gpt-4o'")
                == "model openai/gpt-4o: context_window: expected a number from 1 to 1e8, found 0")
        // The schema's CHECK rules, read again: a tier above 0 tokens, a window within a day (the
        // seed has no time-of-day price: one is written, past midnight).
        #expect(try refusal("UPDATE long_context_tier SET above_input_tokens = -5")
                .hasSuffix("above_input_tokens: expected prompt tokens > 0, found -5"))
        #expect(try refusal("""
            INSERT INTO time_of_day_price (price_id, start_minute, end_minute, input_micros, output_micros)
            SELECT min(rowid), 0, 100000, 1, 1 FROM model_price
            """).hasSuffix("end_minute: expected minutes after midnight from 0 to 1440, found 100000"))
    }

    @Test func deletingAPriceDeletesItsTiers() throws {
        let store = try CatalogStore.inMemory()
        try store.install(CatalogStore.seed())
        let remaining = try store.writer.write { db -> Int in
            try db.execute(sql: "DELETE FROM model_price WHERE model_id = 'gemini/gemini-2.5-pro'")
            return try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM long_context_tier WHERE price_id NOT IN (SELECT id FROM model_price)
                """) ?? -1
        }
        #expect(remaining == 0)
    }

    @Test func refusesAnOfferForAnUnknownGPUWithAMessage() throws {
        let store = try CatalogStore.inMemory()
        let offer = GPUOffer(id: "tpu-v9/x/spot", gpu: "tpu-v9", provider: "x", commitment: .spot, hourly: 1,
                             effectiveFrom: .day("2026-01-01"), source: "test")
        let error = try #require(throws: CatalogError.self) { try store.install(CatalogSnapshot(gpuOffers: [offer])) }
        #expect(error.description == "gpu offer tpu-v9/x/spot: names GPU 'tpu-v9', which the catalog does not have")

        let negative = ModelPrice(id: "x/y", provider: "x", effectiveFrom: .day("2026-01-01"), inputPerMTok: -2, outputPerMTok: 1,
                                  source: "test")
        let refused = try #require(throws: CatalogError.self) { try store.install(CatalogSnapshot(modelPrices: [negative])) }
        #expect(refused.description == "model x/y from 2026-01-01: input: expected an amount in USD ≥ 0, found -2.0")
        #expect(try store.isEmpty())
    }

    /// A child row's amount that cannot be stored is named by the price, the row and the column:
    /// which cliff, window or tier, and which of its prices.
    @Test func namesTheChildRowOfAPriceItCannotStore() throws {
        let store = try CatalogStore.inMemory()
        func refusal(_ price: ModelPrice) throws -> String {
            try #require(throws: CatalogError.self) { try store.install(CatalogSnapshot(modelPrices: [price])) }.description
        }
        func price(longContext: [LongContextTier] = [], timeOfDay: [TimeOfDayPrice] = [], serviceTiers: [ServiceTierPrice] = []) -> ModelPrice {
            ModelPrice(id: "x/y", provider: "x", effectiveFrom: .day("2026-01-01"), inputPerMTok: 1, outputPerMTok: 2,
                       longContext: longContext, timeOfDay: timeOfDay, serviceTiers: serviceTiers, source: "test")
        }
        #expect(try refusal(price(longContext: [LongContextTier(aboveInputTokens: 200_000, inputPerMTok: 2, outputPerMTok: 4,
                                                                cacheWrite1hPerMTok: -1)]))
                == "model x/y from 2026-01-01: long_context[>200000].cache_write_1h: expected an amount in USD ≥ 0, found -1.0")
        #expect(try refusal(price(timeOfDay: [TimeOfDayPrice(startHour: 16, endHour: 0, inputPerMTok: 0.5, cachedInputPerMTok: .infinity,
                                                             outputPerMTok: 1, startMinute: 30)]))
                == "model x/y from 2026-01-01: time_of_day[990].cached_input: expected an amount in USD ≥ 0, found inf")
        #expect(try refusal(price(serviceTiers: [ServiceTierPrice(tier: "flex", inputPerMTok: 0.5, outputPerMTok: -3)]))
                == "model x/y from 2026-01-01: service_tier[flex].output: expected an amount in USD ≥ 0, found -3.0")
        #expect(try store.isEmpty())
    }

    /// `hardware` has no INT8 or INT4 column: a machine's datasheet that quotes them is refused, not stored without them.
    @Test func refusesAMachinesIntegerPeaksItCannotStore() throws {
        let store = try CatalogStore.inMemory()
        let machine = HardwareSpec(id: "box", name: "Box", price: 3000,
                                   datasheet: Datasheet(memoryGB: 32, bandwidthTBps: 1.8, bf16TFLOPS: 200, int8TOPS: 400),
                                   tdpWatts: 600, wattsBusy: 500, wattsIdle: 60, effectiveFrom: .day("2026-01-01"), source: "test")
        let error = try #require(throws: CatalogError.self) { try store.install(CatalogSnapshot(hardware: [machine])) }
        #expect(error.description == "hardware box from 2026-01-01: a machine's INT8 and INT4 peaks are not recorded (those formats compute at BF16)")
        #expect(try store.isEmpty())
    }

    @Test func fingerprintIsStableAndSeesEveryChange() throws {
        let seed = try CatalogStore.seed()
        // Order does not matter; contents do.
        var shuffled = seed
        shuffled.modelPrices.reverse()
        #expect(shuffled.fingerprint == seed.fingerprint)
        var cheaper = seed
        cheaper.gpuOffers[0].hourly -= 0.01
        #expect(cheaper.fingerprint != seed.fingerprint)
        // An offer's instance is part of what it sells.
        var wider = seed
        wider.gpuOffers[0].gpusPerInstance += 1
        #expect(wider.fingerprint != seed.fingerprint)
        #expect(seed.fingerprint.hasPrefix("catalog-v1:\(seed.modelPrices.count + seed.gpus.count + seed.gpuOffers.count + seed.openModels.count + seed.hardware.count + seed.plans.count + seed.entries.count):"))
        #expect(CatalogSnapshot().fingerprint == "catalog-v1:0:none:cbf29ce484222325") // FNV-1a offset basis: nothing hashed
    }
}
