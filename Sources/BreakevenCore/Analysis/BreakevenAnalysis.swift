import Foundation

/// Turns a projection into the figures a decision needs: totals, NPV, breakeven months and
/// volumes, savings, and the warnings a reader must not miss.
public enum BreakevenAnalysis {
    public static func analyse(_ scenario: Scenario, _ projection: Projection) -> BreakevenResult {
        let baselineIndex = scenario.baselineIndex
        let baseline = projection.options[baselineIndex].months
        let perRequest = scenario.workload.tokensPerRequest
        let workloadTokens = projection.demands.map { $0.requests * (perRequest.input + perRequest.output) }

        var options: [OptionResult] = []
        for (k, option) in scenario.options.enumerated() {
            let months = projection.options[k].months
            let total = months.last?.cumulativeCost ?? 0
            let npv = presentValue(months.map(\.totalCost), rate: scenario.discountRate)
            let baselineTotal = baseline.last?.cumulativeCost ?? 0
            let baselineNPV = presentValue(baseline.map(\.totalCost), rate: scenario.discountRate)
            let isBaseline = k == baselineIndex
            var volume: Double?, below: Double?
            if !isBaseline {
                let search = BreakevenVolumeSearch(scenario: scenario, option: option, baseline: scenario.options[baselineIndex])
                volume = search.tokensPerMonth()
                if volume == nil { below = search.cheaperBelowTokensPerMonth() }
            }
            let tokensPerRequest = perRequest.input + perRequest.output
            let perDay = { (tokens: Double) in tokensPerRequest > 0 ? tokens / tokensPerRequest / Double(scenario.start.days) : nil }
            options.append(OptionResult(
                id: option.id, label: option.label, type: option.typeName,
                totalCost: total, npv: npv,
                averageMonthlyCost: months.isEmpty ? 0 : total / Double(months.count),
                costPerMTokFirstMonth: costPerMTok(months.first, workloadTokens.first),
                costPerMTokLastMonth: costPerMTok(months.last, workloadTokens.last),
                breakevenMonth: isBaseline ? nil : breakevenMonth(months, baseline),
                runRateBreakevenMonth: isBaseline ? nil : runRateBreakevenMonth(months, baseline),
                breakevenTokensPerMonth: volume,
                breakevenRequestsPerDay: volume.flatMap(perDay),
                savingsVsBaseline: baselineTotal - total,
                npvSavingsVsBaseline: baselineNPV - npv,
                averageUtilization: averageUtilization(months),
                unmetRequests: months.reduce(0) { $0 + $1.unmetRequests },
                capacity: option.capacity.map(CapacitySummary.init),
                switchPlan: projection.options[k].switchEvaluation.map { switchResult(option, $0) },
                personal: personalFigures(scenario, k, projection),
                months: months.map(MonthResult.init)))
            options[options.count - 1].provider = option.provider
            options[options.count - 1].cheaperBelowTokensPerMonth = below
            options[options.count - 1].cheaperBelowRequestsPerDay = below.flatMap(perDay)
            options[options.count - 1].tokenCosts = TokenCostBreakdown(option: option, workload: scenario.workload, months: months)
        }
        // Usage in: the months that happened, replayed under every option.
        if let replay = Simulator.replay(scenario) {
            let totals = replay.options.map { $0.months.last?.cumulativeCost ?? 0 }
            for k in options.indices where k < totals.count {
                options[k].replay = ReplayResult(months: replay.options[k].months.map(MonthResult.init), totalCost: totals[k],
                                                 savingsVsBaseline: totals[baselineIndex] - totals[k])
            }
        }
        var info = ScenarioInfo(name: scenario.name, sha256: scenario.digest, description: scenario.description,
                                profile: scenario.profile.rawValue, currency: scenario.currency, start: scenario.start,
                                months: scenario.months, discountRate: scenario.discountRate,
                                inputTokensPerRequest: perRequest.input, outputTokensPerRequest: perRequest.output,
                                phases: scenario.workload.phases.map(PhaseInfo.init))
        if !scenario.workload.actuals.isEmpty { info.actuals = scenario.workload.actuals }
        return BreakevenResult(scenario: info, baseline: scenario.baselineID, options: options,
                               warnings: WarningRules.warnings(scenario, options, owed: projection.options.map(\.owedAfterHorizon)), assumptions: scenario.assumptions,
                               guardrails: scenario.guardrails)
    }

