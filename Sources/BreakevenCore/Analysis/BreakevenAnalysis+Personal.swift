/// The personal profile's figures: payback, ownership, electricity and busy hours.
extension BreakevenAnalysis {
    /// nil outside the personal profile, and for a baseline that is not a bought machine (nothing
    /// to pay back against itself). A bought machine gets its payback against every other option.
    static func personalFigures(_ scenario: Scenario, _ k: Int, _ projection: Projection) -> PersonalFigures? {
        let option = scenario.options[k], months = projection.options[k].months
        let isBaseline = k == scenario.baselineIndex
        let plan = option.terms(OwnedHardwarePlan.self)
        guard scenario.profile == .personal, !isBaseline || plan != nil else { return nil }
        var figures = PersonalFigures(paybackMonth: isBaseline ? nil : paybackMonth(months, projection.options[scenario.baselineIndex].months))
        guard let plan else { return figures }
        let total = months.last?.cumulativeCost ?? 0
        figures.paybacks = projection.options.indices.filter { $0 != k }.map { j in
            let other = projection.options[j].months
            return Payback(against: scenario.options[j].id, paybackMonth: paybackMonth(months, other),
                           savings: (other.last?.cumulativeCost ?? 0) - total)
        }
        let units = months.last?.replicas ?? 1
        figures.hardwareCostPerMonth = units * plan.purchasePrice * (1 - plan.resaleShare) / Double(plan.lifetimeMonths)
        figures.electricityPerMTok = PersonalFigures.electricityPerMTok(
            watts: plan.wattsBusy, pricePerKWh: plan.electricityPerKWh, tokensPerSecond: plan.throughput.outputTokensPerSecond)
        // The busiest month's busy hours against what the machines offer.
        var needed = 0.0, available = 0.0
        for m in months {
            // Busy hours served, scaled up by the share left unmet: the hours the month needed.
            let served = (m.utilization ?? 0) * (m.replicas ?? 0) * plan.hoursOn(in: m.date)
            let busy = served / max(1 - m.unmetRequests / max(m.requests, 1e-12), 1e-12)
            if busy >= needed {
                needed = busy
                available = (m.replicas ?? 0) * plan.hoursOn(in: m.date) * plan.maxUtilization
            }
        }
        figures.hoursNeededPerMonth = needed
        figures.hoursAvailablePerMonth = available
        figures.carriesLoad = needed <= available * (1 + 1e-9)
        return figures
    }

    /// The first month (1-based) from which the option's cumulative cash cost stays at or below the
    /// other's to the end; nil if dearer at the end. Cash: machines are not sold, so their book
    /// value at the end is not credited (to either side).
    static func paybackMonth(_ option: [MonthlyProjection], _ other: [MonthlyProjection]) -> Int? {
        var cash = 0.0, spend = 0.0
        var cashCumulative: [Double] = [], spendCumulative: [Double] = []
        for (m, b) in zip(option, other) {
            cash += m.totalCost + m.resaleCredit
            spend += b.totalCost + b.resaleCredit
            cashCumulative.append(cash)
            spendCumulative.append(spend)
        }
        return breakevenMonth(months: cashCumulative.count, option: { cashCumulative[$0] }, baseline: { spendCumulative[$0] })
    }
}
