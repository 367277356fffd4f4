import Testing
@testable import BreakevenCore

/// Correlated inputs: the rank correlation asked for is the one drawn, every input keeps its own
/// distribution, inputs outside every correlation draw exactly as before, and the figures do not
/// depend on the number of threads.
@Suite("Correlated uncertain inputs")
struct CorrelationTests {
    /// Four inputs of MonteCarloTests' scenario: the GPU-hour price and the API's price trend move
    /// together (0.7), traffic growth against the price trend (−0.4); the box's price is independent.
    static let block = """
        { "trials": 20000, "seed": 11, "inputs": {
            "options.gpu.gpu_hourly": { "uniform": [1.9, 3.5] },
            "options.api.price_change_per_year": { "pert": [-0.75, -0.3, 0] },
            "workload.growth.monthly_rate": { "normal": { "mean": 0.05, "sd": 0.02 } },
            "options.box.purchase_price": { "triangular": [30000, 40000, 60000] } },
          "correlations": [
            { "between": ["options.gpu.gpu_hourly", "options.api.price_change_per_year"], "rank_correlation": 0.7 },
            { "between": ["workload.growth.monthly_rate", "options.api.price_change_per_year"], "rank_correlation": -0.4 } ] }
        """

    static func plan(_ block: String = CorrelationTests.block) throws -> UncertaintyPlan {
        try #require(ScenarioText.scenario(MonteCarloTests.document(uncertainty: block)).uncertainty)
    }

    /// Every input's draws, input by input.
    static func draws(_ plan: UncertaintyPlan) throws -> [[Double]] {
        let draws = try TrialDraws(plan)
        var columns = [[Double]](repeating: [], count: plan.inputs.count)
        var row = [Double](repeating: 0, count: plan.inputs.count)
        for t in 0..<plan.trials {
            row.withUnsafeMutableBufferPointer { draws.fill(trial: t, $0) }
            for j in row.indices { columns[j].append(row[j]) }
        }
        return columns
    }

    @Test func spearmanRanksWithTies() {
        // x ranks 1…5; y = [5, 6, 7, 8, 7] ranks [1, 2, 3.5, 5, 3.5] (the two 7s share 3 and 4).
        // Deviations from the mean rank 3: x [−2, −1, 0, 1, 2], y [−2, −1, 0.5, 2, 0.5]:
        // Σxy = 4 + 1 + 0 + 2 + 1 = 8, Σxx = 10, Σyy = 9.5 → ρ = 8 / √95 = 0.820783.
        #expect(abs(InputCorrelation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]) - 0.820783) < 1e-6)
        #expect(InputCorrelation.spearman([1, 2, 3], [3, 3, 3]) == 0)
    }

    @Test func normalScoresForARankCorrelation() {
        // 2·sin(π·ρs/6): ρs = 1 → 2·sin(π/6) = 1; ρs = 0.5 → 2·sin(π/12) = 0.517638; ρs = −0.4 → −0.415823.
        #expect(abs(InputCorrelation(first: 0, second: 1, rank: 1).normalScoreCorrelation - 1) < 1e-15)
        #expect(abs(InputCorrelation(first: 0, second: 1, rank: 0.5).normalScoreCorrelation - 0.517638) < 1e-6)
        #expect(abs(InputCorrelation(first: 0, second: 1, rank: -0.4).normalScoreCorrelation + 0.415823) < 1e-6)
    }

    @Test func theDrawsHaveTheRankCorrelationsAskedFor() throws {
        let plan = try Self.plan()
        let x = try Self.draws(plan)
        // Spearman's ρ of 20,000 pairs has a standard error of about (1 − ρ²)/√n ≤ 0.007: within 0.02.
        #expect(abs(InputCorrelation.spearman(x[0], x[1]) - 0.7) < 0.02)
        #expect(abs(InputCorrelation.spearman(x[2], x[1]) + 0.4) < 0.02)
        // A pair not listed has 0 in the copula's matrix: gpu_hourly and growth share the price trend, yet
        // their normal scores are uncorrelated (L·Lᵀ is the matrix); the box's price is outside every pair.
        #expect(abs(InputCorrelation.spearman(x[0], x[2])) < 0.02)
        #expect(abs(InputCorrelation.spearman(x[0], x[3])) < 0.02)
    }

    @Test func eachInputKeepsItsOwnDistribution() throws {
        let x = try Self.draws(Self.plan())
        func mean(_ v: [Double]) -> Double { v.reduce(0, +) / Double(v.count) }
        // Uniform [1.9, 3.5]: mean 2.7, sd 1.6/√12 = 0.462 → standard error 0.0033; within 0.015.
        #expect(abs(mean(x[0]) - 2.7) < 0.015)
        #expect(x[0].allSatisfy { $0 >= 1.9 && $0 <= 3.5 })
        // PERT [−0.75, −0.3, 0]: mean (−0.75 + 4 × −0.3 + 0) / 6 = −0.325, sd ≈ 0.14 → within 0.005.
        #expect(abs(mean(x[1]) + 0.325) < 0.005)
        // Normal {0.05, 0.02}, its truncation at −1 too far to matter: mean 0.05 → within 0.001.
        #expect(abs(mean(x[2]) - 0.05) < 0.001)
    }

    @Test func anInputOutsideEveryCorrelationDrawsAsWithout() throws {
        let correlated = try Self.draws(Self.plan())
        let independent = try Self.draws(Self.plan(Self.block.replacingOccurrences(of: "0.7 }", with: "0 }")
            .replacingOccurrences(of: "-0.4 }", with: "0 }")))
        // The box's price has its own stream either way: the same value in every trial.
        #expect(correlated[3] == independent[3])
        // A zero correlation is independence: the same normal scores, L the identity.
        #expect(abs(InputCorrelation.spearman(independent[0], independent[1])) < 0.02)
    }

    @Test func threadsDoNotChangeAFigure() throws {
        let text = MonteCarloTests.document(uncertainty: Self.block.replacingOccurrences(of: #""trials": 20000"#, with: #""trials": 500"#))
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "x.json")
        let plan = try #require(loaded.scenario.uncertainty)
        let variants = try ScenarioVariants(loaded, inputs: plan.inputs.map(\.input), probes: plan.inputs.map { [$0.quantile(0.1), $0.quantile(0.9)] })
        let one = MonteCarlo.run(variants, plan: plan, threads: 1)
        #expect(MonteCarlo.run(variants, plan: plan, threads: 2) == one)
        #expect(MonteCarlo.run(variants, plan: plan, threads: 4) == one)
        // The summary reports what was drawn next to what was asked.
        let c = try #require(one.summary.correlations)
        #expect(c.map(\.between) == [["options.gpu.gpu_hourly", "options.api.price_change_per_year"],
                                     ["options.api.price_change_per_year", "workload.growth.monthly_rate"]])
        #expect(c.map(\.rankCorrelation) == [0.7, -0.4])
        #expect(abs(c[0].achieved - 0.7) < 0.08 && abs(c[1].achieved + 0.4) < 0.08)
    }
}
