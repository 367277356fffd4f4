import BreakevenCore

/// LiteLLM proxy custom pricing (https://docs.litellm.ai/docs/proxy/custom_pricing): one
/// `model_list` entry per option with its `model_info` per-token prices (`input_cost_per_token`,
/// `output_cost_per_token`, `cache_read_input_token_cost`, `cache_creation_input_token_cost`).
/// LiteLLM prices do not change by date, so one month is written (`month`, 1-based); merge each
/// `model_info` into the proxy config entry of the deployment that serves the model.
public enum LiteLLMPriceExport {
    public static func render(_ forecast: PriceForecast, month: Int) -> String {
        var lines = [
            "# breakeven export prices --format litellm: \(forecast.scenarioName), month \(month)"
                + (forecast.pointOptions.first?.costs.months.first { $0.month == month }.map { " (\($0.date))" } ?? ""),
            "# Effective \(forecast.currency) per token at the projected utilization: the month's run-rate cost split between",
            "# input and output by the capacity model's time shares; cached prompt tokens take no replica time.",
            "# A forecast, not a bill. Merge each model_info into the proxy config entry that serves the model.",
            "model_list:",
        ]
        for option in forecast.pointOptions {
            guard let m = option.costs.months.first(where: { $0.month == month }), let p = option.costs.prices(m) else {
                lines.append("  # \(option.id): no tokens served in month \(month), so no price per token")
                continue
            }
            lines += [
                "  - model_name: \(yamlString(option.modelName))",
                "    model_info:",
                "      input_cost_per_token: \(PriceForecast.number(p.input / 1e6))",
                "      output_cost_per_token: \(PriceForecast.number(p.output / 1e6))",
                "      cache_read_input_token_cost: \(PriceForecast.number(p.cachedInput / 1e6))",
                "      cache_creation_input_token_cost: \(PriceForecast.number(p.input / 1e6))",
            ]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func yamlString(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
