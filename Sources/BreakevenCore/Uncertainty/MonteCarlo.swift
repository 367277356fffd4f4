import Dispatch

/// Seeded Monte Carlo trials of a scenario's uncertain inputs, on any number of threads with
/// the same figures: trial t draws input j from its own counter-based stream (seed, t, j) and
/// writes its results to slot t, so neither the thread nor the order of work shows.
public enum MonteCarlo {
    /// Trials a thread takes at a time; threads take blocks in turn (block b to thread b mod n).
    static let blockSize = 64

    /// - Parameters:
    ///   - threads: at least 1; 1 runs on the calling thread.
    ///   - progress: told the number of trials just finished, from any thread.
    public static func run(_ variants: ScenarioVariants, plan: UncertaintyPlan, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) -> MonteCarloRun {
        let trials = plan.trials
        let inputCount = plan.inputs.count
        let optionCount = variants.nominal.options.count
        let samplers = plan.inputs.map(\.sampler)
        let seed = plan.seed
        var values = [Double](repeating: 0, count: trials * inputCount)
        var totals = [OptionTotals](repeating: OptionTotals(totalCost: .nan, npv: .nan, breakevenMonth: nil), count: trials * optionCount)
        var failed = [Bool](repeating: false, count: trials)
        let blocks = (trials + blockSize - 1) / blockSize
        let workers = max(1, min(threads, blocks))
        values.withUnsafeMutableBufferPointer { valuesOut in
            totals.withUnsafeMutableBufferPointer { totalsOut in
                failed.withUnsafeMutableBufferPointer { failedOut in
                    let out = SharedOutput(values: valuesOut, totals: totalsOut, failed: failedOut)
                    let work: @Sendable (Int) -> Void = { w in
                        var worker = variants.worker()
                        for b in stride(from: w, to: blocks, by: workers) {
                            let first = b * blockSize, end = min(trials, first + blockSize)
                            for t in first..<end {
                                let row = UnsafeMutableBufferPointer(rebasing: out.values[(t * inputCount)..<((t + 1) * inputCount)])
                                for j in 0..<inputCount {
                                    var random = TrialRandom(seed: seed, trial: t, stream: j)
                                    row[j] = samplers[j].sample(&random)
                                }
                                let slots = UnsafeMutableBufferPointer(rebasing: out.totals[(t * optionCount)..<((t + 1) * optionCount)])
                                if !worker.totals(UnsafeBufferPointer(row), into: slots) {
                                    out.failed[t] = true
                                }
                            }
                            progress?(end - first)
                        }
                    }
                    if workers == 1 {
                        work(0)
                    } else {
                        DispatchQueue.concurrentPerform(iterations: workers, execute: work)
                    }
                }
            }
        }
        return MonteCarloRun(plan: plan, optionIDs: variants.nominal.options.map(\.id),
                             baselineIndex: variants.nominal.baselineIndex, values: values, totals: totals,
                             failedTrials: failed.filter { $0 }.count)
    }

    /// The output buffers, shared by the worker threads: each trial writes only its own slots.
    private struct SharedOutput: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<Double>
        let totals: UnsafeMutableBufferPointer<OptionTotals>
        let failed: UnsafeMutableBufferPointer<Bool>
    }
}
