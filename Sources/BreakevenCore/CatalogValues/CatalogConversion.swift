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

    /// The entry with every price converted, its source noting the rate.
    func callAsFunction<Entry: CatalogPriced>(_ entry: Entry) -> Entry {
        var converted = entry.mapAmounts(amount)
        converted.source += note
        return converted
    }
}
