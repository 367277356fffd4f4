/// `provisioned`: reserved model capacity bought from an API provider (Azure OpenAI provisioned
/// throughput units, OpenAI Scale Tier, Amazon Bedrock provisioned throughput). Units are
/// fixed, or sized for each month's peak hour like rented GPUs; each gives a stated number of
/// tokens a minute (the provider's output weighting applied); what they cannot serve in busy
/// hours overflows to an `api` option or stays unmet. Prices and capacities come from a catalog
/// offer or are written, key by key.
enum ProvisionedOption: OptionDeclaration {
    struct Settings: OverheadSettings {
        var offerID: String?
        var units: Int?
        var unitPricePerHour: Double?
        var unitPricePerMonth: Double?
        var termMonths: Int?
        var inputTokensPerMinute: Double?
        var outputTokensPerMinute: Double?
        var outputTokenWeight: Double?
        var cachedInputWeight: Double?
        var minUnits: Int?
        var unitIncrement: Int?
        var outputUnits: Int?
        var outputPricePerHour: Double?
        var outputPricePerMonth: Double?
        var minOutputUnits: Int?
        var maxUtilization: Double?
        var overflow: String?
        var priceChangePerYear: Double?
        var oneTime: [String: Double] = [:]
        var monthlyFixed: [String: Double] = [:]
        /// Resolved: the catalog offer in effect on `as_of`, in US dollars.
        var offer: CatalogOffer?
    }

    static let kind = OptionKind.provisioned
    static let doc = "Reserved model capacity bought from an API provider, sized for the peak hour."
    static let provisionsCapacity = true

    /// A key's value in the catalog offer, under the key's own name.
    private static func fromOffer(_ name: String, money: Bool) -> CatalogField<Settings> {
        CatalogField(value: { $0.pointee.offer?.values[name] },
                     reference: { $0.offer.map { CatalogReference(id: $0.id, effectiveFrom: $0.effectiveFrom, reference: $0.source) } },
                     isMoney: money)
    }

    static let unitsDoc = KeyDoc("Provisioned units", .count("units"), "Units held (min_units, or a multiple of unit_increment above it), or \"auto\" to hold what each month's peak hour needs.")
    static let units = Key<Settings>.unitsOrAuto("units", \.units, max: 1_000_000, unitsDoc)
    static let perHour = NumberKey<Settings, Double>("unit_price_per_hour", \.unitPricePerHour, SharedKeys.money(1e5),
                                                      catalog: fromOffer("unit_price_per_hour", money: true), KeyDoc(
        "Price per unit-hour", .money(per: "unit-hour"), "Price of one unit for an hour (hourly provisioning)."))
    static let perMonth = NumberKey<Settings, Double>("unit_price_per_month", \.unitPricePerMonth, SharedKeys.money(1e7),
                                                       catalog: fromOffer("unit_price_per_month", money: true), KeyDoc(
        "Price per unit-month", .money(per: "unit-month"), "Price of one unit for a month (a reservation)."))
    static let term = NumberKey<Settings, Int>("term_months", \.termMonths, .atLeast(1, atMost: 120), default: .value(1),
                                               catalog: fromOffer("term_months", money: false), KeyDoc(
        "Commitment term", .count("months"),
        "Months each purchase of units is committed for: it is paid to the end of its term at the price of the month it was bought."))
    static let inputRate = NumberKey<Settings, Double>("input_tokens_per_minute_per_unit", \.inputTokensPerMinute, .atLeast(1, atMost: 1e9),
                                                        catalog: fromOffer("input_tokens_per_minute_per_unit", money: false), KeyDoc(
        "Input capacity per unit", .quantity("input tokens a minute"),
        "Input tokens a minute one unit serves (output and cached tokens counted at their weights)."))
    static let outputRate = NumberKey<Settings, Double>("output_tokens_per_minute_per_unit", \.outputTokensPerMinute, .atLeast(1, atMost: 1e9),
                                                         catalog: fromOffer("output_tokens_per_minute_per_unit", money: false), KeyDoc(
        "Output capacity per unit", .quantity("output tokens a minute"), "A separate limit on output tokens a minute per unit, where the provider has one."))
    static let outputWeight = NumberKey<Settings, Double>("output_token_weight", \.outputTokenWeight, .atLeast(0, atMost: 100), default: .value(1),
                                                           catalog: fromOffer("output_token_weight", money: false), KeyDoc(
        "Output token weight", .plain, "Input tokens of capacity one output token takes (Azure counts gpt-4o output 4×)."))
    static let cachedWeight = NumberKey<Settings, Double>("cached_input_weight", \.cachedInputWeight, .share, default: .value(1),
                                                           catalog: fromOffer("cached_input_weight", money: false), KeyDoc(
        "Cached input weight", .share, "Share of a cached input token's capacity a unit spends on it (0: cached tokens are free)."))
    static let minUnits = NumberKey<Settings, Int>("min_units", \.minUnits, .atLeast(1, atMost: 1_000_000), default: .value(1),
                                                   catalog: fromOffer("min_units", money: false), KeyDoc(
        "Minimum units", .count("units"), "Fewest units a deployment takes."))
    static let increment = NumberKey<Settings, Int>("unit_increment", \.unitIncrement, .atLeast(1, atMost: 1_000_000), default: .value(1),
                                                    catalog: fromOffer("unit_increment", money: false), KeyDoc(
        "Unit increment", .count("units"), "Units are bought in multiples of this."))
    static let outputUnitsDoc = KeyDoc("Output units", .count("units"),
                                       "Output units held, or \"auto\", where output capacity is sold apart from input capacity.")
    static let outputUnits: Key<Settings> = {
        var key = Key<Settings>.unitsOrAuto("output_units", \.outputUnits, max: 1_000_000, outputUnitsDoc)
        let record = key.record
        key.record = { s, r, c in if separateOutput(s, c) { record(s, r, c) } }
        return key
    }()
    static let outputPerHour = NumberKey<Settings, Double>("output_unit_price_per_hour", \.outputPricePerHour, SharedKeys.money(1e5),
                                                            catalog: fromOffer("output_unit_price_per_hour", money: true), KeyDoc(
        "Price per output unit-hour", .money(per: "output unit-hour"),
        "Price of one output unit for an hour, where output capacity is sold apart (OpenAI Scale Tier, Bedrock's reserved tier)."))
    static let outputPerMonth = NumberKey<Settings, Double>("output_unit_price_per_month", \.outputPricePerMonth, SharedKeys.money(1e7),
                                                             catalog: fromOffer("output_unit_price_per_month", money: true), KeyDoc(
        "Price per output unit-month", .money(per: "output unit-month"), "Price of one output unit for a month, where output capacity is sold apart."))
    static let minOutputUnits = NumberKey<Settings, Int>("min_output_units", \.minOutputUnits, .atLeast(1, atMost: 1_000_000), default: .value(1),
                                                         catalog: fromOffer("min_output_units", money: false), KeyDoc(
        "Minimum output units", .count("units"), "Fewest output units a deployment takes, where output capacity is sold apart."))

