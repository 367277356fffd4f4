import BreakevenCore

/// Guardrail outcomes as a Markdown table, breaches first, with the full sentence of each.
enum GuardrailTable {
    static func render(_ outcomes: [GuardrailOutcome]) -> String {
        guard !outcomes.isEmpty else { return "No guardrails.\n" }
        let order: [GuardrailOutcome.Status] = [.breached, .skipped, .passed]
        let sorted = order.flatMap { status in outcomes.filter { $0.status == status } }
        var t = MarkdownTable([("Result", .left), ("Rule", .left), ("Option", .left), ("Finding", .left)])
        for o in sorted {
            t.append([status(o.status), "`\(o.rule)`", o.option == "*" ? "*" : "`\(o.option)`", finding(o)])
        }
        let breached = outcomes.filter { $0.status == .breached }.count
        let summary = breached == 0
            ? "All \(count(outcomes.count, "check")) passed."
            : "\(count(breached, "check")) of \(outcomes.count) failed."
        return t.text + "\n" + summary + "\n"
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

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
