import Foundation

extension CatalogSnapshot {
    /// The catalog with every price in another currency: the catalog's prices are US dollars
    /// (LiteLLM's and genai-prices' files, providers' list prices), so a scenario counted in
    /// euros takes them × its `usd_rate`. Quantities (watts, requests, specs) are left alone;
    /// each converted entry's source says at what rate.
    func converted(perUSD usdRate: Double, into code: String) -> CatalogSnapshot {
        var c = self
        let note = " (× \(NumberBounds.format(usdRate)) \(code) per USD)"
        // Kept to a billionth of a unit, as the catalog keeps micro-dollars: 1.04 × 0.92 is 0.9568,
        // not 0.9568000000000001.
        let rate = Conversion(usdRate)
        c.modelPrices = modelPrices.map { p in
            var p = p
            p.inputPerMTok *= rate
            p.cachedInputPerMTok = p.cachedInputPerMTok.map { $0 * rate }
            p.cacheWritePerMTok = p.cacheWritePerMTok.map { $0 * rate }
            p.outputPerMTok *= rate
            p.batchInputPerMTok = p.batchInputPerMTok.map { $0 * rate }
            p.batchOutputPerMTok = p.batchOutputPerMTok.map { $0 * rate }
            p.perRequest = p.perRequest.map { $0 * rate }
            p.longContext = p.longContext.map { t in
                var t = t
                t.inputPerMTok *= rate
                t.outputPerMTok *= rate
                t.cachedInputPerMTok = t.cachedInputPerMTok.map { $0 * rate }
                return t
            }
            p.timeOfDay = p.timeOfDay.map { w in
                var w = w
                w.inputPerMTok *= rate
                w.outputPerMTok *= rate
                w.cachedInputPerMTok = w.cachedInputPerMTok.map { $0 * rate }
                return w
            }
            p.source += note
            return p
        }
        c.gpuOffers = gpuOffers.map { o in
            var o = o
            o.hourly *= rate
            o.source += note
            return o
        }
        c.hardware = hardware.map { h in
            var h = h
            h.price *= rate
            h.source += note
            return h
        }
        c.plans = plans.map { p in
            var p = p
            p.monthlyFee *= rate
            p.source += note
            return p
        }
        return c
    }

    /// Multiplying by the rate, rounded to 1e-9.
    private struct Conversion {
        let rate: Double
        init(_ rate: Double) { self.rate = rate }
        static func * (x: Double, c: Conversion) -> Double { (x * c.rate * 1e9).rounded() / 1e9 }
        static func *= (x: inout Double, c: Conversion) { x = x * c }
    }
}
