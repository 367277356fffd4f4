import BreakevenCore
import BreakevenReports
import Foundation

/// Monte Carlo and sweep figures on `BenchScenario`.
enum MonteCarloBench {
    /// A benchmark scenario's trials, ready to run as `run` prepares them.
    static func trials(_ text: String) -> (scenario: Scenario, plan: UncertaintyPlan, variants: ScenarioVariants)? {
        guard let loaded = try? Pipeline.load(Array(text.utf8), file: BenchScenario.path), let plan = loaded.scenario.uncertainty,
              let variants = ScenarioVariants.trials(of: loaded)
        else { return nil }
        return (loaded.scenario, plan, variants)
    }

    static func run() -> Double {
        var checksum = 0.0
        let bytes = Array(BenchScenario.text.utf8)
        guard let (s, plan, variants) = trials(BenchScenario.text) else {
            print("monte carlo: the benchmark scenario does not load")
            return 0
        }
        let optionMonths = Double(plan.trials * s.months * s.options.count)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("monte carlo: \(BenchScenario.path) (\(s.options.count) options × \(s.months) months, \(plan.inputs.count) uncertain inputs, \(plan.trials) trials)")

        // For profiling: BENCH_PROFILE=N runs the trial loop on N threads 20 times and stops
        // (BENCH_TRIALS=T: T trials each, for an instruction-counting profiler).
        if let n = ProcessInfo.processInfo.environment["BENCH_PROFILE"].flatMap(Int.init) {
            var profiled = plan
            if let t = ProcessInfo.processInfo.environment["BENCH_TRIALS"].flatMap(Int.init) { profiled.trials = t }
            for _ in 0..<20 { checksum += MonteCarlo.run(variants, plan: profiled, threads: n).totals[0].totalCost }
            return checksum
        }
        // The trial loop alone on one thread: the per-core rate, over the CPU time the run had
        // (on a busy machine its wall time also counts the other work's share of the core).
        var best = Double.infinity, bestCPU = Double.infinity, digest = ""
        for _ in 0..<5 {
            let cpu0 = cpuSeconds()
            let t = seconds {
                let run = MonteCarlo.run(variants, plan: plan, threads: 1)
                checksum += run.totals[0].totalCost
                digest = MonteCarloBench.digest(run)
            }
            best = min(best, t)
            bestCPU = min(bestCPU, cpuSeconds() - cpu0)
        }
        print(String(format: "  trial loop, 1 thread: %.0f option-months/s per core (%.3f s CPU, %.3f s wall for %.0f option-months, best of 5; totals %@)",
                     optionMonths / bestCPU, bestCPU, best, optionMonths, digest))
        var bestAll = Double.infinity, cpuAll = 0.0
        for _ in 0..<5 {
            let cpu0 = cpuSeconds()
            let t = seconds { checksum += MonteCarlo.run(variants, plan: plan, threads: cores).totals[0].totalCost }
            if t < bestAll { bestAll = t; cpuAll = cpuSeconds() - cpu0 }
        }
        // CPU time over wall time shows how many cores the run really had (other work on the
        // machine takes its share).
        print(String(format: "  trial loop, %d threads: %.3f s wall, %.3f s CPU (%.2f cores busy; %.0f option-months/s per busy core)",
                     cores, bestAll, cpuAll, cpuAll / bestAll, optionMonths / cpuAll))

        // End to end, as `run` does it without the disk: load and check (the uncertainty block's
        // probes), the deterministic analysis, the tornado, the trials, every report format.
        var wall = Double.infinity
        for _ in 0..<5 {
            let t = seconds {
                guard let e = try? Pipeline.run(bytes, file: BenchScenario.path, threads: cores) else { return }
                let result = e.result
                let md = MarkdownReport.render(result, context: ReportContext(scenarioPath: BenchScenario.path))
                let json = (try? JSONReport.render(result)) ?? ""
                checksum += Double(md.count + json.count + (TornadoChart.render(result)?.count ?? 0))
            }
            wall = min(wall, t)
        }
        print(String(format: "  end to end (load, analyse, tornado, %d trials on %d threads, render): %.3f s wall, best of 5",
                     plan.trials, cores, wall))
        return checksum + correlated() + sweep()
    }

    /// The trial loop on one thread with two pairs of the inputs correlated (a Gaussian copula:
    /// each correlated input is drawn through its quantile, the PERT one's found by Newton's method).
    static func correlated() -> Double {
        let text = BenchScenario.text.replacingOccurrences(of: """
                  "options.owned.purchase_price": { "uniform": [200000, 320000] }
                }
            """, with: """
                  "options.owned.purchase_price": { "uniform": [200000, 320000] }
                },
                "correlations": [
                  { "between": ["options.gpu.gpu_hourly", "options.owned.purchase_price"], "rank_correlation": 0.6 },
                  { "between": ["options.api.price_change_per_year", "workload.growth.monthly_rate"], "rank_correlation": -0.3 }
                ]
            """)
        guard let (s, plan, variants) = trials(text), plan.correlations.count == 2 else {
            print("monte carlo: the correlated benchmark scenario does not load")
            return 0
        }
        var checksum = 0.0, best = Double.infinity
        for _ in 0..<5 {
            best = min(best, seconds { checksum += MonteCarlo.run(variants, plan: plan, threads: 1).totals[0].totalCost })
        }
        let optionMonths = Double(plan.trials * s.months * s.options.count)
        print(String(format: "  trial loop with 2 correlated pairs (4 inputs), 1 thread: %.0f option-months/s per core (%.3f s, best of 5)",
                     optionMonths / best, best))
        return checksum
    }

