extension ScenarioLanguage {
    /// One entry of the scenario's `guardrails`: a limit `run` and `diff` check.
    static let guardrail = Shape.object(ObjectShape([
        Field("option", .anyOf([.string(.oneOf(["*"])), .string(.slug)]), required: true,
              "The id of the option the limit applies to, or \"*\" for every option the metric applies to."),
        Field("metric", .string(.oneOf(GuardrailMetric.allCases.map(\.rawValue))), required: true,
              "total_cost, npv, monthly_cost (any month), breakeven_month (never counts as later than any month), utilization (average, 0 to 1), savings_vs_baseline, gpus (GPUs paid at the peak, rented GPUs only) or unmet_requests (over the horizon)."),
        Field("max", .number(NumberBounds()), "Breached when the value is above it."),
        Field("min", .number(NumberBounds()), "Breached when the value is below it."),
    ], exactlyOne: [[Alternative(["max"]), Alternative(["min"])]],
       doc: "A limit: breached, it makes run and diff exit with status 1."))
}
