/// The traps a report must make visible, each with a stable code for CI and tooling.
enum WarningRules {
    /// Below this average utilization most of what is paid for sits idle.
    static let lowUtilization = 0.35

    static func warnings(_ scenario: Scenario, _ results: [OptionResult]) -> [Warning] {
        var out: [Warning] = []
        let baselineLabel = scenario.option(scenario.baselineID)?.label ?? scenario.baselineID
        let capacitySized = scenario.options.contains {
            switch $0.kind {
            case .selfHosted: return true
            default: return false
            }
        }
        if capacitySized, scenario.workload.loadShape.isFlat {
            out.append(Warning(code: "flat_load_shape", option: nil,
                message: "No load_shape is given, so capacity is sized for a perfectly flat day; real traffic peaks, and peaks need more replicas."))
        }
        for (option, result) in zip(scenario.options, results) {
            if let u = result.averageUtilization, u < lowUtilization {
                out.append(Warning(code: "low_utilization", option: option.id,
                    message: "\(option.label) averages \(percent(u)) utilization: most of the capacity paid for sits idle."))
            }
            if option.id != scenario.baselineID, result.breakevenMonth == nil {
                out.append(Warning(code: "no_breakeven", option: option.id,
                    message: "\(option.label) does not break even against \(baselineLabel) within \(scenario.months) months."))
            }
            if result.unmetRequests > 0 {
                let total = result.months.reduce(0) { $0 + $1.requests }
                out.append(Warning(code: "unmet_demand", option: option.id,
                    message: "\(option.label) leaves \(Money.grouped(Money.fixed(result.unmetRequests, decimals: 0))) requests unserved (\(percent(total > 0 ? result.unmetRequests / total : 0)) of demand); its cost covers only what it serves."))
            }
            if scenario.profile == .personal, case .subscription(let terms) = option.kind,
               let value = apiEquivalent(terms, scenario, result) {
                out.append(Warning(code: "subscription_value", option: option.id,
                    message: "\(option.label) is counted at its price (\(Money.compact(terms.monthlyFee * Double(terms.seats))) a month); the requests it serves would cost \(Money.compact(value)) a month at pay-per-token prices. That is value received, not money spent, so it is not used as the subscription's cost."))
            }
            if case .ownedHardware(let plan) = option.kind, plan.wattsBusy == 0, plan.wattsIdle == 0 {
                out.append(Warning(code: "no_energy_cost", option: option.id,
                    message: "\(option.label) gives no power draw (watts_busy, watts_idle), so electricity is not counted."))
            }
        }
        for age in scenario.priceAges where age.days > CatalogPriceAge.limit {
            out.append(Warning(code: "stale_price", option: age.optionID,
                message: "\(scenario.option(age.optionID)?.label ?? age.optionID) uses the catalog price \(age.id), last seen in force on \(age.lastSeen): \(age.days) days before as_of \(age.asOf), more than \(CatalogPriceAge.limit); it may have changed (`breakeven catalog update` refreshes imported prices)."))
        }
        return out
    }

    /// What a subscription's requests would cost a month at the prices of the API option it
    /// overflows to (or the first API option), averaged over the horizon.
    static func apiEquivalent(_ terms: SubscriptionTerms, _ scenario: Scenario, _ result: OptionResult) -> Double? {
        let api = terms.overflowOptionID.flatMap(scenario.option) ?? scenario.options.first { if case .api = $0.kind { return true } else { return false } }
        guard let api, case .api(let pricing) = api.kind, !result.months.isEmpty else { return nil }
        let bill = APIBill(pricing: pricing, workload: scenario.workload)
        let total = result.months.reduce(0.0) { sum, m in
            let served = m.requests - m.unmetRequests
            return sum + bill.cost(MonthDemand(index: m.month - 1, date: m.date, requests: served, firstActiveIndex: -1), applyMinimum: false)
        }
        return total / Double(result.months.count)
    }

    static func percent(_ share: Double) -> String {
        Money.trimmed(Money.fixed(share * 100, decimals: 1)) + "%"
    }
}
