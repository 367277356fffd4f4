import BreakevenCore

/// The personal profile's question, in the verdict: when each bought machine pays for itself
/// against every other way of getting the same answers.
extension Verdict {
    /// One sentence per bought machine; empty outside the personal profile.
    static func paybackSentences(_ result: BreakevenResult) -> [String] {
        let months = result.scenario.months
        return result.options.compactMap { machine in
            guard let paybacks = machine.personal?.paybacks, !paybacks.isEmpty else { return nil }
            func label(_ p: Payback) -> String { result.option(p.against)?.label ?? p.against }
            // Soonest first; ties in the scenario's order.
            let paid = paybacks.enumerated().compactMap { k, p in p.paybackMonth.map { ($0, k, p) } }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            let never = paybacks.filter { $0.paybackMonth == nil }.map(label)
            guard !paid.isEmpty else {
                return "\(machine.label) does not pay for itself within \(months) months against \(spoken(never, "or"))."
            }
            var text = "\(machine.label) pays for itself " + spoken(paid.map { "in month \($0.0) against \(label($0.2))" }, "and")
            if !never.isEmpty { text += ", and not within \(months) months against \(spoken(never, "or"))" }
            return text + "."
        }
    }

    /// "A", "A and B", "A, B and C".
    static func spoken(_ items: [String], _ conjunction: String) -> String {
        guard let last = items.last, items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }
}
