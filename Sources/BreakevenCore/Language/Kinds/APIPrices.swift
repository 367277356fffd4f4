/// An `api` option's `prices`: written, or its catalog model's, key by key.
struct APIPriceSettings: KeySettings {
    var input: Double?
    var output: Double?
    var cachedInput: Double?
    var cacheWrite: Double?
    var cacheWrite1h: Double?
    var batchDiscount: Double?
    var perRequest: Double?
    /// nil: not written (the catalog model's tiers apply).
    var longContext: [LongContextTierSettings]?
    /// The catalog model's price in effect on `as_of`, in US dollars.
    var catalog: ModelPrice?
}

/// One long-context cliff: prices for requests whose prompt exceeds a threshold.
struct LongContextTierSettings: KeySettings {
    var aboveInputTokens: Int?
    var input: Double?
    var output: Double?
    var cachedInput: Double?
    var cacheWrite: Double?
}

/// The keys of `prices`, and how they become the price tiers an API bills by.
enum APIPrices {
    typealias S = APIPriceSettings
    static let ceiling = 1e4

    /// `value` reads the catalog model where it lies in the settings (`$0.pointee.catalog?.inputPerMTok`).
    private static func fromModel(_ value: @escaping @Sendable (UnsafePointer<S>) -> Double?) -> CatalogField<S> {
        CatalogField(value: value, reference: { $0.catalog.map(CatalogReference.init) }, isMoney: true)
    }

    static let input = NumberKey<S, Double>("input_per_mtok", \.input, SharedKeys.money(ceiling), catalog: fromModel { $0.pointee.catalog?.inputPerMTok }, KeyDoc(
        "Input price", .money(per: "million input tokens"), "Price per million input tokens (required without a catalog model)."))
    static let output = NumberKey<S, Double>("output_per_mtok", \.output, SharedKeys.money(ceiling), catalog: fromModel { $0.pointee.catalog?.outputPerMTok }, KeyDoc(
        "Output price", .money(per: "million output tokens"), "Price per million output tokens (required without a catalog model)."))
    /// Cache reads and writes a model does not price are billed as input.
    private static let inputPrice = NumberKey<S, Double>.Fallback.rule("the input price") { s, c in
        input.value(s, c).map { ($0, "the input price") }
    }
    static let cachedInput = NumberKey<S, Double>(
        "cached_input_per_mtok", \.cachedInput, SharedKeys.money(ceiling),
        default: inputPrice,
        catalog: fromModel { $0.pointee.catalog?.cachedInputPerMTok }, KeyDoc(
            "Cached input price", .money(per: "million cached input tokens"),
            "Price per million cached (cache-read) input tokens."))
    /// Writes default to the input price and 1-hour writes to the 5-minute price, as genai-prices
    /// and LiteLLM bill a model that lists none.
    static let cacheWrite = NumberKey<S, Double>(
        "cache_write_per_mtok", \.cacheWrite, SharedKeys.money(ceiling),
        default: inputPrice,
        catalog: fromModel { $0.pointee.catalog?.cacheWritePerMTok }, KeyDoc(
            "Cache write price", .money(per: "million tokens written to the cache"),
            "Price per million tokens written to the prompt cache with the 5-minute lifetime."))
    static let cacheWrite1h = NumberKey<S, Double>(
        "cache_write_1h_per_mtok", \.cacheWrite1h, SharedKeys.money(ceiling),
        default: .rule("the 5-minute write price", { s, c in cacheWrite.value(s, c).map { ($0, "the 5-minute write price") } }),
        catalog: fromModel { $0.pointee.catalog?.cacheWrite1hPerMTok }, KeyDoc(
            "1-hour cache write price", .money(per: "million tokens written to the cache"),
            "Price per million tokens written to the prompt cache with a 1-hour lifetime."))
    static let batchDiscount = NumberKey<S, Double>("batch_discount", \.batchDiscount, .share, default: .value(0), KeyDoc(
        "Batch discount", .share,
        "Discount on batch traffic, 0 to 1 (0.5 for the usual batch APIs); a catalog model's batch prices apply when it is not given."))
    static let perRequest = NumberKey<S, Double>("per_request", \.perRequest, SharedKeys.money(1000), default: .value(0),
                                                 catalog: fromModel { $0.pointee.catalog?.perRequest }, KeyDoc(
        "Price per request", .money(per: "request"), "Price per request on top of the tokens."))

