import BreakevenCore
import BreakevenStorage
import GRDB

/// A value stored in one of a price's tables: the price itself in `model_price`, its long-context
/// tiers, time-of-day windows and service tiers in child rows that `price_id` ties to it. Amounts are
/// micro-USD, checked on the way in (never negative, finite, storable) in the price's name.
protocol PriceTableRow {
    static var databaseTableName: String { get }
    init(row: StoredRow) throws
    func encode(to container: inout PersistenceContainer, money: MicroUSD.Check) throws
}

extension MicroUSD.Check {
    /// Per-million-token prices into their columns, `input` into `input_micros`; one the database
    /// cannot store is named with `field` before it ("long_context[>200000].input").
    func prices(_ amounts: KeyValuePairs<String, Double?>, field: String = "", into container: inout PersistenceContainer) throws {
        for (name, usd) in amounts { container[name + "_micros"] = try self(field + name, usd) }
    }
}

extension ModelPrice: PriceTableRow {
    static let databaseTableName = "model_price"

    /// How an amount the database cannot store is named: "model x/y from 2026-01-01: input: …".
    var money: MicroUSD.Check { MicroUSD.Check(entry: "model \(id) from \(effectiveFrom)") }

    /// The price of a `model_price` row, without its child rows (`PriceHistory.load` adds them).
    init(row r: StoredRow) throws {
        self.init(
            id: try r("model_id"), provider: try r("provider"),
            effectiveFrom: try r.day("effective_from") { "effective_from is not a YYYY-MM-DD day: \($0)" },
            inputPerMTok: try r.usd("input_micros"), cachedInputPerMTok: try r.usd("cached_input_micros"),
            cacheWritePerMTok: try r.usd("cache_write_micros"), cacheWrite1hPerMTok: try r.usd("cache_write_1h_micros"),
            outputPerMTok: try r.usd("output_micros"),
            batchInputPerMTok: try r.usd("batch_input_micros"), batchOutputPerMTok: try r.usd("batch_output_micros"),
            batchCachedInputPerMTok: try r.usd("batch_cached_input_micros"),
            batchCacheWritePerMTok: try r.usd("batch_cache_write_micros"),
            batchCacheWrite1hPerMTok: try r.usd("batch_cache_write_1h_micros"), perRequest: try r.usd("per_request_micros"),
            contextWindow: try r.count("context_window", SpecBounds.contextLength), source: try r("source"), observedOn: try r.dayOrNull("observed_on"),
            origin: try r.choiceOrNull("origin"), dating: try r.choiceOrNull("dating"),
            supplement: try r("supplement"))
    }

    func encode(to container: inout PersistenceContainer, money: MicroUSD.Check) throws {
        container["model_id"] = id
        container["provider"] = provider
        container["effective_from"] = effectiveFrom.description
        try money.prices(["input": inputPerMTok, "cached_input": cachedInputPerMTok, "cache_write": cacheWritePerMTok,
                          "cache_write_1h": cacheWrite1hPerMTok, "output": outputPerMTok,
                          "batch_input": batchInputPerMTok, "batch_cached_input": batchCachedInputPerMTok,
                          "batch_cache_write": batchCacheWritePerMTok, "batch_cache_write_1h": batchCacheWrite1hPerMTok,
                          "batch_output": batchOutputPerMTok], into: &container)
        // A fee per request, not per million tokens, in the same micro-USD.
        container["per_request_micros"] = try money("per_request", perRequest)
        container["context_window"] = contextWindow
        container["source"] = source
        container["observed_on"] = observedOn?.description
        container["origin"] = origin?.rawValue
        container["dating"] = dating?.rawValue
        container["supplement"] = supplement
    }
}

/// A row of `long_context_tier`: the prices a request pays once its prompt exceeds a threshold.
extension LongContextTier: PriceTableRow {
    static let databaseTableName = "long_context_tier"

    init(row r: StoredRow) throws {
        // The schema's CHECK rules again: a tool can switch them off.
        self.init(aboveInputTokens: try r("above_input_tokens", in: 1..., "prompt tokens > 0"), inputPerMTok: try r.usd("input_micros"),
                  outputPerMTok: try r.usd("output_micros"), cachedInputPerMTok: try r.usd("cached_input_micros"),
                  cacheWritePerMTok: try r.usd("cache_write_micros"), cacheWrite1hPerMTok: try r.usd("cache_write_1h_micros"))
    }

    func encode(to container: inout PersistenceContainer, money: MicroUSD.Check) throws {
        container["above_input_tokens"] = aboveInputTokens
        try money.prices(["input": inputPerMTok, "output": outputPerMTok, "cached_input": cachedInputPerMTok,
                          "cache_write": cacheWritePerMTok, "cache_write_1h": cacheWrite1hPerMTok],
                         field: "long_context[>\(aboveInputTokens)].", into: &container)
    }
}

/// A row of `time_of_day_price`: prices in force during a daily UTC window [start_minute, end_minute),
/// in minutes after midnight; an end of 0 or 1440 is the next midnight.
extension TimeOfDayPrice: PriceTableRow {
    static let databaseTableName = "time_of_day_price"

    init(row r: StoredRow) throws {
        self.init(minutes: try r("start_minute", in: 0..<1440, "minutes after midnight from 0 to 1439"),
                  to: try r("end_minute", in: 0...1440, "minutes after midnight from 0 to 1440"), inputPerMTok: try r.usd("input_micros"),
                  cachedInputPerMTok: try r.usd("cached_input_micros"), outputPerMTok: try r.usd("output_micros"))
    }

    func encode(to container: inout PersistenceContainer, money: MicroUSD.Check) throws {
        container["start_minute"] = startMinuteOfDay
        container["end_minute"] = endMinuteOfDay
        try money.prices(["input": inputPerMTok, "cached_input": cachedInputPerMTok, "output": outputPerMTok],
                         field: "time_of_day[\(startMinuteOfDay)].", into: &container)
    }

    var startMinuteOfDay: Int { startHour * 60 + (startMinute ?? 0) }
    var endMinuteOfDay: Int { endHour * 60 + (endMinute ?? 0) }

    /// A window given in minutes after midnight; minutes on the hour are stored as nil.
    init(minutes start: Int, to end: Int, inputPerMTok: Double, cachedInputPerMTok: Double?, outputPerMTok: Double) {
        self.init(startHour: start / 60, endHour: end / 60, inputPerMTok: inputPerMTok, cachedInputPerMTok: cachedInputPerMTok,
                  outputPerMTok: outputPerMTok,
                  startMinute: start % 60 == 0 ? nil : start % 60, endMinute: end % 60 == 0 ? nil : end % 60)
    }
}

/// A row of `service_tier_price`: a model's prices under another service tier (flex, priority…).
extension ServiceTierPrice: PriceTableRow {
    static let databaseTableName = "service_tier_price"

    init(row r: StoredRow) throws {
        self.init(tier: try r("tier"), inputPerMTok: try r.usd("input_micros"),
                  cachedInputPerMTok: try r.usd("cached_input_micros"), cacheWritePerMTok: try r.usd("cache_write_micros"), outputPerMTok: try r.usd("output_micros"))
    }

    func encode(to container: inout PersistenceContainer, money: MicroUSD.Check) throws {
        container["tier"] = tier
        try money.prices(["input": inputPerMTok, "cached_input": cachedInputPerMTok, "cache_write": cacheWritePerMTok,
                          "output": outputPerMTok], field: "service_tier[\(tier)].", into: &container)
    }
}
