/// The price of one API model from one date on, in USD per million tokens.
///
/// Field meanings follow genai-prices (`input_mtok`, `cache_read_mtok`, `cache_write_mtok`,
/// `output_mtok`, tiered prices) and LiteLLM (`*_cost_per_token`, `*_above_Nk_tokens`, `*_batches`).
public struct ModelPrice: Sendable, Hashable, Codable {
    /// `provider/model`, e.g. `openai/gpt-4o`.
    public var id: String
    public var provider: String
    public var effectiveFrom: CalendarDay
    public var inputPerMTok: Double
    /// Cache read price; nil when the provider has no prompt caching.
    public var cachedInputPerMTok: Double?
    public var cacheWritePerMTok: Double?
    public var outputPerMTok: Double
    /// Batch API prices; nil when the provider has no batch API.
    public var batchInputPerMTok: Double?
    public var batchOutputPerMTok: Double?
    /// A fee per request in USD (some search or grounding models).
    public var perRequest: Double?
    /// Prices that apply to a whole request once its prompt exceeds a threshold.
    public var longContext: [LongContextTier]
    /// Time-of-day windows with their own prices (e.g. off-peak discounts).
    public var timeOfDay: [TimeOfDayPrice]
    public var contextWindow: Int?
    /// Where the figure comes from: a URL or a note.
    public var source: String

    public init(
        id: String, provider: String, effectiveFrom: CalendarDay,
        inputPerMTok: Double, cachedInputPerMTok: Double? = nil, cacheWritePerMTok: Double? = nil,
        outputPerMTok: Double, batchInputPerMTok: Double? = nil, batchOutputPerMTok: Double? = nil,
        perRequest: Double? = nil, longContext: [LongContextTier] = [], timeOfDay: [TimeOfDayPrice] = [],
        contextWindow: Int? = nil, source: String
    ) {
        self.id = id
        self.provider = provider
        self.effectiveFrom = effectiveFrom
        self.inputPerMTok = inputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok
        self.cacheWritePerMTok = cacheWritePerMTok
        self.outputPerMTok = outputPerMTok
        self.batchInputPerMTok = batchInputPerMTok
        self.batchOutputPerMTok = batchOutputPerMTok
        self.perRequest = perRequest
        self.longContext = longContext
        self.timeOfDay = timeOfDay
        self.contextWindow = contextWindow
        self.source = source
    }
}

/// A long-context cliff: a request whose prompt exceeds `aboveInputTokens` pays these prices
/// for all of its tokens (genai-prices `tiers`, LiteLLM `*_above_200k_tokens`).
public struct LongContextTier: Sendable, Hashable, Codable {
    public var aboveInputTokens: Int
    public var inputPerMTok: Double
    public var outputPerMTok: Double
    /// nil: the tier's input price.
    public var cachedInputPerMTok: Double?

    public init(aboveInputTokens: Int, inputPerMTok: Double, outputPerMTok: Double, cachedInputPerMTok: Double? = nil) {
        self.aboveInputTokens = aboveInputTokens
        self.inputPerMTok = inputPerMTok
        self.outputPerMTok = outputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok
    }
}

/// Prices in force during a daily window of UTC hours [startHour, endHour) (genai-prices
/// time-of-day constraints, e.g. DeepSeek's off-peak discount).
///
/// Windows that start or end off the hour (DeepSeek's 00:30–16:30 UTC) carry the minutes in
/// `startMinute`/`endMinute`; nil means on the hour. An end of 0:00 means midnight at the end of the day.
public struct TimeOfDayPrice: Sendable, Hashable, Codable {
    public var startHour: Int
    public var endHour: Int
    public var inputPerMTok: Double
    public var cachedInputPerMTok: Double?
    public var outputPerMTok: Double
    /// Minutes past `startHour` (0...59); nil: 0.
    public var startMinute: Int?
    /// Minutes past `endHour` (0...59); nil: 0.
    public var endMinute: Int?

    public init(startHour: Int, endHour: Int, inputPerMTok: Double, cachedInputPerMTok: Double? = nil, outputPerMTok: Double,
                startMinute: Int? = nil, endMinute: Int? = nil) {
        self.startHour = startHour
        self.endHour = endHour
        self.inputPerMTok = inputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok
        self.outputPerMTok = outputPerMTok
        self.startMinute = startMinute
        self.endMinute = endMinute
    }
}
