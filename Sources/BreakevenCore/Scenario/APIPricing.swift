/// How a pay-per-token API bills, with every price resolved (scenario or catalog).
public struct APIPricing: Sendable, Hashable {
    /// The base tier first (threshold 0), then long-context tiers by rising threshold.
    public var tiers: [PriceTier]
    /// USD per request.
    public var perRequest: Double = 0
    var priceChangePerYear: Double = 0
    var outputTokenMultiplier: Double = 1
    /// Negotiated discount on the whole bill.
    var discount: Double = 0
    var minimumMonthly: Double = 0
    /// Migration and evaluation work, and fixed monthly costs (no team: an API needs none of its own).
    public var overheads: Overheads = Overheads()

    /// The tier a request with this many prompt tokens pays: the highest threshold it exceeds
    /// (a cliff per request, as genai-prices and LiteLLM apply `above_200k` prices).
    public func tier(forInputTokens tokens: Double) -> PriceTier {
        tiers.last { Double($0.aboveInputTokens) < tokens || $0.aboveInputTokens == 0 } ?? tiers[0]
    }
}

/// Prices per million tokens for requests above a prompt-size threshold.
public struct PriceTier: Sendable, Hashable {
    /// 0 for the base tier.
    public var aboveInputTokens: Int
    public var standard: TokenPrices
    /// What batch traffic pays.
    public var batch: TokenPrices
}

/// USD per million tokens of each kind.
public struct TokenPrices: Sendable, Hashable {
    /// Uncached prompt tokens.
    public var input: Double
    /// Prompt tokens read from the cache.
    public var cachedInput: Double
    public var output: Double
    /// Prompt tokens written to the cache with the default (5-minute) lifetime.
    public var cacheWrite: Double
    /// Prompt tokens written to the cache with a 1-hour lifetime.
    public var cacheWrite1h: Double

    /// Without cache write prices, writes cost the input price (genai-prices and LiteLLM alike), and
    /// 1-hour writes the 5-minute price.
    init(input: Double, cachedInput: Double, output: Double, cacheWrite: Double? = nil, cacheWrite1h: Double? = nil) {
        self.input = input
        self.cachedInput = cachedInput
        self.output = output
        self.cacheWrite = cacheWrite ?? input
        self.cacheWrite1h = cacheWrite1h ?? cacheWrite ?? input
    }

    /// The write price for a cache lifetime.
    public func cacheWrite(_ ttl: CacheWriteTTL) -> Double {
        ttl == .oneHour ? cacheWrite1h : cacheWrite
    }

    /// Every price × factor (a batch discount of d is factor 1 − d).
    public func scaled(by factor: Double) -> TokenPrices {
        TokenPrices(input: input * factor, cachedInput: cachedInput * factor, output: output * factor,
                    cacheWrite: cacheWrite * factor, cacheWrite1h: cacheWrite1h * factor)
    }
}
