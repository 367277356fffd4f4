import BreakevenCore

// A model price and its rows: `model_price`, with its long-context tiers, time-of-day windows and
// service tiers as child rows. Values → rows checks money (never negative, finite, storable);
// rows → values turns micro-USD back into Double USD.

extension ModelPrice {
    /// The money checker of one price: names the entry and the field of a value it cannot store.
    private struct Money {
        let entry: String

        func callAsFunction(_ field: String, _ usd: Double) throws -> Int64 {
            guard let micros = MicroUSD.from(usd) else { throw CatalogError.invalidAmount(entry: entry, field: field, value: usd) }
            return micros
        }

        func callAsFunction(_ field: String, _ usd: Double?) throws -> Int64? {
            try usd.map { try self(field, $0) }
        }
    }

    private var money: Money { Money(entry: "model \(id) from \(effectiveFrom)") }

    func record() throws -> ModelPriceRecord {
        let money = money
        return ModelPriceRecord(
            id: nil, modelID: id, provider: provider, effectiveFrom: effectiveFrom.description,
            inputMicros: try money("input", inputPerMTok),
            cachedInputMicros: try money("cached_input", cachedInputPerMTok),
            cacheWriteMicros: try money("cache_write", cacheWritePerMTok),
            outputMicros: try money("output", outputPerMTok),
            batchInputMicros: try money("batch_input", batchInputPerMTok),
            batchOutputMicros: try money("batch_output", batchOutputPerMTok),
            perRequestMicros: try money("per_request", perRequest),
            contextWindow: contextWindow, source: source,
            cacheWrite1hMicros: try money("cache_write_1h", cacheWrite1hPerMTok),
            batchCachedInputMicros: try money("batch_cached_input", batchCachedInputPerMTok),
            batchCacheWriteMicros: try money("batch_cache_write", batchCacheWritePerMTok),
            batchCacheWrite1hMicros: try money("batch_cache_write_1h", batchCacheWrite1hPerMTok),
            observedOn: observedOn?.description, origin: origin?.rawValue, dating: dating?.rawValue, supplement: supplement)
    }

    func tierRecords(priceID: Int64) throws -> [LongContextTierRecord] {
        let money = money
        return try longContext.map { tier in
            let field = "long_context[>\(tier.aboveInputTokens)]"
            return LongContextTierRecord(priceID: priceID, aboveInputTokens: tier.aboveInputTokens,
                                         inputMicros: try money(field + ".input", tier.inputPerMTok),
                                         outputMicros: try money(field + ".output", tier.outputPerMTok),
                                         cachedInputMicros: try money(field + ".cached_input", tier.cachedInputPerMTok),
                                         cacheWriteMicros: try money(field + ".cache_write", tier.cacheWritePerMTok),
                                         cacheWrite1hMicros: try money(field + ".cache_write_1h", tier.cacheWrite1hPerMTok))
        }
    }

    func timeOfDayRecords(priceID: Int64) throws -> [TimeOfDayPriceRecord] {
        let money = money
        return try timeOfDay.map { window in
            let field = "time_of_day[\(window.startMinuteOfDay)]"
            return TimeOfDayPriceRecord(priceID: priceID, startMinute: window.startMinuteOfDay, endMinute: window.endMinuteOfDay,
                                        inputMicros: try money(field + ".input", window.inputPerMTok),
                                        cachedInputMicros: try money(field + ".cached_input", window.cachedInputPerMTok),
                                        outputMicros: try money(field + ".output", window.outputPerMTok))
        }
    }

    func serviceTierRecords(priceID: Int64) throws -> [ServiceTierPriceRecord] {
        let money = money
        return try serviceTiers.map { tier in
            let field = "service_tier[\(tier.tier)]"
            return ServiceTierPriceRecord(priceID: priceID, tier: tier.tier, inputMicros: try money(field + ".input", tier.inputPerMTok),
                                          cachedInputMicros: try money(field + ".cached_input", tier.cachedInputPerMTok),
                                          cacheWriteMicros: try money(field + ".cache_write", tier.cacheWritePerMTok),
                                          outputMicros: try money(field + ".output", tier.outputPerMTok))
        }
    }

