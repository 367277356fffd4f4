import BreakevenCore
import Foundation

/// Langfuse model definitions: one body of `POST /api/public/models` (CreateModelRequest:
/// `modelName`, `matchPattern`, `startDate`, `unit`, `pricingTiers` with a default tier's
/// `prices` per usage type `input`, `input_cached_tokens`, `output`, in USD per token, as
/// Langfuse's own default-model-prices.json gives them) per option per month. Langfuse applies the
/// newest definition whose startDate is before a generation, so the months follow one another.
public enum LangfusePriceExport {
    public static func render(_ forecast: PriceForecast) -> String {
        var bodies: [String] = []
        for option in forecast.pointOptions {
            for m in option.costs.months {
                guard let p = option.costs.prices(m) else { continue }
                bodies.append("""
                      {
                        "modelName": \(JSONNode.escaped(option.modelName)),
                        "matchPattern": \(JSONNode.escaped("(?i)^(" + NSRegularExpression.escapedPattern(for: option.modelName) + ")$")),
                        "startDate": "\(m.date)-01T00:00:00.000Z",
                        "unit": "TOKENS",
                        "pricingTiers": [
                          {
                            "name": "Standard",
                            "isDefault": true,
                            "priority": 0,
                            "conditions": [],
                            "prices": {
                              "input": \(PriceForecast.number(p.input / 1e6)),
                              "input_cached_tokens": \(PriceForecast.number(p.cachedInput / 1e6)),
                              "output": \(PriceForecast.number(p.output / 1e6))
                            }
                          }
                        ]
                      }
                    """)
            }
        }
        return bodies.isEmpty ? "[]\n" : "[\n" + bodies.joined(separator: ",\n") + "\n]\n"
    }
}