    private static func onlyWithSeparateOutput(_ key: Key<Settings>) -> Key<Settings> {
        var key = key
        let record = key.record
        key.record = { s, r, c in if separateOutput(s, c) { record(s, r, c) } }
        return key
    }

    /// Where the unit price is the offer's, the term must be the one the offer is sold for.
    static func offerTerm(_ s: Settings, months: Int) -> String? {
        guard let offer = s.offer, s.unitPricePerHour == nil, s.unitPricePerMonth == nil,
              let sold = offer.values["term_months"].flatMap({ Int(exactly: $0) }), months != sold else { return nil }
        let price = offer.values["unit_price_per_month"] != nil ? "unit_price_per_month" : "unit_price_per_hour"
        return SoldTerm.expectation(months, terms: ["\(sold) (\(offer.id))"], price: price)
    }

    /// Output capacity has a price of its own: it is bought in units apart from input capacity.
    static func separateOutput(_ s: Settings, _ v: ValueContext) -> Bool {
        outputPerHour.value(s, v) != nil || outputPerMonth.value(s, v) != nil
    }

    static let maxUtilization = NumberKey<Settings, Double>("max_utilization", \.maxUtilization, .atLeast(0.01, atMost: 1), default: .value(1), KeyDoc(
        "Highest planned utilization", .share, "Share of the units' stated capacity the sizing may plan to use in the peak hour."))
    static let overflow = SharedKeys.overflow(
        \Settings.overflow, "The id of an api option that serves what the units cannot, or \"unmet\".")
    static let priceChange = NumberKey<Settings, Double>("price_change_per_year", \.priceChangePerYear, SharedKeys.trend, default: .value(0), KeyDoc(
        "Provisioned price change per year", .trend, "Yearly trend of the unit price."))

