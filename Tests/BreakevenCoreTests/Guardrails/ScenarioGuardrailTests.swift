import Testing
@testable import BreakevenCore

/// The scenario's `guardrails`: read into values, and every mistake reported where it stands.
@Suite("Guardrails in a scenario")
struct ScenarioGuardrailTests {
    static func document(_ guardrails: String) -> String {
        ScenarioText.document(months: 12, workload: BreakevenTests.workload,
                              options: [BreakevenTests.api, BreakevenTests.selfHosted], extra: ",\n  \"guardrails\": \(guardrails)")
    }

    @Test func readsEveryGuardrail() throws {
        let s = try ScenarioText.scenario(Self.document("""
            [{ "option": "self", "metric": "total_cost", "max": 2000000 },
             { "option": "*", "metric": "utilization", "min": 0.4 }]
            """))
        #expect(s.guardrails == [Guardrail(option: "self", metric: .totalCost, bound: .max(2_000_000)),
                                 Guardrail(option: "*", metric: .utilization, bound: .min(0.4))])
        // Guardrails are not cost inputs: no assumption names them.
        #expect(!s.assumptions.contains { $0.path.hasPrefix("guardrails") })
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        #expect(result.guardrails == s.guardrails)
    }

    @Test func noGuardrailsIsAnEmptyList() throws {
        #expect(try ScenarioText.scenario(Self.document("[]")).guardrails == [])
    }

    @Test func everyMistakeWithItsPlace() {
        let text = Self.document("""
            [
                { "option": "slef", "metric": "npv", "max": 1 },
                { "option": "api", "metric": "savings_vs_baseline", "min": 0 },
                { "option": "api", "metric": "utilization", "min": 0.2 },
                { "option": "*", "metric": "utilization", "min": 40 },
                { "option": "self", "metric": "cost", "max": 1 },
                { "option": "self", "metric": "npv", "max": 1, "min": 0 },
                { "option": "self", "metric": "npv" },
                { "option": "Self", "metric": "npv", "max": 1, "maximum": 2 },
                { "option": "gpux", "metric": "savings" },
                { "option": "api", "metric": "gpus", "max": 8 },
                { "option": "*", "metric": "unmet_requests", "max": -1 }
              ]
            """)
        #expect(ScenarioText.errors(text) == [
            #"x.json:13:17: error: guardrails[0].option: unknown option id "slef"; did you mean "self"?"#,
            #"x.json:14:17: error: guardrails[1].option: "api" is the baseline; savings_vs_baseline compares the other options with it"#,
            #"x.json:15:17: error: guardrails[2].option: "api" is an api option, which provisions no capacity and has no utilization"#,
            "x.json:16:54: error: guardrails[3].min: expected a utilization from 0 to 1, found 40",
            // "cost" sits in "total_cost" and "monthly_cost": the shorter, fewer letters added.
            #"x.json:17:35: error: guardrails[4].metric: expected one of "total_cost", "npv", "monthly_cost", "breakeven_month", "utilization", "savings_vs_baseline", "gpus", "unmet_requests", found "cost"; did you mean "total_cost"?"#,
            #"x.json:18:52: error: guardrails[5].min: "min" cannot be given together with "max""#,
            #"x.json:19:5: error: guardrails[6]: expected either "max" or "min", found none"#,
            #"x.json:20:17: error: guardrails[7].option: expected an id of lowercase letters, digits, '-', '_' or '.', found "Self""#,
            #"x.json:20:52: error: guardrails[7].maximum: unknown key "maximum"; did you mean "max"?"#,
            // Three mistakes in one guardrail, all in one run: the option used to wait for the metric.
            #"x.json:21:5: error: guardrails[8]: expected either "max" or "min", found none"#,
            #"x.json:21:17: error: guardrails[8].option: unknown option id "gpux""#,
            #"x.json:21:35: error: guardrails[8].metric: expected one of "total_cost", "npv", "monthly_cost", "breakeven_month", "utilization", "savings_vs_baseline", "gpus", "unmet_requests", found "savings"; did you mean "savings_vs_baseline"?"#,
            #"x.json:22:17: error: guardrails[9].option: "api" is an api option, which rents no GPUs and has no GPUs paid"#,
            "x.json:23:57: error: guardrails[10].max: expected a count of requests, 0 or more, found -1",
        ])
    }
}
