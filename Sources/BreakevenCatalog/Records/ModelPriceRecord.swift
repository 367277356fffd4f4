import GRDB

/// One row of `model_price`: a model's prices from `effective_from` on, in micro-USD per million
/// tokens (per request for `per_request_micros`).
struct ModelPriceRecord: Codable, Equatable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "model_price"

    var id: Int64?
    var modelID: String
    var provider: String
    var effectiveFrom: String
    var inputMicros: Int64
    var cachedInputMicros: Int64?
    var cacheWriteMicros: Int64?
    var outputMicros: Int64
    var batchInputMicros: Int64?
    var batchOutputMicros: Int64?
    var perRequestMicros: Int64?
    var contextWindow: Int?
    var source: String
    var cacheWrite1hMicros: Int64?
    var batchCachedInputMicros: Int64?
    var batchCacheWriteMicros: Int64?
    var batchCacheWrite1hMicros: Int64?
    var observedOn: String?
    var origin: String?
    var dating: String?
    var supplement: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id
        case modelID = "model_id"
        case provider
        case effectiveFrom = "effective_from"
        case inputMicros = "input_micros"
        case cachedInputMicros = "cached_input_micros"
        case cacheWriteMicros = "cache_write_micros"
        case outputMicros = "output_micros"
        case batchInputMicros = "batch_input_micros"
        case batchOutputMicros = "batch_output_micros"
        case perRequestMicros = "per_request_micros"
        case contextWindow = "context_window"
        case source
        case cacheWrite1hMicros = "cache_write_1h_micros"
        case batchCachedInputMicros = "batch_cached_input_micros"
        case batchCacheWriteMicros = "batch_cache_write_micros"
        case batchCacheWrite1hMicros = "batch_cache_write_1h_micros"
        case observedOn = "observed_on"
        case origin, dating, supplement
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// One row of `long_context_tier`: the prices a request pays once its prompt exceeds a threshold.
struct LongContextTierRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "long_context_tier"

    var priceID: Int64
    var aboveInputTokens: Int
    var inputMicros: Int64
    var outputMicros: Int64
    var cachedInputMicros: Int64?
    var cacheWriteMicros: Int64?
    var cacheWrite1hMicros: Int64?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case priceID = "price_id"
        case aboveInputTokens = "above_input_tokens"
        case inputMicros = "input_micros"
        case outputMicros = "output_micros"
        case cachedInputMicros = "cached_input_micros"
        case cacheWriteMicros = "cache_write_micros"
        case cacheWrite1hMicros = "cache_write_1h_micros"
    }
}

/// One row of `time_of_day_price`: prices in force during a daily UTC window
/// [start_minute, end_minute), in minutes after midnight; an end of 0 or 1440 is the next midnight.
struct TimeOfDayPriceRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "time_of_day_price"

    var priceID: Int64
    var startMinute: Int
    var endMinute: Int
    var inputMicros: Int64
    var cachedInputMicros: Int64?
    var outputMicros: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case priceID = "price_id"
        case startMinute = "start_minute"
        case endMinute = "end_minute"
        case inputMicros = "input_micros"
        case cachedInputMicros = "cached_input_micros"
        case outputMicros = "output_micros"
    }
}

/// One row of `service_tier_price`: a model's prices under another service tier (flex, priority…).
struct ServiceTierPriceRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "service_tier_price"

    var priceID: Int64
    var tier: String
    var inputMicros: Int64
    var cachedInputMicros: Int64?
    var cacheWriteMicros: Int64?
    var outputMicros: Int64

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case priceID = "price_id"
        case tier
        case inputMicros = "input_micros"
        case cachedInputMicros = "cached_input_micros"
        case cacheWriteMicros = "cache_write_micros"
        case outputMicros = "output_micros"
    }
}
