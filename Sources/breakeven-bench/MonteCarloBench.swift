import BreakevenCore
import BreakevenReports
import Foundation

/// Monte Carlo and sweep figures on `BenchScenario`.
enum MonteCarloBench {
    static func run() -> Double {
        var checksum = 0.0
        let bytes = Array(BenchScenario.text.utf8)
        guard let loaded = try? ScenarioLoader.load(bytes, file: BenchScenario.path), let plan = loaded.scenario.uncertainty,
              let variants = try? ScenarioVariants(document: loaded.document, scenario: loaded.scenario, catalog: CatalogSnapshot(),
                                                   inputs: plan.inputs.map(\.input),
                                                   probes: plan.inputs.map { [$0.quantile(0.1), $0.quantile(0.9)] })
        else {
            print("monte carlo: the benchmark scenario does not load")
            return 0
        }
        let s = loaded.scenario
        let optionMonths = Double(plan.trials * s.months * s.options.count)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        print("monte carlo: \(BenchScenario.path) (\(s.options.count) options × \(s.months) months, \(plan.inputs.count) uncertain inputs, \(plan.trials) trials, typed setters: \(variants.usesSetters))")

        // The trial loop alone on one thread: the per-core rate.
        var best = Double.infinity
        for _ in 0..<5 {
            let t = seconds { checksum += MonteCarlo.run(variants, plan: plan, threads: 1).totals[0].totalCost }
            best = min(best, t)
        }
        print(String(format: "  trial loop, 1 thread: %.0f option-months/s per core (%.3f s for %.0f option-months, best of 5)",
                     optionMonths / best, best, optionMonths))
        var bestAll = Double.infinity
        for _ in 0..<5 {
            let t = seconds { checksum += MonteCarlo.run(variants, plan: plan, threads: cores).totals[0].totalCost }
            bestAll = min(bestAll, t)
        }
        print(String(format: "  trial loop, %d threads: %.3f s wall (%.0f option-months/s per core)",
                     cores, bestAll, optionMonths / bestAll / Double(cores)))

        // End to end, as `run` does it without the disk: load and check (the uncertainty block's
        // probes), the deterministic analysis, the tornado, the trials, every report format.
        var wall = Double.infinity
        for _ in 0..<5 {
            let t = seconds {
                guard let l = try? ScenarioLoader.load(bytes, file: BenchScenario.path) else { return }
                var result = BreakevenAnalysis.analyse(l.scenario, Simulator.project(l.scenario))
                UncertaintyAnalysis.analyse(&result, document: l.document, scenario: l.scenario, threads: cores)
                let md = MarkdownReport.render(result, context: ReportContext(scenarioPath: BenchScenario.path))
                let json = (try? JSONReport.render(result)) ?? ""
                checksum += Double(md.count + json.count + (TornadoChart.render(result)?.count ?? 0))
            }
            wall = min(wall, t)
        }
        print(String(format: "  end to end (load, analyse, tornado, %d trials on %d threads, render): %.3f s wall, best of 5",
                     plan.trials, cores, wall))
        return checksum
    }

    static func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
