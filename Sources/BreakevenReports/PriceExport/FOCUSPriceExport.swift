import BreakevenCore

/// A FOCUS-shaped forecast (FinOps Open Cost and Usage Specification 1.2 column names,
/// https://focus.finops.org): per option and month, Usage rows of tokens by direction carrying
/// the month's run-rate cost split by the capacity model's time shares, an Hours row when capacity
/// was held but served no token, and a Purchase row for one-time costs. `x_Percentile` is empty for
/// the scenario's own projection and p10/p50/p90 for the trials at those percentiles of the
/// option's total cost (filter on it before summing). A forecast, not a bill (`x_Source`).
public enum FOCUSPriceExport {
    static let header = ["BillingPeriodStart", "BillingPeriodEnd", "ChargePeriodStart", "ChargePeriodEnd", "ChargeCategory",
                         "ServiceCategory", "ServiceName", "ConsumedQuantity", "ConsumedUnit", "PricingUnit", "ListCost",
                         "EffectiveCost", "BilledCost", "BillingCurrency", "SkuPriceDetails", "x_Scenario", "x_OptionId",
                         "x_Percentile", "x_Source"]

    public static func render(_ forecast: PriceForecast) -> String {
        var table = CSVTable(header: header)
        let source = "breakeven forecast, not a bill: \(forecast.scenarioFile); run-rate cost split between input and output by the capacity model's time shares"
        for option in forecast.options {
            for m in option.costs.months {
                let start = "\(m.date)-01T00:00:00Z", end = "\(m.date.adding(months: 1))-01T00:00:00Z"
                func row(_ category: String, _ quantity: String, _ unit: String, _ pricingUnit: String, _ cost: Double, _ details: String) {
                    let money = amount(cost)
                    table.append([start, end, start, end, category, "AI and Machine Learning", option.label, quantity, unit, pricingUnit,
                                  money, money, money, forecast.currency, details, forecast.scenarioName, option.id,
                                  option.percentile ?? "", source])
                }
                func tokens(_ direction: String) -> String {
                    "{\"ModelId\":\(JSONNode.escaped(option.modelName)),\"TokenDirection\":\"\(direction)\"}"
                }
                if let p = option.costs.prices(m) {
                    row("Usage", quantity(m.uncachedInputTokens + m.cacheWriteTokens), "Tokens", "1M Tokens", p.inputCost, tokens("input"))
                    if m.cachedInputTokens > 0 {
                        row("Usage", quantity(m.cachedInputTokens), "Tokens", "1M Tokens", 0, tokens("cached_input"))
                    }
                    row("Usage", quantity(m.outputTokens), "Tokens", "1M Tokens", p.outputCost, tokens("output"))
                } else if m.runRateCost != 0 {
                    row("Usage", quantity(m.replicaHours), "Hours", "Hours", m.runRateCost, "{\"ModelId\":\(JSONNode.escaped(option.modelName))}")
                }
                if m.oneTimeCost != 0 {
                    row("Purchase", "", "", "", m.oneTimeCost, "{\"ModelId\":\(JSONNode.escaped(option.modelName))}")
                }
            }
        }
        return table.text
    }

    /// Money to a millionth, quantities to a thousandth: enough for any sum, and byte-stable.
    static func amount(_ x: Double) -> String { Money.fixed(x, decimals: 6) }
    static func quantity(_ x: Double) -> String { Money.fixed(x, decimals: 3) }
}
