/// An `api` option's `prices`: written, or its catalog model's, key by key.
struct APIPriceSettings: KeySettings {
    var input: Double?
    var output: Double?
    var cachedInput: Double?
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
}

/// The keys of `prices`, and how they become the price tiers an API bills by.
enum APIPrices {
    typealias S = APIPriceSettings
    static let ceiling = 1e4

    private static func fromModel(_ value: @escaping @Sendable (ModelPrice) -> Double?) -> CatalogField<S> {
        CatalogField(value: { $0.catalog.flatMap(value) }, reference: { $0.catalog.map(CatalogReference.init) }, isMoney: true)
    }

    static let input = NumberKey<S, Double>("input_per_mtok", \.input, SharedKeys.money(ceiling), catalog: fromModel { $0.inputPerMTok }, KeyDoc(
        "Input price", .money(per: "million input tokens"), "Price per million input tokens (required without a catalog model)."))
    static let output = NumberKey<S, Double>("output_per_mtok", \.output, SharedKeys.money(ceiling), catalog: fromModel { $0.outputPerMTok }, KeyDoc(
        "Output price", .money(per: "million output tokens"), "Price per million output tokens (required without a catalog model)."))
    static let cachedInput = NumberKey<S, Double>(
        "cached_input_per_mtok", \.cachedInput, SharedKeys.money(ceiling),
        default: .rule("the input price", { s, c in input.value(s, c).map { ($0, "the input price") } }),
        catalog: fromModel { $0.cachedInputPerMTok }, KeyDoc(
            "Cached input price", .money(per: "million cached input tokens"),
            "Price per million cached (cache-read) input tokens."))
    static let batchDiscount = NumberKey<S, Double>("batch_discount", \.batchDiscount, .share, default: .value(0), KeyDoc(
        "Batch discount", .share,
        "Discount on batch traffic, 0 to 1 (0.5 for the usual batch APIs); a catalog model's batch prices apply when it is not given."))
    static let perRequest = NumberKey<S, Double>("per_request", \.perRequest, SharedKeys.money(1000), default: .value(0),
                                                 catalog: fromModel { $0.perRequest }, KeyDoc(
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

    static let longContext = ListKey<S, LongContextTierSettings>(
        "long_context", \.longContextTiers, [tierThreshold.key, tierInput.key, tierOutput.key, tierCached.key], count: 0...20,
        elementName: { _, i in String(i) }, KeyDoc(
            "Long-context prices", .text, "Long-context cliffs: prices for requests whose prompt exceeds a threshold."))

    /// `prices` in the option, with the records the catalog adds: its batch prices and tiers.
    static func key<Option>(_ path: SettingPath<Option, S>) -> Key<Option> {
        var batch = batchDiscount.key
        batch.record = { s, r, c in
            guard !r.has("batch_discount"), let price = s.catalog, price.batchInputPerMTok != nil,
                  let reference = s.catalog.map(CatalogReference.init) else { return batchDiscount.key.record(s, r, c) }
            r.assume("batch", "input \(NumberBounds.format(c.money(price.batchInputPerMTok ?? price.inputPerMTok))), output \(NumberBounds.format(c.money(price.batchOutputPerMTok ?? price.outputPerMTok))) per Mtok",
                     c.noted(reference).source, isMoney: true)
        }
        var tiers = longContext.key(names: { s in (s.longContext ?? []).indices.map(String.init) })
        tiers.record = { s, r, c in
            if r.has("long_context") { return longContext.key.record(s, r, c) }
            guard let price = s.catalog, !price.longContext.isEmpty, let reference = s.catalog.map(CatalogReference.init) else {
                return r.assume("long_context", "[]", .defaultValue)
            }
            for tier in price.longContext {
                r.assume("long_context.above_\(tier.aboveInputTokens)",
                         "input \(NumberBounds.format(c.money(tier.inputPerMTok))), output \(NumberBounds.format(c.money(tier.outputPerMTok))) per Mtok",
                         c.noted(reference).source, isMoney: true)
            }
        }
        tiers.field.defaultJSON = "[]"
        let keys = [input.key, output.key, cachedInput.key, batch, tiers, perRequest.key]
        return ObjectKey("prices", path, keys, whenAbsent: .keys, KeyDoc(
            "Prices", .text, "Per-million-token prices (required without a catalog model).")).key
    }

    /// The base tier (threshold 0), then the long-context tiers by rising threshold, each with
    /// what batch traffic pays.
    static func tiers(_ s: S, _ c: LowerContext) -> [PriceTier] {
        let v = c.values
        var standard = TokenPrices(input: input.value(s, v) ?? 0, cachedInput: cachedInput.value(s, v) ?? 0, output: output.value(s, v) ?? 0)
        if let price = s.catalog, !price.timeOfDay.isEmpty, s.input == nil, s.output == nil {
            // Time-of-day prices, weighted by the share of the day's load in each window.
            standard = TimeOfDayWeighting.weighted(standard, windows: price.timeOfDay.map { $0.converted(v) }, loadShape: c.workload.loadShape)
        }
        let batchOf = batchPrices(s, v)
        var tiers = [PriceTier(aboveInputTokens: 0, standard: standard, batch: batchOf(standard))]
        if let written = s.longContext {
            for t in written {
                let tierInput = t.input ?? 0
                let prices = TokenPrices(input: tierInput, cachedInput: t.cachedInput ?? tierInput, output: t.output ?? 0)
                tiers.append(PriceTier(aboveInputTokens: t.aboveInputTokens ?? 0, standard: prices, batch: batchOf(prices)))
            }
        } else if let price = s.catalog {
            for tier in price.longContext {
                let tierInput = v.money(tier.inputPerMTok)
                let prices = TokenPrices(input: tierInput, cachedInput: tier.cachedInputPerMTok.map(v.money) ?? tierInput,
                                         output: v.money(tier.outputPerMTok))
                tiers.append(PriceTier(aboveInputTokens: tier.aboveInputTokens, standard: prices, batch: batchOf(prices)))
            }
        }
        tiers.sort { $0.aboveInputTokens < $1.aboveInputTokens }
        return tiers
    }

    /// Batch traffic: an inline discount on every price, else the catalog's batch prices
    /// (LiteLLM's batch cost: the batch input price on every input token, cached or not).
    private static func batchPrices(_ s: S, _ v: ValueContext) -> @Sendable (TokenPrices) -> TokenPrices {
        guard s.batchDiscount == nil, let price = s.catalog, let batchInput = price.batchInputPerMTok else {
            let factor = 1 - (batchDiscount.value(s, v) ?? 0)
            return { $0.scaled(by: factor) }
        }
        let inputRatio = v.money(batchInput) / max(v.money(price.inputPerMTok), 1e-12)
        let outputRatio = v.money(price.batchOutputPerMTok ?? price.outputPerMTok) / max(v.money(price.outputPerMTok), 1e-12)
        return { TokenPrices(input: $0.input * inputRatio, cachedInput: $0.input * inputRatio, output: $0.output * outputRatio) }
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
