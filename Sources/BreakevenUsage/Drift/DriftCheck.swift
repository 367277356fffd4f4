import BreakevenCore

/// `drift`: the months since a scenario's start for which usage exists, against the plan. Each
/// month's requests and cost (the bill where the export has one, else the baseline option's
/// price of the month's real volume and mix) are compared with the plan's band: the 10th to
/// 90th percentile of the Monte Carlo trials where the scenario has an `uncertainty` block, else
/// the plan ± a tolerance.
public struct DriftCheck: Sendable {
    public struct Row: Sendable, Hashable {
        public var month: CalendarMonth
        /// 1-based month of the plan.
        public var planMonth: Int
        public var requests: Double
        public var planRequests: Double
        public var requestBand: ClosedRange<Double>
        public var cost: Double
        /// Whether `cost` is the exported bill (else the baseline's price of the month).
        public var billed: Bool
        public var planCost: Double
        public var costBand: ClosedRange<Double>

        public var requestsOutside: Bool { !requestBand.contains(requests) }
        public var costOutside: Bool { !costBand.contains(cost) }
    }

    public var rows: [Row]
    /// "p10–p90 of 10,000 trials" or "plan ± 15%".
    public var band: String
    public var baseline: String

    /// - Parameter threads: worker threads for the trials.
    public init(_ loaded: LoadedScenario, history: UsageHistory, tolerance: Double, counting: FitOptions, threads: Int = 1) throws(FitProblem) {
        let scenario = loaded.scenario
        let end = scenario.start.adding(months: scenario.months - 1)
        let complete = history.completeMonths(since: scenario.start, until: end)
        baseline = scenario.baselineID
        band = "plan ± \(Money.trimmed(Money.fixed(tolerance * 100, decimals: 1)))%"
        rows = []
        guard !complete.isEmpty else { return }
        var notes: [String] = []
        let tokensPerRequest = try WorkloadFit.countingRule(history, complete, counting, notes: &notes)
        let months = WorkloadFit.fitMonths(history, complete, tokensPerRequest: tokensPerRequest)
        let projection = Simulator.project(scenario)
        let b = scenario.baselineIndex
        let indices = months.map { m in (m.month.year - scenario.start.year) * 12 + m.month.month - scenario.start.month }
        var bands: [(requests: ClosedRange<Double>, cost: ClosedRange<Double>)]?
        if let plan = scenario.uncertainty {
            bands = DriftCheck.trialBands(loaded, plan, indices: indices, threads: threads)
            band = "p10–p90 of \(Money.grouped(String(plan.trials))) trials"
        }
        for (j, m) in months.enumerated() {
            let i = indices[j]
            let actual = ActualMonth(month: m.month, requests: m.requests, inputTokens: m.input, cachedInputTokens: m.cached,
                                     outputTokens: m.output, batchRequests: m.batchRequests ?? 0)
            let planRequests = projection.demands[i].requests
            let planCost = projection.options[b].months[i].totalCost
            let useBill = m.billed != nil && (m.currency ?? "USD") == scenario.currency
            let cost = useBill ? (m.billed ?? 0) : (loaded.planCost(of: actual, month: i, option: scenario.baselineID) ?? 0)
            let range: (requests: ClosedRange<Double>, cost: ClosedRange<Double>) = bands?[j] ?? (DriftCheck.around(planRequests, tolerance), DriftCheck.around(planCost, tolerance))
            rows.append(Row(month: m.month, planMonth: i + 1, requests: m.requests, planRequests: planRequests, requestBand: range.requests,
                            cost: cost, billed: useBill, planCost: planCost, costBand: range.cost))
        }
    }

    static func around(_ x: Double, _ tolerance: Double) -> ClosedRange<Double> {
        let a = x * (1 - tolerance), b = x * (1 + tolerance)
        return min(a, b)...max(a, b)
    }

    /// Each month's p10–p90 of the plan's requests and baseline cost over the trials.
    static func trialBands(_ loaded: LoadedScenario, _ plan: UncertaintyPlan,
                           indices: [Int], threads: Int) -> [(requests: ClosedRange<Double>, cost: ClosedRange<Double>)]? {
        guard let variants = ScenarioVariants.trials(of: loaded) else { return nil }
        let run = MonteCarlo.run(variants, plan: plan, threads: threads)
        let horizon = (indices.max() ?? 0) + 1
        var requests = [[Double]](repeating: [], count: indices.count)
        var costs = [[Double]](repeating: [], count: indices.count)
        let count = plan.inputs.count
        for t in 0..<run.trials where run.succeeded(t) {
            let values = (0..<count).map { run.value(trial: t, input: $0) }
            guard var s = variants.scenario(values) else { continue }
            s.months = horizon
            let p = Simulator.project(s)
            for (j, i) in indices.enumerated() {
                requests[j].append(p.demands[i].requests)
                costs[j].append(p.options[s.baselineIndex].months[i].totalCost)
            }
        }
        guard requests.allSatisfy({ !$0.isEmpty }) else { return nil }
        return (0..<indices.count).map { j in (range(requests[j]), range(costs[j])) }
    }

    /// The 10th to the 90th percentile (linear between order statistics).
    static func range(_ values: [Double]) -> ClosedRange<Double> {
        let sorted = values.sorted()
        return Quantile.interpolated(sorted, 0.1)...Quantile.interpolated(sorted, 0.9)
    }

    public var breaches: [Row] { rows.filter { $0.requestsOutside || $0.costOutside } }
}
