/// The trials that stand for an option's percentiles: for p10/p50/p90 of its total cost, the
/// trial at that rank (nearest rank over the trials that succeeded; ties by trial number), so
/// a month-by-month view at a percentile is a real, consistent projection, not a scaled one.
public enum PercentileTrials {
    static let quantiles: [(label: String, q: Double)] = [("p10", 0.1), ("p50", 0.5), ("p90", 0.9)]

    /// The trial number at quantile q of option k's total cost; nil when no trial succeeded.
    public static func trial(_ run: MonteCarloRun, option k: Int, quantile q: Double) -> Int? {
        let trials = (0..<run.trials).filter(run.succeeded).sorted {
            (run.totals(trial: $0, option: k).totalCost, $0) < (run.totals(trial: $1, option: k).totalCost, $1)
        }
        guard !trials.isEmpty else { return nil }
        return trials[Quantile.nearestRank(q, of: trials.count) - 1]
    }

    /// The scenario of each percentile trial of each option, by option id: what `export prices`
    /// projects for its p10/p50/p90 rows. nil when the scenario has no uncertainty block.
    public static func scenarios(_ run: MonteCarloRun, _ loaded: LoadedScenario) -> [String: [(label: String, scenario: Scenario)]]? {
        guard let plan = loaded.scenario.uncertainty,
              let variants = ScenarioVariants.of(loaded, inputs: plan.inputs.map(\.input), probes: plan.inputs.map { [$0.quantile(0.5)] })
        else { return nil }
        var out: [String: [(label: String, scenario: Scenario)]] = [:]
        for (k, id) in run.optionIDs.enumerated() {
            out[id] = quantiles.compactMap { label, q in
                guard let t = trial(run, option: k, quantile: q) else { return nil }
                let values = (0..<plan.inputs.count).map { run.value(trial: t, input: $0) }
                return variants.scenario(values).map { (label, $0) }
            }
        }
        return out
    }
}
