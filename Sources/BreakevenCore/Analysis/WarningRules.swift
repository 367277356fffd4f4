/// The traps a report must make visible, found as facts (the reports word them).
enum WarningRules {
    /// Below this average utilization most of what is paid for sits idle.
    static let lowUtilization = 0.35

    /// - Parameter owed: what each option's commitments owe after the horizon, as its projection left them.
    static func warnings(_ scenario: Scenario, _ results: [OptionResult], owed: [OwedCommitment?]) -> [Warning] {
        var out: [Warning] = []
        let rented = scenario.options.compactMap { $0.terms(SelfHostedDeployment.self) }
        if !rented.isEmpty, scenario.workload.loadShape.isFlat { out.append(Warning(.flatLoadShape)) }
        for (k, (option, result)) in zip(scenario.options, results).enumerated() {
            if let d = option.terms(SelfHostedDeployment.self), d.scaling == .hourly, case .peakToAverage = scenario.workload.loadShape {
                out.append(Warning(.hourlyScalingWithoutShape, option: option.id))
            }
            if let u = result.averageUtilization, u < lowUtilization {
                out.append(Warning(.lowUtilization, option: option.id, WarningFigures(share: u)))
            }
            if option.id != scenario.baselineID, result.breakevenMonth == nil {
                out.append(Warning(.noBreakeven, option: option.id, WarningFigures(months: scenario.months, against: scenario.baselineID)))
            }
            if result.unmetRequests > 0 {
                let total = result.months.reduce(0) { $0 + $1.requests }
                out.append(Warning(.unmetDemand, option: option.id,
                                   WarningFigures(share: total > 0 ? result.unmetRequests / total : 0, requests: result.unmetRequests)))
            }
            if scenario.profile == .personal, let terms = option.terms(SubscriptionTerms.self),
               let value = apiEquivalent(terms, scenario, result) {
                out.append(Warning(.subscriptionValue, option: option.id,
                                   WarningFigures(amount: terms.monthlyFee * Double(terms.seats), value: value)))
            }
            if let capacity = option.capacity, let warning = CapacityWarning.check(capacity, option: option) {
                out.append(warning)
            }
            out += option.notes
            if let plan = option.terms(OwnedHardwarePlan.self), plan.wattsBusy == 0, plan.wattsIdle == 0 {
                out.append(Warning(.noEnergyCost, option: option.id))
            }
            if let d = option.terms(SelfHostedDeployment.self), let idle = idleInstanceGPUs(d, result) {
                out.append(Warning(.idleInstanceGPUs, option: option.id, idle))
            }
            if let d = option.terms(SelfHostedDeployment.self), let dearer = reservationAboveOnDemand(d) {
                out.append(Warning(.reservationAboveOnDemand, option: option.id, dearer))
            }
            if k < owed.count, let owed = owed[k] {
                out.append(Warning(.commitmentBeyondHorizon, option: option.id, WarningFigures(months: owed.months, amount: owed.amount)))
            }
        }
        for age in scenario.priceAges where age.days > CatalogPriceAge.limit {
            var figures = WarningFigures()
            figures.price = age.id
            figures.lastSeen = age.lastSeen.description
            figures.days = age.days
            figures.asOf = age.asOf.description
            out.append(Warning(.stalePrice, option: age.optionID, figures))
        }
        return out
    }

    /// The peak month of a deployment on whole instances, where they hold GPUs no replica uses:
    /// the replicas running (at least the reserved ones while the reservation runs), the GPUs
    /// they use, and the GPUs billed (the reservation's instances, plus on-demand instances for
    /// the replicas above what those hold).
    static func idleInstanceGPUs(_ d: SelfHostedDeployment, _ result: OptionResult) -> WarningFigures? {
        guard let peak = result.months.max(by: { ($0.replicas ?? 0, $1.month) < ($1.replicas ?? 0, $0.month) }),
              let needed = peak.replicas, needed > 0 else { return nil }
        var replicas = needed, reserved: (replicas: Double, gpus: Double)?, instance = d.gpusPerInstance
        if let r = d.reservation, peak.month <= r.termMonths, r.replicas > 0 {
            let held = d.held(by: r)
            reserved = held
            replicas = max(needed, Double(r.replicas))
            if held.replicas > Double(r.replicas) || needed <= held.replicas { instance = r.gpusPerInstance }
        }
        let billed = InstancePacking.paidGPUs(replicas: needed, onDemand: d.packing, reserved: reserved)
        let used = replicas * Double(d.gpusPerReplica)
        guard billed > used else { return nil }
        var figures = WarningFigures()
        figures.month = peak.month
        figures.replicas = Int(replicas)
        figures.gpus = Int(used)
        figures.billedGPUs = Int(billed)
        figures.gpusPerInstance = instance
        return figures
    }

    /// The reserved replicas' hour, reserved and at the on-demand price, month-1 prices, each in
    /// its own whole instances; nil unless reserving costs more. A reservation that costs more
    /// than renting the same GPUs by the hour raises the cost however busy they are.
    static func reservationAboveOnDemand(_ d: SelfHostedDeployment) -> WarningFigures? {
        guard let r = d.reservation, r.replicas > 0 else { return nil }
        let held = d.held(by: r)
        let reserved = held.gpus * r.hourly, onDemand = d.packing.billedGPUs(replicas: held.replicas) * d.gpuHourly
        guard reserved > onDemand else { return nil }
        var figures = WarningFigures(amount: reserved, value: onDemand)
        figures.replicas = Int(held.replicas)
        figures.gpus = Int(held.gpus)
        return figures
    }

    /// What the requests a subscription serves itself would cost a month at the prices of the
    /// API option it overflows to (or the first API option), averaged over the horizon. Requests
    /// past its allowance are not its own: they overflow (and are billed there) or go unmet.
    static func apiEquivalent(_ terms: SubscriptionTerms, _ scenario: Scenario, _ result: OptionResult) -> Double? {
        let api = terms.overflowOptionID.flatMap { scenario.option($0) } ?? scenario.options.first { $0.terms(APIPricing.self) != nil }
        guard let pricing = api?.terms(APIPricing.self), !result.months.isEmpty else { return nil }
        let bill = APIBill(pricing: pricing, workload: scenario.workload)
        let allowance = terms.includedRequestsPerMonth.map { $0 * Double(terms.seats) }
        let total = result.months.reduce(0.0) { sum, m in
            let served = min(m.requests - m.unmetRequests, allowance ?? .infinity)
            return sum + bill.cost(MonthDemand(index: m.month - 1, date: m.date, requests: served, firstActiveIndex: -1), applyMinimum: false)
        }
        return total / Double(result.months.count)
    }
}
