/// The price of one API model from one date on, in USD per million tokens.
///
/// Field meanings follow genai-prices (`input_mtok`, `cache_read_mtok`, `cache_write_mtok`,
/// `cache_write_1h_mtok`, `output_mtok`, tiered prices, `price_variants`) and LiteLLM
/// (`*_cost_per_token`, `cache_creation_input_token_cost[_above_1hr]`, `*_above_Nk_tokens`,
/// `*_batches`, `*_flex`, `*_priority`).
public struct ModelPrice: Sendable, Hashable, Codable {
    /// `provider/model`, e.g. `openai/gpt-4o`.
    public var id: String
    public var provider: String
    public var effectiveFrom: CalendarDay
    public var inputPerMTok: Double
    /// Cache read price; nil when the source gives none (billed as input, or by a provider rule).
    public var cachedInputPerMTok: Double?
    /// Cache write price (5-minute lifetime, the default); nil: the input price, as both files bill it.
    public var cacheWritePerMTok: Double?
    /// Cache write price for a 1-hour lifetime; nil: the 5-minute write price.
    public var cacheWrite1hPerMTok: Double?
    public var outputPerMTok: Double
    /// Batch API prices; nil when the source gives none (a provider rule may still say what batch costs).
    public var batchInputPerMTok: Double?
    public var batchOutputPerMTok: Double?
    /// Batch cache read and write prices (LiteLLM `cache_read_input_token_cost_batches`, genai-prices batch variants).
    public var batchCachedInputPerMTok: Double?
    public var batchCacheWritePerMTok: Double?
    public var batchCacheWrite1hPerMTok: Double?
    /// A fee per request in USD (some search or grounding models).
    public var perRequest: Double?
    // The lists may be left out of a seed entry (empty).
    /// Prices that apply to a whole request once its prompt exceeds a threshold.
    @EmptyWhenMissing public var longContext: [LongContextTier]
    /// Time-of-day windows with their own prices (e.g. off-peak discounts).
    @EmptyWhenMissing public var timeOfDay: [TimeOfDayPrice]
    /// Prices of other service tiers (flex, priority, …) by name, sorted by name.
    @EmptyWhenMissing public var serviceTiers: [ServiceTierPrice]
    /// Prompt tokens the model takes at most; nil: unknown (see `contextWindow(_:)`).
    public var contextWindow: Int?
    /// Where the figure comes from: a URL or a note.
    public var source: String
    /// The latest day the price was seen in force (a seed entry's reading, an import's date); nil: `effectiveFrom`.
    public var observedOn: CalendarDay?
    /// Which kind of source the prices came from, for the precedence between sources; nil: written by hand.
    public var origin: PriceOrigin?
    /// How `effectiveFrom` was found; nil: the source states it.
    public var dating: PriceDating?
    /// Fields a lower-precedence source filled in, e.g. "batch, flex from LiteLLM (2026-11-27)".
    public var supplement: String?

    /// A price file's context window as the catalog keeps it: nil (unknown) unless within the
    /// range of an open model's context length (LiteLLM writes 0 or -1 for unknown; the largest
    /// real one, 10,485,760, is far inside), the range the catalog reads back.
    public static func contextWindow(_ tokens: Int?) -> Int? {
        tokens.flatMap { SpecBounds.contextLength.contains(Double($0)) ? $0 : nil }
    }

    public init(
        id: String, provider: String, effectiveFrom: CalendarDay,
        inputPerMTok: Double, cachedInputPerMTok: Double? = nil, cacheWritePerMTok: Double? = nil,
        cacheWrite1hPerMTok: Double? = nil,
        outputPerMTok: Double, batchInputPerMTok: Double? = nil, batchOutputPerMTok: Double? = nil,
        batchCachedInputPerMTok: Double? = nil, batchCacheWritePerMTok: Double? = nil, batchCacheWrite1hPerMTok: Double? = nil,
        perRequest: Double? = nil, longContext: [LongContextTier] = [], timeOfDay: [TimeOfDayPrice] = [],
        serviceTiers: [ServiceTierPrice] = [],
        contextWindow: Int? = nil, source: String, observedOn: CalendarDay? = nil, origin: PriceOrigin? = nil,
        dating: PriceDating? = nil, supplement: String? = nil
    ) {
        self.id = id
        self.provider = provider
        self.effectiveFrom = effectiveFrom
        self.inputPerMTok = inputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok
        self.cacheWritePerMTok = cacheWritePerMTok
        self.cacheWrite1hPerMTok = cacheWrite1hPerMTok
        self.outputPerMTok = outputPerMTok
        self.batchInputPerMTok = batchInputPerMTok
        self.batchOutputPerMTok = batchOutputPerMTok
        self.batchCachedInputPerMTok = batchCachedInputPerMTok
        self.batchCacheWritePerMTok = batchCacheWritePerMTok
        self.batchCacheWrite1hPerMTok = batchCacheWrite1hPerMTok
        self.perRequest = perRequest
        self.longContext = longContext
        self.timeOfDay = timeOfDay
        self.serviceTiers = serviceTiers
        self.contextWindow = contextWindow
        self.source = source
        self.observedOn = observedOn
        self.origin = origin
        self.dating = dating
        self.supplement = supplement
    }

    /// The day the price was last known to be in force: what its age is counted from.
    public var lastConfirmed: CalendarDay { max(effectiveFrom, observedOn ?? effectiveFrom) }
}

/// A long-context cliff: a request whose prompt exceeds `aboveInputTokens` pays these prices
/// for all of its tokens (genai-prices `tiers`, LiteLLM `*_above_200k_tokens`).
public struct LongContextTier: Sendable, Hashable, Codable {
    public var aboveInputTokens: Int
    public var inputPerMTok: Double
    public var outputPerMTok: Double
    /// nil: the tier's input price.
    public var cachedInputPerMTok: Double?
    /// nil: the base cache write price if the tier gives none (LiteLLM falls back the same way).
    public var cacheWritePerMTok: Double?
    /// nil: the tier's 5-minute write price.
    public var cacheWrite1hPerMTok: Double?

    public init(aboveInputTokens: Int, inputPerMTok: Double, outputPerMTok: Double, cachedInputPerMTok: Double? = nil,
                cacheWritePerMTok: Double? = nil, cacheWrite1hPerMTok: Double? = nil) {
        self.aboveInputTokens = aboveInputTokens
        self.inputPerMTok = inputPerMTok
        self.outputPerMTok = outputPerMTok
        self.cachedInputPerMTok = cachedInputPerMTok
        self.cacheWritePerMTok = cacheWritePerMTok
        self.cacheWrite1hPerMTok = cacheWrite1hPerMTok
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
