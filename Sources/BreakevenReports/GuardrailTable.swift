import BreakevenCore

/// Guardrail outcomes as a Markdown table, breaches first, with the full sentence of each.
public enum GuardrailTable {
    static func render(_ outcomes: [GuardrailOutcome]) -> String {
        guard !outcomes.isEmpty else { return "No guardrails.\n" }
        let order: [GuardrailOutcome.Status] = [.breached, .skipped, .passed]
        let sorted = order.flatMap { status in outcomes.filter { $0.status == status } }
        var t = MarkdownTable([("Result", .left), ("Rule", .left), ("Option", .left), ("Finding", .left)])
        for o in sorted {
            t.append([status(o.status), MarkdownText.code(o.rule), o.option == "*" ? "*" : MarkdownText.code(o.option), MarkdownText.text(finding(o))])
        }
        return t.text + "\n" + summary(outcomes).capitalizedFirst + ".\n"
    }

    /// "all 3 checks passed", "1 of 3 checks failed", "… (1 skipped)".
    public static func summary(_ outcomes: [GuardrailOutcome]) -> String {
        let breached = outcomes.filter { $0.status == .breached }.count
        let skipped = outcomes.filter { $0.status == .skipped }.count
        let checked = outcomes.count - skipped
        var text = breached == 0
            ? (checked == 1 ? "1 check passed" : "all \(checked) checks passed")
            : "\(breached) of \(checked) \(checked == 1 ? "check" : "checks") failed"
        if checked == 0 { text = "nothing to check" }
        if skipped > 0 { text += " (\(skipped) skipped)" }
        return text
    }

    static func status(_ s: GuardrailOutcome.Status) -> String {
        switch s {
        case .passed: return "✅ passed"
        case .breached: return "❌ failed"
        case .skipped: return "➖ skipped"
        }
    }

    /// The message without the rule name it starts with (the table has a column for it).
    static func finding(_ o: GuardrailOutcome) -> String {
        let prefix = o.rule + ": "
        return o.message.hasPrefix(prefix) ? String(o.message.dropFirst(prefix.count)) : o.message
    }

}

extension String {
    /// "all 3 checks passed" → "All 3 checks passed".
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
