extension BreakevenResult {
    /// Reads a result file; `guardrails`, `uncertainty` and `sensitivity`, added after the first
    /// results were written, may be absent.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        resultVersion = try c.decode(Int.self, forKey: .resultVersion)
        scenario = try c.decode(ScenarioInfo.self, forKey: .scenario)
        baseline = try c.decode(String.self, forKey: .baseline)
        options = try c.decode([OptionResult].self, forKey: .options)
        warnings = try c.decode([Warning].self, forKey: .warnings)
        assumptions = try c.decode([Assumption].self, forKey: .assumptions)
        guardrails = try c.decodeIfPresent([Guardrail].self, forKey: .guardrails) ?? []
        uncertainty = try c.decodeIfPresent(UncertaintySummary.self, forKey: .uncertainty)
        sensitivity = try c.decodeIfPresent(Sensitivity.self, forKey: .sensitivity)
    }
}