    init(record r: ModelPriceRecord, tiers: [LongContextTierRecord], windows: [TimeOfDayPriceRecord],
         serviceTiers: [ServiceTierPriceRecord]) throws {
        guard let day = CalendarDay(r.effectiveFrom) else {
            throw CatalogError.invalidEntry(entry: "model \(r.modelID)", message: "effective_from is not a YYYY-MM-DD day: \(r.effectiveFrom)")
        }
        let usd = { (micros: Int64?) in micros.map(MicroUSD.usd) }
        self.init(
            id: r.modelID, provider: r.provider, effectiveFrom: day,
            inputPerMTok: MicroUSD.usd(r.inputMicros), cachedInputPerMTok: usd(r.cachedInputMicros),
            cacheWritePerMTok: usd(r.cacheWriteMicros), cacheWrite1hPerMTok: usd(r.cacheWrite1hMicros),
            outputPerMTok: MicroUSD.usd(r.outputMicros),
            batchInputPerMTok: usd(r.batchInputMicros), batchOutputPerMTok: usd(r.batchOutputMicros),
            batchCachedInputPerMTok: usd(r.batchCachedInputMicros), batchCacheWritePerMTok: usd(r.batchCacheWriteMicros),
            batchCacheWrite1hPerMTok: usd(r.batchCacheWrite1hMicros),
            perRequest: usd(r.perRequestMicros),
            longContext: tiers.sorted { $0.aboveInputTokens < $1.aboveInputTokens }.map {
                LongContextTier(aboveInputTokens: $0.aboveInputTokens, inputPerMTok: MicroUSD.usd($0.inputMicros),
                                outputPerMTok: MicroUSD.usd($0.outputMicros), cachedInputPerMTok: usd($0.cachedInputMicros),
                                cacheWritePerMTok: usd($0.cacheWriteMicros), cacheWrite1hPerMTok: usd($0.cacheWrite1hMicros))
            },
            timeOfDay: windows.sorted { $0.startMinute < $1.startMinute }.map {
                TimeOfDayPrice(minutes: $0.startMinute, to: $0.endMinute, inputPerMTok: MicroUSD.usd($0.inputMicros),
                               cachedInputPerMTok: usd($0.cachedInputMicros), outputPerMTok: MicroUSD.usd($0.outputMicros))
            },
            serviceTiers: serviceTiers.sorted { $0.tier < $1.tier }.map {
                ServiceTierPrice(tier: $0.tier, inputPerMTok: MicroUSD.usd($0.inputMicros), cachedInputPerMTok: usd($0.cachedInputMicros),
                                 cacheWritePerMTok: usd($0.cacheWriteMicros), outputPerMTok: MicroUSD.usd($0.outputMicros))
            },
            contextWindow: r.contextWindow, source: r.source, observedOn: r.observedOn.flatMap(CalendarDay.init),
            origin: r.origin.flatMap(PriceOrigin.init(rawValue:)), dating: r.dating.flatMap(PriceDating.init(rawValue:)),
            supplement: r.supplement)
    }
}

extension TimeOfDayPrice {
    var startMinuteOfDay: Int { startHour * 60 + (startMinute ?? 0) }
    var endMinuteOfDay: Int { endHour * 60 + (endMinute ?? 0) }

    /// A window given in minutes after midnight; minutes on the hour are stored as nil.
    init(minutes start: Int, to end: Int, inputPerMTok: Double, cachedInputPerMTok: Double?, outputPerMTok: Double) {
        self.init(startHour: start / 60, endHour: end / 60, inputPerMTok: inputPerMTok, cachedInputPerMTok: cachedInputPerMTok,
                  outputPerMTok: outputPerMTok,
                  startMinute: start % 60 == 0 ? nil : start % 60, endMinute: end % 60 == 0 ? nil : end % 60)
    }
}