    static let tierThreshold = NumberKey<LongContextTierSettings, Int>("above_input_tokens", \.aboveInputTokens, .atLeast(0, atMost: 1e8),
                                                                      required: true, KeyDoc(
        "Long-context threshold", .count("prompt tokens"), "The tier applies to a whole request whose prompt exceeds this many tokens."))
    static let tierInput = NumberKey<LongContextTierSettings, Double>("input_per_mtok", \.input, SharedKeys.money(ceiling), required: true, KeyDoc(
        "Long-context input price", .money(per: "million input tokens"), "Price per million input tokens in this tier."))
    static let tierOutput = NumberKey<LongContextTierSettings, Double>("output_per_mtok", \.output, SharedKeys.money(ceiling), required: true, KeyDoc(
        "Long-context output price", .money(per: "million output tokens"), "Price per million output tokens in this tier."))
    static let tierCached = NumberKey<LongContextTierSettings, Double>("cached_input_per_mtok", \.cachedInput, SharedKeys.money(ceiling), KeyDoc(
        "Long-context cached input price", .money(per: "million cached input tokens"),
        "Price per million cached input tokens in this tier (default: the tier's input price)."))

    static let tierCacheWrite = NumberKey<LongContextTierSettings, Double>("cache_write_per_mtok", \.cacheWrite, SharedKeys.money(ceiling), KeyDoc(
        "Long-context cache write price", .money(per: "million tokens written to the cache"),
        "Price per million tokens written to the cache in this tier (default: the base write price, else the tier's input price)."))

    static let longContext = ListKey<S, LongContextTierSettings>(
        "long_context", \.longContextTiers, [tierThreshold.key, tierInput.key, tierOutput.key, tierCached.key, tierCacheWrite.key], count: 0...20,
        named: .position, KeyDoc(
            "Long-context prices", .text, "Long-context cliffs: prices for requests whose prompt exceeds a threshold."))

    /// `prices` in the option, with the records the catalog adds: its batch prices and tiers.
    static func key<Option>(_ path: SettingPath<Option, S>) -> Key<Option> {
        var batch = batchDiscount.key
        batch.record = { s, r, c in
            guard !r.has("batch_discount"), let price = s.catalog, let pricing = BatchPricing(price),
                  let reference = s.catalog.map(CatalogReference.init) else { return batchDiscount.key.record(s, r, c) }
            let b = pricing(price.basePrices)
            r.assume("batch", "input \(NumberBounds.format(c.money(b.input))), cached input \(NumberBounds.format(c.money(b.cachedInput))), output \(NumberBounds.format(c.money(b.output))) per Mtok"
                     + (writesCache(r) ? ", cache write \(NumberBounds.format(c.money(b.cacheWrite)))" : ""),
                     c.noted(reference).source, isMoney: true, title: "Batch prices")
        }
        // Write prices are listed only when the workload writes to the cache.
        var writeKeys = [cacheWrite.key, cacheWrite1h.key]
        for k in writeKeys.indices {
            let record = writeKeys[k].record
            writeKeys[k].record = { s, r, c in if writesCache(r) { record(s, r, c) } }
        }
        var tiers = longContext.key
        tiers.record = { s, r, c in
            if r.has("long_context") { return longContext.key.record(s, r, c) }
            guard let price = s.catalog, !price.longContext.isEmpty, let reference = s.catalog.map(CatalogReference.init) else {
                return r.assume("long_context", "[]", .defaultValue)
            }
            for tier in price.longContext {
                r.assume("long_context.above_\(tier.aboveInputTokens)",
                         "input \(NumberBounds.format(c.money(tier.inputPerMTok))), output \(NumberBounds.format(c.money(tier.outputPerMTok))) per Mtok",
                         c.noted(reference).source, isMoney: true, title: "Batch prices")
            }
        }
        tiers.field.defaultJSON = "[]"
        let keys = [input.key, output.key, cachedInput.key] + writeKeys + [batch, tiers, perRequest.key]
        return ObjectKey("prices", path, keys, whenAbsent: .keys, KeyDoc(
            "Prices", .text, "Per-million-token prices (required without a catalog model).")).key
    }

    /// Whether the workload writes to the prompt cache (write prices matter only then).
    static func writesCache(_ r: KeyReader) -> Bool {
        r.context.workload?.classes.contains { $0.cacheWriteShare > 0 } ?? false
    }

