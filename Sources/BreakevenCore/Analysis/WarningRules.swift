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
            if case .ownedHardware(let plan) = option.kind, plan.wattsBusy == 0, plan.wattsIdle == 0 {
                out.append(Warning(code: "no_energy_cost", option: option.id,
                    message: "\(option.label) gives no power draw (watts_busy, watts_idle), so electricity is not counted."))
            }
        }
        return out
    }

    static func percent(_ share: Double) -> String {
        Money.trimmed(Money.fixed(share * 100, decimals: 1)) + "%"
    }
}
