/// The catalog's prices in a scenario's currency. The catalog is in US dollars (LiteLLM's and
/// genai-prices' files, providers' list prices); a scenario counted in euros converts each
/// entry it takes, as it takes it, at its `usd_rate`. Quantities (watts, requests, specs) stay
/// as they are, and each converted entry's source says at what rate.
struct CatalogConversion {
    let rate: Double
    /// Appended to each converted entry's source.
    let note: String

    init(perUSD rate: Double, into code: String) {
        self.rate = rate
        note = " (× \(NumberBounds.format(rate)) \(code) per USD)"
    }

    /// x × rate, kept to a billionth of a unit as the catalog keeps micro-dollars: 1.04 × 0.92 is
    /// 0.9568, not 0.9568000000000001.
    func amount(_ x: Double) -> Double {
        (x * rate * 1e9).rounded() / 1e9
    }

    func callAsFunction(_ price: ModelPrice) -> ModelPrice {
        var p = price
        p.inputPerMTok = amount(p.inputPerMTok)
        p.cachedInputPerMTok = p.cachedInputPerMTok.map(amount)
        p.cacheWritePerMTok = p.cacheWritePerMTok.map(amount)
        p.cacheWrite1hPerMTok = p.cacheWrite1hPerMTok.map(amount)
        p.outputPerMTok = amount(p.outputPerMTok)
        p.batchInputPerMTok = p.batchInputPerMTok.map(amount)
        p.batchOutputPerMTok = p.batchOutputPerMTok.map(amount)
        p.batchCachedInputPerMTok = p.batchCachedInputPerMTok.map(amount)
        p.batchCacheWritePerMTok = p.batchCacheWritePerMTok.map(amount)
        p.batchCacheWrite1hPerMTok = p.batchCacheWrite1hPerMTok.map(amount)
        p.perRequest = p.perRequest.map(amount)
        p.longContext = p.longContext.map { t in
            var t = t
            t.inputPerMTok = amount(t.inputPerMTok)
            t.outputPerMTok = amount(t.outputPerMTok)
            t.cachedInputPerMTok = t.cachedInputPerMTok.map(amount)
            t.cacheWritePerMTok = t.cacheWritePerMTok.map(amount)
            t.cacheWrite1hPerMTok = t.cacheWrite1hPerMTok.map(amount)
            return t
        }
        p.serviceTiers = p.serviceTiers.map { s in
            var s = s
            s.inputPerMTok = amount(s.inputPerMTok)
            s.outputPerMTok = amount(s.outputPerMTok)
            s.cachedInputPerMTok = s.cachedInputPerMTok.map(amount)
            s.cacheWritePerMTok = s.cacheWritePerMTok.map(amount)
            return s
        }
        p.timeOfDay = p.timeOfDay.map { w in
            var w = w
            w.inputPerMTok = amount(w.inputPerMTok)
            w.outputPerMTok = amount(w.outputPerMTok)
            w.cachedInputPerMTok = w.cachedInputPerMTok.map(amount)
            return w
        }
        p.source += note
        return p
    }

    func callAsFunction(_ offer: GPUOffer) -> GPUOffer {
        var o = offer
        o.hourly = amount(o.hourly)
        o.source += note
        return o
    }

    func callAsFunction(_ machine: HardwareSpec) -> HardwareSpec {
        var h = machine
        h.price = amount(h.price)
        h.source += note
        return h
    }

    func callAsFunction(_ plan: SubscriptionPlan) -> SubscriptionPlan {
        var p = plan
        p.monthlyFee = amount(p.monthlyFee)
        p.source += note
        return p
    }
}
