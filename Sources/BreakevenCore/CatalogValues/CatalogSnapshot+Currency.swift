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
        c.modelPrices = changing(modelPrices) { p in
            p.inputPerMTok *= rate
            p.cachedInputPerMTok = p.cachedInputPerMTok.map { $0 * rate }
            p.cacheWritePerMTok = p.cacheWritePerMTok.map { $0 * rate }
            p.outputPerMTok *= rate
            p.batchInputPerMTok = p.batchInputPerMTok.map { $0 * rate }
            p.batchOutputPerMTok = p.batchOutputPerMTok.map { $0 * rate }
            p.perRequest = p.perRequest.map { $0 * rate }
            p.longContext = changing(p.longContext) { t in
                t.inputPerMTok *= rate
                t.outputPerMTok *= rate
                t.cachedInputPerMTok = t.cachedInputPerMTok.map { $0 * rate }
            }
            p.timeOfDay = changing(p.timeOfDay) { w in
                w.inputPerMTok *= rate
                w.outputPerMTok *= rate
                w.cachedInputPerMTok = w.cachedInputPerMTok.map { $0 * rate }
            }
            p.source += note
        }
        c.gpuOffers = changing(gpuOffers) { $0.hourly *= rate; $0.source += note }
        c.hardware = changing(hardware) { $0.price *= rate; $0.source += note }
        c.plans = changing(plans) { $0.monthlyFee *= rate; $0.source += note }
        return c
    }

    /// Every element, changed by `change`.
    private func changing<T>(_ items: [T], _ change: (inout T) -> Void) -> [T] {
        items.map { item in
            var item = item
            change(&item)
            return item
        }
    }

    /// Multiplying by the rate, rounded to 1e-9.
    private struct Conversion {
        let rate: Double
        init(_ rate: Double) { self.rate = rate }
        static func * (x: Double, c: Conversion) -> Double { (x * c.rate * 1e9).rounded() / 1e9 }
        static func *= (x: inout Double, c: Conversion) { x = x * c }
    }
}
