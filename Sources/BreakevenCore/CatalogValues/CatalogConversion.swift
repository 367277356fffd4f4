/// The catalog's prices in a scenario's currency. The catalog is in US dollars (LiteLLM's and
/// genai-prices' files, providers' list prices); a scenario counted in euros converts each
/// entry it takes, as it takes it, at its `usd_rate`. Quantities (watts, requests, specs) stay
/// as they are, and each converted entry's source says at what rate.
struct CatalogConversion {
    /// Units of the scenario's currency per US dollar.
    let perUSD: Double
    /// The scenario's currency code.
    let currency: String

    /// Appended to each converted entry's source. Worked out where a source is written, not when
    /// the conversion is made: every trial of a scenario in another currency makes one, and
    /// formatting the rate cost 3% of eu-contract-review's trials (callgrind).
    var note: String { " (× \(NumberBounds.format(perUSD)) \(currency) per USD)" }

    /// x × rate, kept to a billionth of a unit as the catalog keeps micro-dollars: 1.04 × 0.92 is
    /// 0.9568, not 0.9568000000000001.
    func amount(_ x: Double) -> Double {
        (x * perUSD * 1e9).rounded() / 1e9
    }

    /// The entry with every price converted, its source noting the rate.
    func callAsFunction<Entry: CatalogPriced>(_ entry: Entry) -> Entry {
        var converted = entry.mapAmounts(amount)
        converted.source += note
        return converted
    }
}
