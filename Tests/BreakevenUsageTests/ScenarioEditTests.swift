@testable import BreakevenCore
@testable import BreakevenUsage
import Testing

/// `fit --into`: the workload replaced, everything else kept byte for byte.
struct ScenarioEditTests {
    static let scenario = """
        {
          "version": 1,
          "name": "Café support ☕",
          "start": "2026-01",
          "workload": { "requests_per_month": 1,
                        "input_tokens_per_request": 1, "output_tokens_per_request": 1 },
          "options": [ { "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 2 } } ]
        }

        """

    static func fitted(uncertainty: Bool = false) throws -> FittedWorkload {
        let months = (1...3).map { FitTests.month("2026-0\($0)", requests: Int64(31 * $0), input: 100, output: 10) }
        return try WorkloadFit.fit(FitTests.history(months, to: "2026-04"), FitOptions(uncertainty: uncertainty))
    }

    @Test func theWorkloadIsReplacedAndTheRestKept() throws {
        let fitted = try ScenarioEditTests.fitted()
        let edit = try ScenarioEdit(Array(ScenarioEditTests.scenario.utf8), fitted: fitted, mergeUncertainty: false)
        let text = String(decoding: edit.text, as: UTF8.self)
        // The start moves to the first projected month (after March); the name's ☕ is untouched.
        #expect(edit.movedStart?.from == CalendarMonth(year: 2026, month: 1) && edit.movedStart?.to == CalendarMonth(year: 2026, month: 4))
        #expect(text.hasPrefix("{\n  \"version\": 1,\n  \"name\": \"Café support ☕\",\n  \"start\": \"2026-04\",\n  \"workload\": {\n    \"requests_per_day\": "))
        #expect(text.hasSuffix("\n  },\n  \"options\": [ { \"id\": \"api\", \"type\": \"api\", \"prices\": { \"input_per_mtok\": 1, \"output_per_mtok\": 2 } } ]\n}\n"))
        // The result is a valid scenario with the fitted actuals.
        let s = try ScenarioLoader.load(edit.text, file: "x.json").scenario
        #expect(s.workload.actuals.map(\.requests) == [31, 62, 93])
        // Fitting again into the result changes nothing.
        #expect(try ScenarioEdit(edit.text, fitted: fitted, mergeUncertainty: false).text == edit.text)
    }

    @Test func uncertaintyIsAddedOrMergedIntoTheExistingBlock() throws {
        let fitted = try ScenarioEditTests.fitted(uncertainty: true)
        let added = try ScenarioEdit(Array(ScenarioEditTests.scenario.utf8), fitted: fitted, mergeUncertainty: true)
        let s = try ScenarioLoader.load(added.text, file: "x.json").scenario
        #expect(s.uncertainty?.inputs.map(\.path).contains("workload.requests_per_day") == true)
        // An existing block keeps its own inputs and its trials.
        let withBlock = ScenarioEditTests.scenario.replacingOccurrences(of: "\"options\"", with: """
            "uncertainty": { "trials": 500, "inputs": { "options.api.prices.input_per_mtok": { "uniform": [0.5, 1.5] } } },
              "options"
            """)
        let merged = try ScenarioEdit(Array(withBlock.utf8), fitted: fitted, mergeUncertainty: true)
        let plan = try #require(try ScenarioLoader.load(merged.text, file: "x.json").scenario.uncertainty)
        #expect(plan.trials == 500)
        #expect(plan.inputs.first?.path == "options.api.prices.input_per_mtok")
        #expect(plan.inputs.contains { $0.path == "workload.growth.monthly_rate" })
    }
}
