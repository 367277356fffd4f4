import Testing
@testable import BreakevenCore

@Suite("Percentile trials")
struct PercentileTrialTests {
    @Test func theTrialAtANearestRank() throws {
        // gpu_hourly uniform on [1, 3], 200 trials: the option's total is 720 × 2 × price in April + …, rising with
        // the draw, so the p10, p50 and p90 trials drew about 1.2, 2 and 2.8, and their totals are in that order.
        let text = ScenarioText.document(
            months: 1, workload: #"{ "requests_per_month": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 10 }"#,
            options: [#"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 2 } }"#,
                      #"{ "id": "self", "type": "self_hosted", "gpu_hourly": 2, "throughput": { "output_tokens_per_second": 100, "input_tokens_per_second": 1000 } }"#],
            extra: #", "uncertainty": { "trials": 200, "seed": 3, "inputs": { "options.self.gpu_hourly": { "uniform": [1, 3] } } }"#)
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "t.json")
        let run = try #require(Pipeline.evaluate(loaded).trials)
        let picks = PercentileTrials.quantiles.compactMap { PercentileTrials.trial(run, option: 1, quantile: $0.q) }
        let draws = picks.map { run.value(trial: $0, input: 0) }
        #expect(draws == draws.sorted())
        #expect(abs(draws[0] - 1.2) < 0.15 && abs(draws[1] - 2) < 0.15 && abs(draws[2] - 2.8) < 0.15)
        // The 20th, 100th and 180th of 200 trials by total cost (nearest rank: ⌈q × 200⌉).
        let ranked = (0..<200).sorted { (run.totals(trial: $0, option: 1).totalCost, $0) < (run.totals(trial: $1, option: 1).totalCost, $1) }
        #expect(picks == [ranked[19], ranked[99], ranked[179]])
        // The trial's scenario is rebuilt with its draw.
        let scenarios = try #require(PercentileTrials.scenarios(run, loaded))
        let p90 = try #require(scenarios["self"]?.last)
        #expect(p90.label == "p90")
        let d = try #require(p90.scenario.options[1].terms(SelfHostedDeployment.self))
        #expect(d.gpuHourly == draws[2])
    }
}
