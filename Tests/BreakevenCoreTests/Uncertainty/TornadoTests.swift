import Testing
@testable import BreakevenCore

/// The tornado on a one-month case whose drivers are known by construction.
@Suite("Tornado")
struct TornadoTests {
    /// April 2026, 720 hours. 1,000,000 requests of 1,000 output tokens (no prompt) = 1e9 output
    /// tokens: the API bills 1,000 Mtok × $20 = $20,000. One replica (so fast it never needs a
    /// second) costs 720 h × $2 = $1,440, one engineer $120,000 / 12 = $10,000.
    /// Savings: 20,000 − 1,440 − 10,000 = $8,560.
    static func document(_ uncertainty: String = "") -> String {
        ScenarioText.document(workload: #"{ "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#, options: [
            #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 20 }, "price_change_per_year": -0.3 }"#,
            #"{ "id": "self", "type": "self_hosted", "gpu_hourly": 2, "throughput": { "output_tokens_per_second": 1e7, "input_tokens_per_second": 1e8 }, "team": { "engineers": 1, "cost_per_engineer_per_year": 120000 } }"#,
        ], extra: uncertainty.isEmpty ? "" : ",\n  \"uncertainty\": " + uncertainty)
    }

    static func sensitivity(_ text: String) throws -> Sensitivity {
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "x.json")
        return try #require(Tornado.analyse(loaded))
    }

    @Test func uncertainInputsAtTheirTenthAndNinetiethPercentiles() throws {
        // engineers uniform [0, 2]: 0.2 and 1.8 → team $2,000 and $18,000 → savings $16,560 and $560, swing $16,000
        // output price uniform [15, 25]: $16 and $24 → API $16,000 and $24,000 → $4,560 and $12,560, swing $8,000
        // GPU-hour uniform [1, 3]: $1.20 and $2.80 → $864 and $2,016 → $9,136 and $7,984, swing $1,152
        // the API's yearly trend: month 1 is (1 + x)^0 = 1 whatever x, swing 0
        let s = try Self.sensitivity(Self.document("""
            { "trials": 10, "inputs": {
                "options.self.gpu_hourly": { "uniform": [1, 3] },
                "options.api.price_change_per_year": { "uniform": [-0.5, 0] },
                "options.self.team.engineers": { "uniform": [0, 2] },
                "options.api.prices.output_per_mtok": { "uniform": [15, 25] } } }
            """))
        #expect(s.option == "self" && s.baseline == "api" && s.method == .percentiles)
        #expect(close(s.savings, 8_560) && s.breakevenMonth == 1)
        #expect(s.bars.map(\.path) == ["options.self.team.engineers", "options.api.prices.output_per_mtok",
                                       "options.self.gpu_hourly", "options.api.price_change_per_year"])
        let engineers = s.bars[0]
        #expect(close(engineers.low, 0.2) && close(engineers.high, 1.8))
        #expect(close(engineers.savingsAtLow, 16_560) && close(engineers.savingsAtHigh, 560) && close(engineers.swing, 16_000))
        #expect(close(s.bars[1].swing, 8_000) && close(s.bars[2].swing, 1_152) && s.bars[3].swing == 0)
    }

    @Test func withoutUncertaintyEveryInputMovesAQuarter() throws {
        // ±25%: the volume, the output size, the output price and the API's output multiplier each
        // move the API bill by $5,000 either way (swing $10,000); the engineer count and its cost
        // move the team by $2,500 (swing $5,000); the GPU-hour moves 720 h × $0.50 (swing $720).
        // The prompt (0 tokens, so its price does nothing), the throughput (one replica either way)
        // and min_replicas (0.75 and 1.25 both round to 1) leave no bar. Equal swings go by path.
        let s = try Self.sensitivity(Self.document())
        #expect(s.method == .plusMinus25)
        #expect(s.bars.map(\.path) == [
            "options.api.output_token_multiplier", "options.api.prices.output_per_mtok",
            "workload.output_tokens_per_request", "workload.requests_per_month",
            "options.self.team.cost_per_engineer_per_year", "options.self.team.engineers",
            "options.self.gpu_hourly",
        ])
        #expect(s.bars.prefix(4).allSatisfy { close($0.swing, 10_000) })
        #expect(close(s.bars[6].low, 1.5) && close(s.bars[6].high, 2.5) && close(s.bars[6].swing, 720))
    }

    /// An input that moves both totals alike is no bar. 300 seats of $20 that include 900
    /// requests each and overflow the rest to an API, against that API (the team coding case,
    /// 6 months, prices falling 20% a year): every request past the 270,000 the seats serve costs
    /// the same on both sides, so the volume and its growth leave the savings as they are, but
    /// for a difference of about 1e-11 from floating-point rounding, which a strict `swing > 0`
    /// drew as a bar of $0.000000000007. The seat fee does move them: $15 and $25 a seat-month
    /// are 300 × $10 × 6 = $18,000 apart.
    @Test func anInputThatMovesBothTotalsAlikeIsNoBar() throws {
        let text = ScenarioText.document(months: 6, workload: """
            { "requests_per_month": 390000, "input_tokens_per_request": 24000, "cached_input_share": 0.85,
              "output_tokens_per_request": 900, "growth": { "annual_rate": 0.25 } }
            """, options: [
            #"{ "id": "seats", "type": "subscription", "monthly_fee": 20, "seats": 300, "included": { "requests_per_month": 900 }, "overflow": "api" }"#,
            #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 3, "cached_input_per_mtok": 0.3, "output_per_mtok": 15 }, "discount": 0.1, "price_change_per_year": -0.2 }"#,
        ], extra: #", "baseline": "seats""#)
        let s = try Self.sensitivity(text)
        #expect(s.option == "api")
        #expect(!s.bars.contains { $0.path == "workload.requests_per_month" || $0.path == "workload.growth.annual_rate" })
        #expect(s.bars.first { $0.path == "options.seats.monthly_fee" }.map { close($0.swing, 18_000) } == true)
        #expect(s.bars.allSatisfy { $0.movesSavings })
    }
}
