// How a catalog price becomes what a request pays: the service tier chosen, batch prices with
// their cache prices, and the fallbacks both community files use for prices a source leaves out.

extension ModelPrice {
    /// The price under a service tier: the tier's prices where it lists them, the standard ones
    /// where it does not (LiteLLM `get_cost_per_unit` and genai-prices `price_variants` fall back
    /// the same way). Long-context tiers keep their cliffs at the tier's ratio to the standard
    /// price; time-of-day windows belong to the standard tier and are dropped; batch prices stay.
    /// nil when the catalog has no such tier; `standard` is the price itself.
    func inServiceTier(_ name: String) -> ModelPrice? {
        guard name != "standard" else { return self }
        guard let tier = serviceTiers.first(where: { $0.tier == name }) else { return nil }
        var p = self
        let inputRatio = inputPerMTok > 0 ? tier.inputPerMTok / inputPerMTok : 1
        let outputRatio = outputPerMTok > 0 ? tier.outputPerMTok / outputPerMTok : 1
        let cachedRatio = (cachedInputPerMTok ?? 0) > 0 ? (tier.cachedInputPerMTok ?? cachedInputPerMTok ?? 0) / (cachedInputPerMTok ?? 1) : inputRatio
        p.inputPerMTok = tier.inputPerMTok
        p.outputPerMTok = tier.outputPerMTok
        p.cachedInputPerMTok = tier.cachedInputPerMTok ?? cachedInputPerMTok
        p.cacheWritePerMTok = tier.cacheWritePerMTok ?? cacheWritePerMTok
        p.longContext = longContext.map {
            LongContextTier(aboveInputTokens: $0.aboveInputTokens, inputPerMTok: $0.inputPerMTok * inputRatio,
                            outputPerMTok: $0.outputPerMTok * outputRatio, cachedInputPerMTok: $0.cachedInputPerMTok.map { $0 * cachedRatio },
                            cacheWritePerMTok: $0.cacheWritePerMTok, cacheWrite1hPerMTok: $0.cacheWrite1hPerMTok)
        }
        p.timeOfDay = []
        p.serviceTiers = []
        p.source += "; service tier \(name)"
        return p
    }

    /// The tiers the catalog has for this model, `standard` first.
    var serviceTierNames: [String] {
        ["standard"] + serviceTiers.map(\.tier).sorted()
    }

    /// The standard token prices of requests below every long-context cliff, with the fallbacks of
    /// both files: no cache-read price bills cached tokens as input, no write price bills writes as
    /// input, no 1-hour write price bills them at the 5-minute one.
    var basePrices: TokenPrices {
        TokenPrices(input: inputPerMTok, cachedInput: cachedInputPerMTok ?? inputPerMTok, output: outputPerMTok,
                    cacheWrite: cacheWritePerMTok, cacheWrite1h: cacheWrite1hPerMTok)
    }

    /// The standard prices above a cliff. A price the tier does not list is the base one (a flat
    /// `cache_read_mtok` beside a tiered input in genai-prices; LiteLLM keeps the base cache prices
    /// when no `…_above_Nk_tokens` key is given), or the tier's input price when the base has none.
    func prices(above tier: LongContextTier) -> TokenPrices {
        let write = tier.cacheWritePerMTok ?? cacheWritePerMTok ?? tier.inputPerMTok
        return TokenPrices(input: tier.inputPerMTok, cachedInput: tier.cachedInputPerMTok ?? cachedInputPerMTok ?? tier.inputPerMTok,
                           output: tier.outputPerMTok, cacheWrite: write,
                           cacheWrite1h: tier.cacheWrite1hPerMTok ?? cacheWrite1hPerMTok ?? write)
    }
}

extension ModelPrice {
    /// Its batch prices as ratios to the standard ones; nil without any. Read in place (optional
    /// chaining on a stored price), the price is not copied out.
    var batchPricing: BatchPricing? { BatchPricing(self) }
}

/// What batch traffic pays, as ratios to the standard prices (so that a long-context tier, a
/// time-of-day weighting or an inline standard price moves its batch price with it).
///
/// Batch input and output are the catalog's batch prices. Cache reads and writes in a batch pay
/// their batch price where the catalog has one (LiteLLM `cache_read_input_token_cost_batches`,
/// genai-prices batch variants, or a provider rule where the provider documents that the
/// discounts stack); otherwise the standard cache price, as LiteLLM's `batch_cost_calculator` and
/// genai-prices' variants (which override only the prices they list) both bill them; a model
/// without any cache price bills them at the batch input price.
struct BatchPricing: Sendable, Hashable {
    var input: Double
    var cachedInput: Double
    var output: Double
    var cacheWrite: Double
    var cacheWrite1h: Double

    /// nil when the price has no batch price (after the provider rules).
    init?(_ price: borrowing ModelPrice) {
        guard let batchInput = price.batchInputPerMTok else { return nil }
        let base = price.basePrices, standardInput = price.inputPerMTok
        func ratio(_ batch: Double, _ standard: Double) -> Double {
            standard > 0 ? batch / standard : (standardInput > 0 ? batchInput / standardInput : 1)
        }
        let batchOutput = price.batchOutputPerMTok ?? price.outputPerMTok * ratio(batchInput, price.inputPerMTok)
        let cached = price.batchCachedInputPerMTok ?? price.cachedInputPerMTok ?? batchInput
        let write = price.batchCacheWritePerMTok ?? price.cacheWritePerMTok ?? batchInput
        let write1h = price.batchCacheWrite1hPerMTok ?? price.cacheWrite1hPerMTok ?? write
        input = ratio(batchInput, base.input)
        output = ratio(batchOutput, base.output)
        cachedInput = ratio(cached, base.cachedInput)
        cacheWrite = ratio(write, base.cacheWrite)
        cacheWrite1h = ratio(write1h, base.cacheWrite1h)
    }

    func callAsFunction(_ standard: TokenPrices) -> TokenPrices {
        TokenPrices(input: standard.input * input, cachedInput: standard.cachedInput * cachedInput, output: standard.output * output,
                    cacheWrite: standard.cacheWrite * cacheWrite, cacheWrite1h: standard.cacheWrite1h * cacheWrite1h)
    }
}
