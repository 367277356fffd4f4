/// A catalog entry with prices in US dollars. Every amount it holds goes through one map, so the
/// conversion to a scenario's currency and the database's rounding to micro-dollars touch the
/// same fields and forget none.
protocol CatalogPriced {
    /// Where the figures come from; a conversion notes its rate here.
    var source: String { get set }
    /// The entry with every amount x replaced by f(x).
    func mapAmounts(_ f: (Double) -> Double) -> Self
}

extension ModelPrice: CatalogPriced {
    public func mapAmounts(_ f: (Double) -> Double) -> ModelPrice {
        var p = self
        p.inputPerMTok = f(inputPerMTok)
        p.cachedInputPerMTok = cachedInputPerMTok.map(f)
        p.cacheWritePerMTok = cacheWritePerMTok.map(f)
        p.cacheWrite1hPerMTok = cacheWrite1hPerMTok.map(f)
        p.outputPerMTok = f(outputPerMTok)
        p.batchInputPerMTok = batchInputPerMTok.map(f)
        p.batchOutputPerMTok = batchOutputPerMTok.map(f)
        p.batchCachedInputPerMTok = batchCachedInputPerMTok.map(f)
        p.batchCacheWritePerMTok = batchCacheWritePerMTok.map(f)
        p.batchCacheWrite1hPerMTok = batchCacheWrite1hPerMTok.map(f)
        p.perRequest = perRequest.map(f)
        p.longContext = longContext.map { t in
            LongContextTier(aboveInputTokens: t.aboveInputTokens, inputPerMTok: f(t.inputPerMTok), outputPerMTok: f(t.outputPerMTok),
                            cachedInputPerMTok: t.cachedInputPerMTok.map(f), cacheWritePerMTok: t.cacheWritePerMTok.map(f),
                            cacheWrite1hPerMTok: t.cacheWrite1hPerMTok.map(f))
        }
        p.serviceTiers = serviceTiers.map { s in
            ServiceTierPrice(tier: s.tier, inputPerMTok: f(s.inputPerMTok), cachedInputPerMTok: s.cachedInputPerMTok.map(f),
                             cacheWritePerMTok: s.cacheWritePerMTok.map(f), outputPerMTok: f(s.outputPerMTok))
        }
        p.timeOfDay = timeOfDay.map { w in
            var w = w
            w.inputPerMTok = f(w.inputPerMTok)
            w.cachedInputPerMTok = w.cachedInputPerMTok.map(f)
            w.outputPerMTok = f(w.outputPerMTok)
            return w
        }
        return p
    }
}

extension CatalogPriced {
    /// The entry with its one amount at `path` replaced by f(amount).
    func mapping(_ path: WritableKeyPath<Self, Double>, _ f: (Double) -> Double) -> Self {
        var entry = self
        entry[keyPath: path] = f(entry[keyPath: path])
        return entry
    }
}

extension GPUOffer: CatalogPriced {
    public func mapAmounts(_ f: (Double) -> Double) -> GPUOffer { mapping(\.hourly, f) }
}

extension HardwareSpec: CatalogPriced {
    public func mapAmounts(_ f: (Double) -> Double) -> HardwareSpec { mapping(\.price, f) }
}

extension SubscriptionPlan: CatalogPriced {
    public func mapAmounts(_ f: (Double) -> Double) -> SubscriptionPlan { mapping(\.monthlyFee, f) }
}
