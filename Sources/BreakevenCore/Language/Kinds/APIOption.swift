/// `api`: a model behind a pay-per-token API, closed or a hosted open model. Prices are written,
/// or taken from a catalog model key by key (inline prices override the catalog's).
enum APIOption: OptionDeclaration {
    struct Settings: OverheadSettings, MultipliedSettings {
        var model: String?
        var serviceTier: String?
        var prices = APIPriceSettings()
        var priceChangePerYear: Double?
        var outputTokenMultiplier: Double?
        var discount: Double?
        var minimumMonthly: Double?
        var oneTime: [String: Double] = [:]
        var monthlyFixed: [String: Double] = [:]
    }

    static let kind = OptionKind.api
    static let doc = "A model behind a pay-per-token API: closed, or a hosted open model."

    static let model = TextKey<Settings>("model", \.model, recorded: false, KeyDoc(
        "Catalog model", .text, "A catalog model, provider/model (openai/gpt-4o); inline prices override its prices key by key."))
    /// Listed only when written: the standard tier is what every other price means.
    static let serviceTier: Key<Settings> = {
        var key = TextKey<Settings>("service_tier", \.serviceTier, .oneOf(ServiceTierPrice.names), default: "standard", KeyDoc(
            "Service tier", .text, "The catalog model's prices under this service tier (flex, priority, scale where the catalog has them).")).key
        let record = key.record
        key.record = { s, r, c in if r.has("service_tier") { record(s, r, c) } }
        return key
    }()
    static let priceChange = NumberKey<Settings, Double>("price_change_per_year", \.priceChangePerYear, SharedKeys.trend, default: .value(0), KeyDoc(
        "API price change per year", .trend, "Yearly price trend: -0.3 means prices fall 30% a year."))
    static let multiplier = SharedKeys.outputMultiplier(\Settings.outputTokenMultiplier)
    static let discount = NumberKey<Settings, Double>("discount", \.discount, .share, default: .value(0), KeyDoc(
        "Negotiated discount", .share, "Negotiated discount on the whole bill, 0 to 1."))
    static let minimumMonthly = NumberKey<Settings, Double>("minimum_monthly", \.minimumMonthly, SharedKeys.money(1e9), default: .value(0), KeyDoc(
        "Minimum monthly commitment", .money(per: "month"), "Minimum monthly commitment."))

    static let keys: [Key<Settings>] = [
        model.key, serviceTier, APIPrices.key(\Settings.prices), priceChange.key, multiplier.key, discount.key, minimumMonthly.key,
        SharedKeys.oneTime(\Settings.oneTime), SharedKeys.monthlyFixed(\Settings.monthlyFixed),
    ]

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let catalog = r.context.catalog, asOf = r.context.asOf
        s.prices.catalog = r.lookup("model", kind: "model", in: Array(Set(catalog.modelPrices.map(\.id))).sorted(),
                                    find: { catalog.modelPrice($0, asOf: asOf) },
                                    undatedReason: { id in
                                        guard let first = catalog.modelPrices.filter({ $0.id == id }).map(\.effectiveFrom).min() else { return nil }
                                        return "catalog model \"\(id)\" has no price in effect on \(asOf) (its first price takes effect on \(first)); set as_of or give prices"
                                    })
        let tier = s.serviceTier ?? "standard"
        if var price = s.prices.catalog {
            // Rules a provider documents that the price files leave out (CatalogValues/ProviderPriceRule.swift).
            price = ProviderPriceRules.applied(to: price)
            if let tiered = price.inServiceTier(tier) {
                price = tiered
            } else {
                r.error("service_tier", "catalog model \"\(price.id)\" has no \"\(tier)\" prices (it has \(price.serviceTierNames.joined(separator: ", ")))")
            }
            s.prices.catalog = price
            if s.prices.batchDiscount == nil, BatchPricing(price) == nil, (r.context.workload?.batchShare ?? 0) > 0 {
                r.error("model", "catalog model \"\(price.id)\" has no batch price and no provider rule gives one, so batch traffic has no price; give prices.batch_discount (0 if batch requests pay the standard price)")
            }
        } else if tier != "standard", !r.has("model") {
            r.error("service_tier", "service_tier picks a catalog model's tier prices; without a catalog \"model\", write the tier's prices instead")
        }
        guard s.prices.catalog == nil, !r.has("model") else { return }
        if !r.has("prices") { r.error(nil, "missing required key \"prices\" (or a catalog \"model\")") }
        let p = r.nested("prices")
        for key in ["input_per_mtok", "output_per_mtok"] where p.isPresent && !p.has(key) {
            p.error(nil, "missing required key \"\(key)\" (or a catalog \"model\")")
        }
    }

    static func finish(_ s: Settings, _ r: KeyReader) {
        APIPrices.recordTimeOfDay(s.prices, r.nested("prices"), workload: r.context.workload, values: ValueContext(conversion: r.context.conversion))
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        guard let prices = pricesField.address(in: s) else {
            return try withUnsafePointer(to: s.pointee.prices) { prices throws(LoweringFailure) in try lower(s, prices, c) }
        }
        return try lower(s, prices, c)
    }

    /// Where the prices lie in the settings: lowered in place too.
    private static let pricesField = FieldAccess(\Settings.prices)

    private static func lower(_ s: UnsafePointer<Settings>, _ prices: UnsafePointer<APIPriceSettings>,
                              _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        let v = c.values
        return LoweredOption(.single(APIPricing(
            tiers: APIPrices.tiers(prices, c), perRequest: APIPrices.perRequest.value(prices, v) ?? 0,
            priceChangePerYear: priceChange.value(s, v) ?? 0, outputTokenMultiplier: multiplier.value(s, v) ?? 1,
            discount: discount.value(s, v) ?? 0, minimumMonthly: minimumMonthly.value(s, v) ?? 0,
            overheads: SharedKeys.overheads(s))))
    }
}
