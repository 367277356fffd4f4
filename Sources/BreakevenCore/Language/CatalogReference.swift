/// The catalog entry a value came from, as the report's assumptions name it.
struct CatalogReference: Sendable {
    var id: String
    var effectiveFrom: CalendarDay?
    var reference: String

    var source: Assumption.Source {
        .catalog(id: id, effectiveFrom: effectiveFrom?.description ?? "undated", source: reference)
    }

    init(id: String, effectiveFrom: CalendarDay?, reference: String) {
        self.id = id
        self.effectiveFrom = effectiveFrom
        self.reference = reference
    }

    init(_ price: ModelPrice) { self.init(id: price.id, effectiveFrom: price.effectiveFrom, reference: price.source) }
    init(_ offer: GPUOffer) { self.init(id: offer.id, effectiveFrom: offer.effectiveFrom, reference: offer.source) }
    init(_ machine: HardwareSpec) { self.init(id: machine.id, effectiveFrom: machine.effectiveFrom, reference: machine.source) }
    init(_ plan: SubscriptionPlan) { self.init(id: plan.id, effectiveFrom: plan.effectiveFrom, reference: plan.source) }
}

extension ValueContext {
    /// The reference with the rate its entry's amounts were converted at, when they were.
    func noted(_ reference: CatalogReference) -> CatalogReference {
        guard let conversion else { return reference }
        var noted = reference
        noted.reference += conversion.note
        return noted
    }
}

extension TimeOfDayPrice {
    /// The window's prices in the scenario's currency.
    func converted(_ v: ValueContext) -> TimeOfDayPrice {
        guard v.conversion != nil else { return self }
        var w = self
        w.inputPerMTok = v.money(w.inputPerMTok)
        w.outputPerMTok = v.money(w.outputPerMTok)
        w.cachedInputPerMTok = w.cachedInputPerMTok.map(v.money)
        return w
    }
}
