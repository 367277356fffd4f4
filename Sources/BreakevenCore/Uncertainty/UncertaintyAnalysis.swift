/// Uncertainty and sensitivity for a run: the Monte Carlo trials of a scenario's `uncertainty`
/// block and the tornado of its best alternative, added to the deterministic result.
enum UncertaintyAnalysis {
    /// Fills `result.sensitivity`, and with an `uncertainty` block `result.uncertainty` and every
    /// option's `uncertainty`; returns the trials (for `--trials-csv`), nil without a block.
    ///
    /// - Parameters:
    ///   - threads: worker threads for the trials (the figures do not depend on it).
    ///   - progress: told how many trials have just finished, from any thread.
    @discardableResult
    static func analyse(_ result: inout BreakevenResult, _ loaded: LoadedScenario, threads: Int = 1,
                               progress: (@Sendable (Int) -> Void)? = nil) -> MonteCarloRun? {
        result.sensitivity = Tornado.analyse(loaded)
        guard let plan = loaded.scenario.uncertainty, let variants = ScenarioVariants.trials(of: loaded)
        else { return nil }
        let run = MonteCarlo.run(variants, plan: plan, threads: threads, progress: progress)
        result.uncertainty = run.summary
        for (k, summary) in run.optionSummaries.enumerated() where k < result.options.count {
            result.options[k].uncertainty = summary
        }
        return run
    }
}
