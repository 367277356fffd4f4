import Testing
@testable import BreakevenCore

/// Every message a bad `uncertainty` block gets, as exact strings: located at the input's key or
/// the parameter at fault, with the JSON path and "did you mean".
@Suite("Invalid uncertainty blocks")
struct UncertaintyErrorTests {
    static let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 100, "growth": { "monthly_rate": 0.02 } }"#
    static let options = [
        #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 4 } }"#,
        #"{ "id": "self", "type": "self_hosted", "gpu_hourly": 2, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 }, "min_replicas": 1 }"#,
    ]

    /// The scenario with this `uncertainty` block, which starts on line 10, column 20.
    static func errors(_ block: String) -> [String] {
        ScenarioText.errors(ScenarioText.document(months: 24, workload: workload, options: options, extra: ",\n  \"uncertainty\": " + block))
    }

    @Test func pathsThatNameNoNumber() {
        let block = """
            { "inputs": {
                "options.self.gpu_hourli": { "uniform": [1, 3] },
                "options.self.scaling": { "uniform": [1, 3] },
                "months": { "uniform": [12, 24] },
                "workload.growth.yearly_rate": { "uniform": [0, 0.1] } } }
            """
        #expect(Self.errors(block) == [
            #"x.json:11:5: error: uncertainty.inputs.options.self.gpu_hourli: unknown input "options.self.gpu_hourli"; did you mean "options.self.gpu_hourly"?"#,
            #"x.json:12:5: error: uncertainty.inputs.options.self.scaling: "options.self.scaling" is not a number in this scenario (its value is "static")"#,
            #"x.json:13:5: error: uncertainty.inputs.months: "months" cannot vary: every trial covers the same horizon"#,
            #"x.json:14:5: error: uncertainty.inputs.workload.growth.yearly_rate: unknown input "workload.growth.yearly_rate"; did you mean "workload.growth.monthly_rate"?"#,
        ])
    }

    @Test func distributionsOutsideTheInputsRange() {
        let block = """
            { "inputs": {
                "options.self.gpu_hourly": { "uniform": [-1, 3] },
                "options.self.max_utilization": { "triangular": [0.5, 0.7, 1.2] },
                "workload.growth.monthly_rate": { "normal": { "mean": -2, "sd": 0.1 } },
                "options.api.prices.input_per_mtok": { "lognormal": { "median": 20000, "p90": 30000 } },
                "options.self.min_replicas": { "choice": [[1, 1], [20000, 1]] } } }
            """
        #expect(Self.errors(block) == [
            "x.json:11:46: error: uncertainty.inputs.options.self.gpu_hourly.uniform[0]: expected a number from 0 to 1000 (the range of options.self.gpu_hourly), found -1",
            "x.json:12:64: error: uncertainty.inputs.options.self.max_utilization.triangular[2]: expected a number from 0.01 to 1 (the range of options.self.max_utilization), found 1.2",
            "x.json:13:59: error: uncertainty.inputs.workload.growth.monthly_rate.normal.mean: expected a number > -1 and ≤ 10 (the range of workload.growth.monthly_rate), found -2",
            "x.json:14:69: error: uncertainty.inputs.options.api.prices.input_per_mtok.lognormal.median: expected a number from 0 to 10000 (the range of options.api.prices.input_per_mtok), found 20000",
            "x.json:15:56: error: uncertainty.inputs.options.self.min_replicas.choice[1][0]: expected an integer from 0 to 10000 (the range of options.self.min_replicas), found 20000",
        ])
    }

    @Test func parametersOutOfOrder() {
        let block = """
            { "inputs": {
                "options.self.gpu_hourly": { "uniform": [3, 1] },
                "options.self.max_utilization": { "pert": [0.5, 0.9, 0.8] },
                "options.api.prices.input_per_mtok": { "lognormal": { "median": 2, "p90": 1 } },
                "options.api.prices.output_per_mtok": { "choice": [[3, -1], [4, 0]] } } }
            """
        #expect(Self.errors(block) == [
            "x.json:11:45: error: uncertainty.inputs.options.self.gpu_hourly.uniform: expected lo ≤ hi, found [3, 1]",
            "x.json:12:47: error: uncertainty.inputs.options.self.max_utilization.pert: expected lo ≤ mode ≤ hi, found [0.5, 0.9, 0.8]",
            "x.json:13:79: error: uncertainty.inputs.options.api.prices.input_per_mtok.lognormal.p90: expected a p90 of at least the median (2), found 1",
            "x.json:14:60: error: uncertainty.inputs.options.api.prices.output_per_mtok.choice[0][1]: expected a weight ≥ 0, found -1",
        ])
    }

    @Test func shapeOfTheBlock() {
        let block = """
            { "trials": 0, "seeed": 3, "inputs": {
                "options.self.gpu_hourly": { "uniform": [1, 3], "normal": { "mean": 2, "sd": 1 } },
                "options.api.prices.input_per_mtok": { "triangulr": [1, 2, 3] },
                "options.api.prices.output_per_mtok": { "choice": [[3, 0], [4, 0]] } } }
            """
        #expect(Self.errors(block) == [
            "x.json:10:30: error: uncertainty.trials: expected an integer from 1 to 100000, found 0",
            #"x.json:10:33: error: uncertainty.seeed: unknown key "seeed"; did you mean "seed"?"#,
            #"x.json:11:53: error: uncertainty.inputs.options.self.gpu_hourly.normal: "normal" cannot be given together with "uniform""#,
            #"x.json:12:42: error: uncertainty.inputs.options.api.prices.input_per_mtok: expected one of "uniform", "triangular", "pert", "normal", "lognormal", "choice", found none"#,
            #"x.json:12:44: error: uncertainty.inputs.options.api.prices.input_per_mtok.triangulr: unknown key "triangulr"; did you mean "triangular"?"#,
            // Weights that are all 0 need no scenario to see: they come with the shape's problems.
            "x.json:13:55: error: uncertainty.inputs.options.api.prices.output_per_mtok.choice: expected at least one weight above 0, found none",
        ])
        #expect(Self.errors(#"{ "inputs": { "options.api.prices.output_per_mtok": { "choice": [[3, 0], [4, 0]] } } }"#) == [
            "x.json:10:82: error: uncertainty.inputs.options.api.prices.output_per_mtok.choice: expected at least one weight above 0, found none",
        ])
        #expect(Self.errors(#"{ "inputs": {} }"#) == ["x.json:10:30: error: uncertainty.inputs: expected at least one uncertain input, found none"])
    }

    /// A block's own mistakes need no scenario to see: they come in the same run as the rest of
    /// the scenario's problems, not after those are fixed (they used to wait for a scenario that built).
    @Test func theBlocksOwnMistakesComeWithTheScenarios() {
        let options = [Self.options[0], #"{ "id": "self", "type": "self_hosted", "gpu_hourly": -2, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 10000 } }"#]
        let block = """
            { "inputs": {
                "options.self.gpu_hourly": { "uniform": [3, 1] },
                "options.api.prices.input_per_mtok": { "lognormal": { "median": 2, "p90": 1 } },
                "options.api.prices.output_per_mtok": { "choice": [[3, 0], [4, 0]] } },
              "correlations": [ { "between": ["options.self.gpu_hourly", "options.self.gpu_hourli"], "rank_correlation": 0.5 } ] }
            """
        #expect(ScenarioText.errors(ScenarioText.document(months: 24, workload: Self.workload, options: options,
                                                          extra: ",\n  \"uncertainty\": " + block)) == [
            "x.json:9:54: error: options[1].gpu_hourly: expected a number from 0 to 1000, found -2",
            "x.json:11:45: error: uncertainty.inputs.options.self.gpu_hourly.uniform: expected lo ≤ hi, found [3, 1]",
            "x.json:12:79: error: uncertainty.inputs.options.api.prices.input_per_mtok.lognormal.p90: expected a p90 of at least the median (2), found 1",
            "x.json:13:55: error: uncertainty.inputs.options.api.prices.output_per_mtok.choice: expected at least one weight above 0, found none",
            #"x.json:14:62: error: uncertainty.correlations[0].between[1]: expected the path of an input listed in uncertainty.inputs, found "options.self.gpu_hourli"; did you mean "options.self.gpu_hourly"?"#,
        ])
    }

    @Test func theScenarioMustStayValidAtTheTenthAndNinetiethPercentiles() {
        // 1e6 requests × 1,100 tokens = 1.1e9 tokens in month 1. The 90th percentile of uniform
        // [0, 1.125] is 0.9 × 1.125 = 1.0125 a month: month 21 has 1.1e9 × 2.0125^20 = 1.3e15
        // tokens (month 20: 6.5e14), past the 1e15 a month the engine supports.
        let block = #"{ "inputs": { "workload.growth.monthly_rate": { "uniform": [0, 1.125] } } }"#
        #expect(Self.errors(block) == [
            "x.json:10:32: error: uncertainty.inputs.workload.growth.monthly_rate: at its 90th percentile, 1.0125, the scenario is invalid: workload.growth: the workload reaches 1.3e15 tokens in month 21; at most 1e15 tokens a month are supported",
        ])
    }

    @Test func aDrawnFigureMustKeepItsOrderWithTheOthers() {
        // The p90 of uniform [50, 200] is 50 + 0.9 × 150 = 185 W idle, above the 100 W busy.
        let box = #"{ "id": "box", "type": "owned_hardware", "purchase_price": 1000, "watts_busy": 100, "watts_idle": 60, "throughput": { "output_tokens_per_second": 10, "input_tokens_per_second": 10 } }"#
        let text = ScenarioText.document(months: 24, workload: Self.workload, options: [Self.options[0], box], extra: """
            ,
              "uncertainty": { "inputs": { "options.box.watts_idle": { "uniform": [50, 200] } } }
            """)
        #expect(ScenarioText.errors(text) == [
            "x.json:10:32: error: uncertainty.inputs.options.box.watts_idle: at its 90th percentile, 185, the scenario is invalid: watts_idle: expected at most watts_busy (100), found 185",
        ])
    }

    @Test func aValidBlockIsRead() throws {
        let text = ScenarioText.document(months: 24, workload: Self.workload, options: Self.options, extra: """
            ,
              "uncertainty": { "trials": 500, "seed": 9, "inputs": {
                "options.self.gpu_hourly": { "triangular": [1.5, 2, 3] },
                "options.self.min_replicas": { "choice": [[1, 3], [2, 1]] } } }
            """)
        let plan = try #require(try ScenarioText.scenario(text).uncertainty)
        #expect(plan.trials == 500 && plan.seed == 9)
        #expect(plan.inputs.map(\.path) == ["options.self.gpu_hourly", "options.self.min_replicas"])
        #expect(plan.inputs[0].input == NumericInput(path: "options.self.gpu_hourly", nominal: 2, range: InputRange(lower: 0, upper: 1000)))
        #expect(plan.inputs[1].input.range.isInteger)
        #expect(plan.inputs[0].distribution == .triangular(lo: 1.5, mode: 2, hi: 3))
    }

    @Test func correlationsThatNameNoInputOrContradictEachOther() {
        let inputs = """
            { "inputs": {
                "options.self.gpu_hourly": { "uniform": [1, 3] },
                "options.api.price_change_per_year": { "uniform": [-0.5, 0] },
                "workload.growth.monthly_rate": { "uniform": [0, 0.05] } },
              "correlations": [
            """
        // The shape first: two paths, a correlation strictly between −1 and 1.
        #expect(Self.errors(inputs + "\n" + """
                { "between": ["options.self.gpu_hourly"], "rank_correlation": 1 } ] }
            """) == [
            #"x.json:15:18: error: uncertainty.correlations[0].between: expected exactly 2 elements, found 1"#,
            #"x.json:15:67: error: uncertainty.correlations[0].rank_correlation: expected a number > -1 and < 1, found 1"#,
        ])
        #expect(Self.errors(inputs + "\n" + """
                { "between": ["options.self.gpu_hourli", "options.api.price_change_per_year"], "rank_correlation": 0.5 },
                { "between": ["options.self.gpu_hourly", "options.self.gpu_hourly"], "rank_correlation": 0.5 },
                { "between": ["options.self.gpu_hourly", "workload.growth.monthly_rate"], "rank_correlation": 0.5 },
                { "between": ["workload.growth.monthly_rate", "options.self.gpu_hourly"], "rank_correlation": -0.2 } ] }
            """) == [
            #"x.json:15:19: error: uncertainty.correlations[0].between[0]: expected the path of an input listed in uncertainty.inputs, found "options.self.gpu_hourli"; did you mean "options.self.gpu_hourly"?"#,
            #"x.json:16:18: error: uncertainty.correlations[1].between: expected two different inputs, found "options.self.gpu_hourly" twice"#,
            #"x.json:18:5: error: uncertainty.correlations[3]: options.self.gpu_hourly and workload.growth.monthly_rate are already correlated in correlations[2]"#,
        ])
        // Each pair alone is possible, all three together are not: a and b, b and c move together, a and c apart.
        #expect(Self.errors(inputs + "\n" + """
                { "between": ["options.self.gpu_hourly", "options.api.price_change_per_year"], "rank_correlation": 0.9 },
                { "between": ["options.api.price_change_per_year", "workload.growth.monthly_rate"], "rank_correlation": 0.9 },
                { "between": ["options.self.gpu_hourly", "workload.growth.monthly_rate"], "rank_correlation": -0.9 } ] }
            """) == [
            #"x.json:14:19: error: uncertainty.correlations: these rank correlations contradict each other: no joint distribution has them all (the matrix of their normal scores is not positive definite); weaken the strongest"#,
        ])
    }
}