    /// A switch's months, with the overlap its plan gives.
    static func switchResult(_ option: ServingOption, _ evaluation: SwitchEvaluation) -> SwitchResult {
        guard case .switchover(let plan) = option.kind else { return SwitchResult(evaluation) }
        return SwitchResult(evaluation, overlapMonths: plan.overlapMonths)
    }

    /// NPV: month i discounted by (1 + rate)^(−i/12).
    static func presentValue(_ monthly: [Double], rate: Double) -> Double {
        monthly.enumerated().reduce(0) { $0 + $1.element * discountFactor(rate: rate, month: $1.offset) }
    }

    /// (1 + rate)^(−i/12): what a dollar of month i (0-based) is worth today.
    static func discountFactor(rate: Double, month i: Int) -> Double {
        pow(1 + rate, -Double(i) / 12)
    }

    /// Equal within rounding: sums of thousands of doubles differ in the last bits.
    static func atOrBelow(_ a: Double, _ b: Double) -> Bool {
        a <= b + 1e-9 * max(1, abs(b))
    }

    /// The first month m (1-based) from which cumulative cost stays at or below the
    /// baseline's through the last month, and is below it in one of those months; nil if dearer
    /// at the end, or if never below: a switch that never leaves the baseline costs what the
    /// baseline costs every month, and "breaks even in month 1" would read as a saving there is not.
    static func breakevenMonth(_ option: [MonthlyProjection], _ baseline: [MonthlyProjection]) -> Int? {
        breakevenMonth(months: option.count, option: { option[$0].cumulativeCost }, baseline: { baseline[$0].cumulativeCost })
    }

    /// The same from cumulative costs by month index, wherever they are kept.
    @inline(__always)
    static func breakevenMonth(months: Int, option: (Int) -> Double, baseline: (Int) -> Double) -> Int? {
        var first: Int?, below = false
        for i in stride(from: months - 1, through: 0, by: -1) {
            guard atOrBelow(option(i), baseline(i)) else { break }
            first = i + 1
            below = below || !atOrBelow(baseline(i), option(i))
        }
        return below ? first : nil
    }

    /// The first month whose cost without one-time costs (bought machines amortized) is at or
    /// below the baseline's; nil for an option that runs at the baseline's cost every month
    /// (a switch that never leaves it), which is never cheaper to run.
    static func runRateBreakevenMonth(_ option: [MonthlyProjection], _ baseline: [MonthlyProjection]) -> Int? {
        let same = { (m: Int) in atOrBelow(option[m].runRateCost, baseline[m].runRateCost) && atOrBelow(baseline[m].runRateCost, option[m].runRateCost) }
        guard !option.indices.allSatisfy(same) else { return nil }
        return option.indices.first { atOrBelow(option[$0].runRateCost, baseline[$0].runRateCost) }.map { $0 + 1 }
    }

    /// Nil for a month of less than one token: a price per million of nothing is no figure.
    /// The month's running cost per million workload tokens: without one-time costs and with
    /// bought machines amortized, so a purchase in month 1 or the resale credited in the last
    /// month (which made a workstation's last month -$29.79 a Mtok) is no unit cost.
    static func costPerMTok(_ month: MonthlyProjection?, _ tokens: Double?) -> Double? {
        guard let month, let tokens, tokens >= 1 else { return nil }
        return month.runRateCost / (tokens / 1e6)
    }

    /// Served over provisioned capacity over the whole horizon (weighted by capacity).
    static func averageUtilization(_ months: [MonthlyProjection]) -> Double? {
        var served = 0.0, provisioned = 0.0
        for m in months {
            guard let u = m.utilization, let r = m.replicas else { continue }
            let capacity = r * m.date.hours
            served += u * capacity
            provisioned += capacity
        }
        return provisioned > 0 ? served / provisioned : nil
    }
}
