/// Several scenarios side by side, e.g. the same task for a company and for one person: what
/// wins in each, what it costs per unit, and why the answers differ.
public struct ScenarioComparison: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var result: BreakevenResult
        public var cheapest: OptionResult
        /// Workload tokens (input + output) and requests over the horizon.
        public var tokens: Double
        public var requests: Double
        /// Seats of the largest subscription, where the scenario has one.
        public var seats: Int?
        /// The self-hosted or owned option with the lowest total, if any.
        var bestSelfRun: OptionResult?

        public var costPerMTok: Double? { tokens >= 1 ? cheapest.totalCost / (tokens / 1e6) : nil }
        public var costPerRequest: Double? { requests > 0 ? cheapest.totalCost / requests : nil }
        public var costPerSeatMonth: Double? { seats.map { cheapest.totalCost / Double($0) / Double(result.scenario.months) } }
        public var monthlyTokens: Double { tokens / Double(max(result.scenario.months, 1)) }
    }

    public var entries: [Entry]

    /// The currencies the scenarios count in, in order of first appearance: amounts in two
    /// currencies cannot stand side by side.
    public var currencies: [String] {
        entries.map(\.result.scenario.currency).reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }

    /// What the comparison's amounts are in (the first scenario's currency).
    public var currency: String { currencies.first ?? Currency.usd.code }

    /// - Parameter evaluations: each scenario's name (its file's) and its evaluation.
    public init(_ evaluations: [(name: String, evaluation: Pipeline.Evaluation)]) {
        self.init(evaluations.map { ($0.name, $0.evaluation.result, ScenarioComparison.seats($0.evaluation.scenario)) })
    }

    /// The largest subscription's seats: what a cost per seat divides by.
    static func seats(_ scenario: Scenario) -> Int? {
        scenario.options.compactMap { $0.terms(SubscriptionTerms.self)?.seats }.max()
    }

    /// - Parameter seats: each result's largest subscription seat count (from its scenario).
    init(_ results: [(name: String, result: BreakevenResult, seats: Int?)]) {
        entries = results.compactMap { item in
            let r = item.result
            guard let cheapest = r.options.min(by: { ($0.totalCost, $0.id) < ($1.totalCost, $1.id) }) else { return nil }
            let first = r.options.first?.months ?? []
            let requests = first.reduce(0) { $0 + $1.requests }
            let selfRun = r.options.filter { OptionKind(rawValue: $0.type).map { $0 == .selfHosted || $0 == .ownedHardware } ?? false }
                .min { ($0.totalCost, $0.id) < ($1.totalCost, $1.id) }
            return Entry(name: item.name, result: r, cheapest: cheapest,
                         tokens: r.scenario.workloadTokens(requests: requests), requests: requests,
                         seats: item.seats, bestSelfRun: selfRun)
        }
    }

    /// Plain words on why the answers differ: volume, utilization, labour, capital, price trends.
    public var explanation: String {
        guard entries.count > 1 else { return "" }
        let money = MoneyFormat(code: currency)
        var parts: [String] = []
        let winners = entries.map { "in \($0.name) \($0.cheapest.label) is cheapest (\(money.compact($0.cheapest.totalCost)) over \($0.result.scenario.months) months)" }
        parts.append(winners.joined(separator: "; ").prefix(1).uppercased() + winners.joined(separator: "; ").dropFirst() + ".")
        let byVolume = entries.sorted { $0.monthlyTokens > $1.monthlyTokens }
        if let big = byVolume.first, let small = byVolume.last, small.monthlyTokens > 0 {
            let ratio = big.monthlyTokens / small.monthlyTokens
            parts.append("Volume: \(big.name) runs \(Money.scientific(big.monthlyTokens)) tokens a month, \(ratio >= 10 ? Money.grouped(Money.fixed(ratio, decimals: 0)) : Money.trimmed(Money.fixed(ratio, decimals: 1)))× \(small.name)'s \(Money.scientific(small.monthlyTokens)); fixed costs of running models yourself are spread over that volume.")
        }
        for e in entries {
            guard let o = e.bestSelfRun else { continue }
            var sentence = "In \(e.name), \(o.label)"
            if let u = o.averageUtilization { sentence += " averages \(Self.percent(u)) utilization" }
            let total = max(o.totalCost, 1e-9)
            let labour = o.months.reduce(0) { $0 + $1.costs.team } / total
            let capital = o.months.reduce(0) { $0 + $1.costs.hardware + $1.costs.gpu } / total
            sentence += "; people are \(Self.percent(labour)) of its cost and GPUs or machines \(Self.percent(capital))"
            sentence += o.savingsVsBaseline > 0 ? ", and it saves \(money.compact(o.savingsVsBaseline))." : ", and it costs \(money.compact(-o.savingsVsBaseline)) more than the baseline."
            parts.append(sentence)
        }
        let trends = entries.compactMap { e -> String? in
            guard let a = e.result.assumptions.first(where: { $0.path == "options.\(e.result.baseline).price_change_per_year" }),
                  let x = Double(a.value), x != 0 else { return nil }
            return "\(e.name) expects its baseline's prices to change \(x > 0 ? "+" : "")\(Self.percent(x)) a year"
        }
        if !trends.isEmpty { parts.append("Price trends: " + trends.joined(separator: "; ") + "; falling API prices push a breakeven later.") }
        return parts.joined(separator: " ")
    }

    static func percent(_ share: Double) -> String {
        Money.trimmed(Money.fixed(share * 100, decimals: 1)) + "%"
    }
}
