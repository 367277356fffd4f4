import Testing
@testable import BreakevenCore

@Suite("Comparing scenarios")
struct ScenarioComparisonTests {
    @Test func unitCostsOfTheCheapestOption() throws {
        // 2 months of 1e6 requests × (500 + 500) tokens at $1 / $3 per million:
        // 5e8 × 1 + 5e8 × 3 = $2,000 a month, $4,000 over 2e9 tokens and 2e6 requests.
        let s = try ScenarioText.scenario(months: 2,
            workload: #"{ "requests_per_month": 1000000, "input_tokens_per_request": 500, "output_tokens_per_request": 500 }"#,
            options: [#"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 3 } }"#])
        let c = ScenarioComparison([("a", BreakevenAnalysis.analyse(s, Simulator.project(s)), 40)])
        let e = try #require(c.entries.first)
        #expect(close(e.costPerMTok, 2))          // 4,000 / 2,000 Mtok
        #expect(close(e.costPerRequest, 0.002))   // 4,000 / 2e6
        #expect(close(e.costPerSeatMonth, 50))    // 4,000 / 40 seats / 2 months
        #expect(e.cheapest.id == "api")
    }
}
