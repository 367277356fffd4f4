/// Seeded Monte Carlo trials of a scenario's uncertain inputs, on any number of threads with
/// the same figures: trial t draws input j from its own counter-based stream (seed, t, j) and
/// writes its results to slot t, so neither the thread nor the order of work shows.
public enum MonteCarlo {
    /// - Parameters:
    ///   - threads: at least 1; 1 runs on the calling thread.
    ///   - progress: told the number of trials just finished, from any thread.
    public static func run(_ variants: ScenarioVariants, plan: UncertaintyPlan, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) -> MonteCarloRun {
        // The reader refuses inconsistent correlations, so a checked scenario never drops them.
        let draws: TrialDraws
        do { draws = try TrialDraws(plan) } catch { draws = TrialDraws(independentInputsOf: plan) }
        let batch = VariantBatch(variants, count: plan.trials, threads: threads, progress: progress) { t, row in
            draws.fill(trial: t, row)
        }
        return MonteCarloRun(plan: plan, optionIDs: variants.nominal.options.map(\.id),
                             baselineIndex: variants.nominal.baselineIndex, values: batch.values, totals: batch.totals,
                             failedTrials: batch.failed.filter { $0 }.count)
    }
}