    /// The base tier (threshold 0), then the long-context tiers by rising threshold, each with
    /// what batch traffic pays.
    static func tiers(_ s: UnsafePointer<S>, _ c: LowerContext) -> [PriceTier] {
        let v = c.values
        let write = cacheWrite.value(s, v) ?? 0, write1h = cacheWrite1h.value(s, v) ?? write
        // Whether a write price is given (written or the catalog's), not only defaulted to the input price.
        let hasWrite = s.pointee.cacheWrite != nil || s.pointee.catalog?.cacheWritePerMTok != nil
        let has1h = s.pointee.cacheWrite1h != nil || s.pointee.catalog?.cacheWrite1hPerMTok != nil
        var standard = TokenPrices(input: input.value(s, v) ?? 0, cachedInput: cachedInput.value(s, v) ?? 0, output: output.value(s, v) ?? 0,
                                   cacheWrite: write, cacheWrite1h: write1h)
        // The catalog price is copied out (its strings and lists retained) only where it is read whole.
        if s.pointee.catalog?.timeOfDay.isEmpty == false, s.pointee.input == nil, s.pointee.output == nil, let price = s.pointee.catalog {
            // Time-of-day prices, weighted by the share of the day's load in each window; the
            // windows price input, cache reads and output, writes keep theirs (or the weighted input).
            standard = TimeOfDayWeighting.weighted(standard, windows: price.timeOfDay.map { $0.converted(v) }, loadShape: c.workload.loadShape)
            standard.cacheWrite = hasWrite ? write : standard.input
            standard.cacheWrite1h = has1h ? write1h : standard.cacheWrite
        }
        let batchOf = batchPrices(s, v)
        var tiers: [PriceTier] = []
        tiers.reserveCapacity(1 + (s.pointee.longContext?.count ?? s.pointee.catalog?.longContext.count ?? 0))
        tiers.append(PriceTier(aboveInputTokens: 0, standard: standard, batch: batchOf(standard)))
        if let written = s.pointee.longContext {
            for t in written {
                let tierInput = t.input ?? 0
                let tierWrite = t.cacheWrite ?? (hasWrite ? write : tierInput)
                let prices = TokenPrices(input: tierInput, cachedInput: t.cachedInput ?? tierInput, output: t.output ?? 0,
                                         cacheWrite: tierWrite, cacheWrite1h: has1h ? write1h : tierWrite)
                tiers.append(PriceTier(aboveInputTokens: t.aboveInputTokens ?? 0, standard: prices, batch: batchOf(prices)))
            }
        } else if s.pointee.catalog?.longContext.isEmpty == false, let price = s.pointee.catalog {
            for tier in price.longContext {
                let usd = price.prices(above: tier)
                let prices = TokenPrices(input: v.money(usd.input), cachedInput: v.money(usd.cachedInput), output: v.money(usd.output),
                                         cacheWrite: v.money(usd.cacheWrite), cacheWrite1h: v.money(usd.cacheWrite1h))
                tiers.append(PriceTier(aboveInputTokens: tier.aboveInputTokens, standard: prices, batch: batchOf(prices)))
            }
        }
        tiers.sort { $0.aboveInputTokens < $1.aboveInputTokens }
        return tiers
    }

    /// Batch traffic: an inline discount on every price (cache prices too), else the catalog's
    /// batch prices as ratios to the standard ones (`BatchPricing`: LiteLLM's `*_batches` and
    /// genai-prices' batch variants, or a provider's documented rule).
    private static func batchPrices(_ s: UnsafePointer<S>, _ v: ValueContext) -> BatchRule {
        // The catalog price read where it lies (copied out, its strings and lists are retained).
        guard s.pointee.batchDiscount == nil, let batch = s.pointee.catalog?.batchPricing else {
            return .discount(factor: 1 - (batchDiscount.value(s, v) ?? 0))
        }
        return .ratios(batch)
    }

    /// What batch traffic pays, as `tiers` applies it to each tier's prices: a value, not a
    /// closure (one allocated per API option per trial).
    private enum BatchRule {
        case discount(factor: Double)
        case ratios(BatchPricing)

        func callAsFunction(_ standard: TokenPrices) -> TokenPrices {
            switch self {
            case .discount(let factor): standard.scaled(by: factor)
            case .ratios(let batch): batch(standard)
            }
        }
    }

    /// The time-of-day windows a catalog model brings, as the assumptions list them.
    static func recordTimeOfDay(_ s: S, _ r: KeyReader, workload: Workload?, values: ValueContext) {
        guard let price = s.catalog, !price.timeOfDay.isEmpty, s.input == nil, s.output == nil, let workload,
              let reference = s.catalog.map(CatalogReference.init) else { return }
        let standard = TokenPrices(input: input.value(s, values) ?? 0, cachedInput: cachedInput.value(s, values) ?? 0, output: output.value(s, values) ?? 0)
        let weighted = TimeOfDayWeighting.weighted(standard, windows: price.timeOfDay.map { $0.converted(values) }, loadShape: workload.loadShape)
        r.assume("time_of_day", "\(price.timeOfDay.count) window(s) weighted by the load shape: input \(NumberBounds.format(weighted.input)), output \(NumberBounds.format(weighted.output))",
                 values.noted(reference).source, isMoney: true)
    }
}

extension APIPriceSettings {
    /// The written tiers as the list key reads them (absent: none written).
    var longContextTiers: [LongContextTierSettings] {
        get { longContext ?? [] }
        set { longContext = newValue }
    }
}