    /// FNV-1a of every trial's totals, bit for bit: a change that should leave the figures alone
    /// must leave this alone.
    static func digest(_ run: MonteCarloRun) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ x: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { h = (h ^ ((x >> UInt64(shift)) & 0xff)) &* 0x100_0000_01b3 }
        }
        for t in run.totals {
            mix(t.totalCost.bitPattern)
            mix(t.npv.bitPattern)
            mix(UInt64(bitPattern: Int64(t.breakevenMonth ?? -1)))
        }
        return String(h, radix: 16)
    }

    /// CPU time of the whole process, every thread.
    static func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

extension MonteCarloBench {
    /// A 100 × 100 sweep of the benchmark scenario: requests per month (log) by GPU-hour price.
    static func sweep() -> Double {
        guard let loaded = try? Pipeline.load(Array(BenchScenario.text.utf8), file: BenchScenario.path) else { return 0 }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let x = SweepAxis(path: "workload.requests_per_month", lower: 1e5, upper: 1e9, count: 100, logarithmic: true)
        let y = SweepAxis(path: "options.gpu.gpu_hourly", lower: 1, upper: 5, count: 100, flag: "--y")
        var checksum = 0.0
        var best = Double.infinity
        for _ in 0..<5 {
            let t = seconds {
                guard let grid = try? Sweep.run(loaded, x: x, y: y,
                                                metric: .savings, option: "gpu", threads: cores) else { return }
                let svg = SweepChart.render(grid), csv = SweepCSV.render(grid)
                checksum += Double(svg.count + csv.count)
            }
            best = min(best, t)
        }
        let points = 100 * 100
        print(String(format: "  sweep 100 × 100 (%d points × %d months × %d options, %d threads, with the SVG and CSV): %.3f s wall, best of 5",
                     points, loaded.scenario.months, loaded.scenario.options.count, cores, best))
        return checksum
    }
}

extension MonteCarloBench {
    /// 10,000 trials of an example with every one of its numeric inputs uncertain (uniform ±25%
    /// within its range: catalog prices, usd_rate, switch months, phases and shares included), on
    /// one core; the target is under 0.2 s each.
    static func everyExample(_ loaded: [(path: String, loaded: LoadedScenario)]) -> Double {
        var checksum = 0.0
        print("every input uncertain, 10000 trials on 1 thread (target < 0.2 s each):")
        for (path, l) in loaded {
            let inputs = l.numericInputs
            var fixed: [String] = []
            let uncertain = inputs.compactMap { input -> UncertainInput? in
                let lo = input.range.clamped(input.nominal * 0.75), hi = input.range.clamped(input.nominal * 1.25)
                guard lo < hi else { return nil }
                let u = UncertainInput(input: input, distribution: .uniform(lo: min(lo, hi), hi: max(lo, hi)))
                // A count the provider sells only in steps (provisioned units) cannot be drawn
                // from a range: a scenario draws it with `choice`. It stays at its value here.
                guard ScenarioVariants.of(l, inputs: [input], probes: [[u.quantile(0.1), u.quantile(0.9)]]) != nil else {
                    fixed.append(input.path)
                    return nil
                }
                return u
            }
            let plan = UncertaintyPlan(trials: 10_000, seed: 1, inputs: uncertain)
            guard let variants = ScenarioVariants.of(l, inputs: uncertain.map(\.input), probes: uncertain.map { [$0.quantile(0.1), $0.quantile(0.9)] }) else {
                print("  \(path): the scenario does not run at its inputs' p10/p90")
                continue
            }
            var best = Double.infinity, bestCPU = Double.infinity, failed = 0, digest = ""
            for _ in 0..<3 {
                let cpu0 = cpuSeconds()
                let t = seconds {
                    let run = MonteCarlo.run(variants, plan: plan, threads: 1)
                    failed = run.failedTrials
                    digest = MonteCarloBench.digest(run)
                    checksum += run.totals.first?.totalCost ?? 0
                }
                best = min(best, t)
                bestCPU = min(bestCPU, cpuSeconds() - cpu0)
            }
            let optionMonths = Double(10_000 * l.scenario.months * l.scenario.options.count)
            print(String(format: "  %@: %d inputs, %.3f s CPU, %.3f s wall (%.0f option-months/s, %d failed trials, best of 3; totals %@)",
                         path, uncertain.count, bestCPU, best, optionMonths / bestCPU, failed, digest)
                  + (fixed.isEmpty ? "" : "; not drawn from a range: " + fixed.joined(separator: ", ")))
        }
        return checksum
    }
}
