import BreakevenCore

extension CatalogSnapshot {
    /// The snapshot as the database would hand it back: money rounded to micro-USD, parameter
    /// counts to whole numbers, tiers and windows in order, rows sorted by id then date.
    /// `CatalogStore.seed()` and `CatalogStore.snapshot()` both return this form, so a seed read
    /// directly equals the same seed read back from a database (and has the same fingerprint).
    func canonical() -> CatalogSnapshot {
        CatalogSnapshot(
            modelPrices: modelPrices.map { $0.canonical() }.sorted { ($0.id, $0.effectiveFrom) < ($1.id, $1.effectiveFrom) },
            gpus: gpus.sorted { $0.id < $1.id },
            gpuOffers: gpuOffers.map { $0.mapAmounts(MicroUSD.rounded) }.sorted { ($0.id, $0.effectiveFrom) < ($1.id, $1.effectiveFrom) },
            openModels: openModels.map {
                var model = $0
                model.totalParameters = model.totalParameters.rounded()
                model.activeParameters = model.activeParameters.rounded()
                return model
            }.sorted { $0.id < $1.id },
            hardware: hardware.map { $0.mapAmounts(MicroUSD.rounded) }.sorted { ($0.id, $0.effectiveFrom) < ($1.id, $1.effectiveFrom) },
            plans: plans.map { $0.mapAmounts(MicroUSD.rounded) }.sorted { ($0.id, $0.effectiveFrom) < ($1.id, $1.effectiveFrom) },
            entries: entries.sorted { ($0.kind, $0.id, $0.effectiveFrom) < ($1.kind, $1.id, $1.effectiveFrom) },
            calibrations: calibrations.map { $0.sorted { $0.name < $1.name } })
    }
}

extension ModelPrice {
    /// Money rounded to micro-USD, tiers by threshold, windows by start, service tiers by name,
    /// on-the-hour minutes as nil.
    func canonical() -> ModelPrice {
        var price = mapAmounts(MicroUSD.rounded)
        price.longContext.sort { $0.aboveInputTokens < $1.aboveInputTokens }
        price.timeOfDay = price.timeOfDay.map {
            TimeOfDayPrice(minutes: $0.startMinuteOfDay, to: $0.endMinuteOfDay, inputPerMTok: $0.inputPerMTok,
                           cachedInputPerMTok: $0.cachedInputPerMTok, outputPerMTok: $0.outputPerMTok)
        }.sorted { $0.startMinuteOfDay < $1.startMinuteOfDay }
        price.serviceTiers.sort { $0.tier < $1.tier }
        return price
    }

    /// Same prices, whatever the date, the source, the context window and the bookkeeping (when
    /// seen, from where, how dated) say: what decides whether an import changes a row's prices.
    func hasSamePrices(as other: ModelPrice) -> Bool {
        var a = canonical(), b = other.canonical()
        a.effectiveFrom = b.effectiveFrom
        a.source = b.source
        a.contextWindow = b.contextWindow
        a.observedOn = b.observedOn
        a.origin = b.origin
        a.dating = b.dating
        a.supplement = b.supplement
        return a == b
    }
}
