import Testing
@testable import BreakevenCore
@testable import BreakevenReports

@Suite("Trials CSV")
struct TrialsCSVTests {
    @Test func everyTrialsInputsAndResults() throws {
        // April 2026: 50,000 requests of 1,000 output tokens at $10 per Mtok = $500 on the API;
        // one replica at $2 (the only value the choice allows) × 720 h = $1,440, $940 more.
        let text = """
            { "version": 1, "name": "two trials", "start": "2026-04", "months": 1,
              "workload": { "requests_per_month": 50000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 },
              "options": [
                { "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } },
                { "id": "self", "type": "self_hosted", "gpu_hourly": 1, "throughput": { "output_tokens_per_second": 1e7, "input_tokens_per_second": 1e8 } } ],
              "uncertainty": { "trials": 2, "inputs": { "options.self.gpu_hourly": { "choice": [[2, 1]] } } } }
            """
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "two.json")
        var result = BreakevenAnalysis.analyse(loaded.scenario, Simulator.project(loaded.scenario))
        let run = try #require(UncertaintyAnalysis.analyse(&result, loaded))
        #expect(TrialsCSV.render(run) == """
            trial,options.self.gpu_hourly,api.total_cost,api.npv,api.savings_vs_baseline,api.breakeven_month,self.total_cost,self.npv,self.savings_vs_baseline,self.breakeven_month,cheapest\r
            1,2.0,500.00,500.00,,,1440.00,1440.00,-940.00,,api\r
            2,2.0,500.00,500.00,,,1440.00,1440.00,-940.00,,api\r

            """)
        #expect(result.option("self")?.uncertainty?.probabilityCheapest == 0)
        #expect(result.option("api")?.uncertainty?.probabilityCheapest == 1)
        #expect(result.option("self")?.uncertainty?.probabilityBreakeven == 0)
    }
}