    static let keys: [Key<Settings>] = [
        TextKey("offer", \Settings.offerID, recorded: false, KeyDoc(
            "Catalog offer", .text, "A catalog offer (azure/gpt-4o/global/monthly): its prices, capacity and unit rules.")).key,
        units, perHour.key, perMonth.key, term.key, inputRate.key, outputRate.key, outputWeight.key, cachedWeight.key,
        minUnits.key, increment.key, outputUnits, outputPerHour.key, outputPerMonth.key, onlyWithSeparateOutput(minOutputUnits.key),
        maxUtilization.key, overflow.key, priceChange.key,
        SharedKeys.oneTime(\Settings.oneTime), SharedKeys.monthlyFixed(\Settings.monthlyFixed),
    ]

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let catalog = r.context.catalog, asOf = r.context.asOf
        s.offer = r.lookup("offer", kind: "provisioned offer",
                           in: Array(Set(catalog.entries.filter { $0.kind == kind.rawValue }.map(\.id))).sorted(),
                           find: { catalog.entry(kind: kind.rawValue, id: $0, asOf: asOf) })
        let values = ValueContext(conversion: r.context.conversion)
        if r.has("unit_price_per_hour"), r.has("unit_price_per_month") {
            r.error("unit_price_per_month", "\"unit_price_per_month\" cannot be given together with \"unit_price_per_hour\"")
        } else if perHour.value(s, values) == nil, perMonth.value(s, values) == nil, !r.has("offer") {
            r.error(nil, "missing required key \"unit_price_per_hour\" or \"unit_price_per_month\" (or a catalog \"offer\")")
        }
        if separateOutput(s, values), outputRate.value(s, values) == nil {
            r.error(nil, "missing required key \"output_tokens_per_minute_per_unit\", which goes with an output unit price")
        }
        if inputRate.value(s, values) == nil, !r.has("offer") {
            r.error(nil, "missing required key \"input_tokens_per_minute_per_unit\" (or a catalog \"offer\")")
        }
        SharedKeys.checkOverflow(s.overflow, r)
        if let written = s.termMonths, let problem = offerTerm(s, months: written) { r.error("term_months", problem) }
        // Units held are a deployment the provider sells; a smaller one would be priced below what it costs.
        if let units = s.units {
            let least = minUnits.value(s, values) ?? 1, step = increment.value(s, values) ?? 1
            r.check([FigureOrder("min_units", Double(least), atMost: "units", Double(units), blamingHigh: true)])
            if units > least, !ProvisionedTerms.sells(units, minUnits: least, increment: step) {
                r.error("units", ProvisionedTerms.unsold(units, minUnits: least, increment: step))
            }
        }
        if let units = s.outputUnits, separateOutput(s, values) {
            r.check([ProvisionedTerms.outputMinimum(units, minUnits: minOutputUnits.value(s, values) ?? 1)])
        }
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        let v = c.values
        // A price per hour written wins over the offer's price per month, and the other way round.
        let monthly = s.pointee.unitPricePerMonth != nil || (s.pointee.unitPricePerHour == nil && perHour.value(s, v) == nil)
        let terms = ProvisionedTerms(
            units: s.pointee.units, unitPrice: (monthly ? perMonth.value(s, v) : perHour.value(s, v)) ?? 0, pricedPerMonth: monthly,
            termMonths: term.value(s, v) ?? 1, inputTokensPerMinute: inputRate.value(s, v) ?? 1,
            outputTokensPerMinute: outputRate.value(s, v), outputTokenWeight: outputWeight.value(s, v) ?? 1,
            cachedInputWeight: cachedWeight.value(s, v) ?? 1, minUnits: minUnits.value(s, v) ?? 1,
            unitIncrement: increment.value(s, v) ?? 1,
            outputUnits: separateOutput(s.pointee, v) ? ProvisionedTerms.OutputUnits(
                units: s.pointee.outputUnits, unitPrice: (monthly ? outputPerMonth.value(s, v) : outputPerHour.value(s, v)) ?? 0,
                minUnits: minOutputUnits.value(s, v) ?? 1) : nil,
            maxUtilization: maxUtilization.value(s, v) ?? 1,
            overflowOptionID: SharedKeys.overflowOptionID(s.pointee.overflow), priceChangePerYear: priceChange.value(s, v) ?? 0,
            overheads: SharedKeys.overheads(s))
        // Resolution checked the written units and term; a trial or a sweep point may draw others.
        if let problem = offerTerm(s.pointee, months: terms.termMonths) { throw LoweringFailure(message: "term_months: " + problem) }
        if let units = terms.units, !ProvisionedTerms.sells(units, minUnits: terms.minUnits, increment: terms.unitIncrement) {
            throw LoweringFailure(message: "units: " + ProvisionedTerms.unsold(units, minUnits: terms.minUnits, increment: terms.unitIncrement)
                                  + " (the provider sells only these counts: draw units with choice, or sweep them in steps of unit_increment)")
        }
        if let output = terms.outputUnits, let units = output.units {
            let minimum = ProvisionedTerms.outputMinimum(units, minUnits: output.minUnits)
            if !minimum.holds { throw LoweringFailure(message: "output_units: " + minimum.expectation(at: "output_units")) }
        }
        return LoweredOption(.single(terms))
    }
}
