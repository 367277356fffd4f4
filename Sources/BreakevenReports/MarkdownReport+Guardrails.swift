import BreakevenCore

extension MarkdownReport {
    /// The scenario's guardrails and what checking them found; nil when it has none.
    static func guardrails(_ r: BreakevenResult) -> String? {
        guard !r.guardrails.isEmpty else { return nil }
        do {
            let outcomes = try GuardrailCheck.evaluate(GuardrailRule.scenarioRules(r.guardrails), result: r)
            return GuardrailTable.render(outcomes)
        } catch {
            // A loaded scenario's guardrails are checked already; a hand-edited result may not be.
            return error.problems.map { "- " + MarkdownText.text($0.formatted) + "\n" }.joined()
        }
    }
}
