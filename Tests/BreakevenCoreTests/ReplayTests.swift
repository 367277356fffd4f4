import Testing
@testable import BreakevenCore

@Suite("Replay of the months that happened")
struct ReplayTests {
    /// January and February 2026 before a projection from April: 1,000 requests of 1,000 prompt
    /// tokens (half cached) and 200 output; then 2,000 requests of 2,000 prompt tokens (none
    /// cached) and 100 output, 500 of them batch.
    static let workload = """
        { "requests_per_month": 1000, "input_tokens_per_request": 1000, "output_tokens_per_request": 200,
          "growth": { "monthly_rate": 0.1 },
          "actuals": [
            { "month": "2026-01", "requests": 1000, "input_tokens": 1000000, "cached_input_tokens": 500000, "output_tokens": 200000, "billed": 3.1 },
            { "month": "2026-02", "requests": 2000, "input_tokens": 4000000, "cached_input_tokens": 0, "output_tokens": 200000, "batch_requests": 500 }
          ] }
        """
    static let api = """
        { "id": "api", "type": "api", "price_change_per_year": -0.3,
          "prices": { "input_per_mtok": 2, "cached_input_per_mtok": 0.5, "output_per_mtok": 8, "batch_discount": 0.5 } }
        """
    static let gpu = """
        { "id": "self", "type": "self_hosted", "gpu_hourly": 2, "gpu_price_change_per_year": -0.2,
          "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 100000 }, "min_replicas": 1,
          "one_time": { "migration": 100 } }
        """

    @Test func eachMonthIsBilledWithItsOwnMixAtThePricesInEffect() throws {
        let s = try ScenarioText.scenario(months: 3, workload: Self.workload, options: [Self.api, Self.gpu])
        let replay = try #require(Simulator.replay(s))
        let api = replay.options[0].months
        #expect(api.map(\.date.description) == ["2026-01", "2026-02"])
        // January: 500,000 uncached × $2 + 500,000 cached × $0.50 + 200,000 output × $8, per million:
        // 1.00 + 0.25 + 1.60 = 2.85 (no yearly trend: the month happened at the prices then).
        #expect(close(api[0].costs.api, 2.85))
        // February: 2,000 prompt tokens × 2,000 requests = 4e6 × $2 = 8.00, + 2e5 output × $8 = 1.60;
        // a quarter of it batch at half price: 9.60 × (1 − 0.25 × 0.5) = 8.40.
        #expect(close(api[1].costs.api, 8.4))
        #expect(close(api[1].cumulativeCost, 11.25))
        #expect(api[1].inputTokens == 4e6)
    }

    @Test func capacityIsSizedOnTheMonthAndOneTimeCostsFallInTheFirst() throws {
        let s = try ScenarioText.scenario(months: 3, workload: Self.workload, options: [Self.api, Self.gpu])
        let months = try #require(Simulator.replay(s)).options[1].months
        // One replica (min_replicas) all month at $2 an hour, no trend: 744 h × 2 = 1,488 in
        // January plus the $100 migration; 672 h × 2 = 1,344 in February.
        #expect(close(months[0].totalCost, 1588))
        #expect(close(months[1].totalCost, 1344))
        #expect(months[0].replicas == 1)
    }

    @Test func theResultCarriesReplayTotalsAndTheActuals() throws {
        let s = try ScenarioText.scenario(months: 3, workload: Self.workload, options: [Self.api, Self.gpu])
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let selfReplay = try #require(result.options[1].replay)
        #expect(close(selfReplay.totalCost, 2932))
        // 11.25 − 2,932 = −2,920.75: self-hosting those two months would have cost more.
        #expect(close(selfReplay.savingsVsBaseline, -2920.75))
        #expect(result.options[0].replay?.savingsVsBaseline == 0)
        #expect(result.scenario.actuals?.map(\.billed) == [3.1, nil])
        // The projection itself is untouched: April starts at 1,000 requests.
        #expect(result.options[0].months[0].requests == 1000)
    }

    @Test func aCatalogModelIsReplayedAtTheDatedPriceOfEachMonth() throws {
        let catalog = CatalogSnapshot(modelPrices: [
            ModelPrice(id: "test/model", provider: "test", effectiveFrom: CalendarDay(year: 2025, month: 1, day: 1),
                       inputPerMTok: 4, outputPerMTok: 16, source: "test"),
            ModelPrice(id: "test/model", provider: "test", effectiveFrom: CalendarDay(year: 2026, month: 2, day: 1),
                       inputPerMTok: 2, outputPerMTok: 8, source: "test"),
        ])
        let text = ScenarioText.document(months: 3, workload: Self.workload, options: [#"{ "id": "api", "type": "api", "model": "test/model" }"#])
        let s = try ScenarioLoader.load(Array(text.utf8), file: "x.json", catalog: catalog).scenario
        // January was priced at $4/$16 (in effect then); February at today's $2/$8, as as_of.
        #expect(s.replay.map { $0.scenario.option("api")?.apiPricing?.tiers[0].standard.input } == [4, 2])
        let months = try #require(Simulator.replay(s)).options[0].months
        // January: 1e6 prompt tokens (no cached price: cached at the input price) × $4 + 2e5 × $16 = 4 + 3.2.
        #expect(close(months[0].costs.api, 7.2))
        // February: 4e6 × $2 + 2e5 × $8 = 9.60, a quarter batch (catalog without batch prices: full price).
        #expect(close(months[1].costs.api, 9.6))
    }

    @Test func actualsAreCheckedForOrderDuplicatesAndSums() {
        let actuals = """
            [ { "month": "2026-02", "requests": 10, "input_tokens": 100, "cached_input_tokens": 101, "output_tokens": 5 },
              { "month": "2026-01", "requests": 10, "input_tokens": 100, "cached_input_tokens": 0, "output_tokens": 5, "batch_requests": 11 },
              { "month": "2026-02", "requests": 10, "input_tokens": 100, "cached_input_tokens": 0, "output_tokens": 5 },
              { "month": "2026-13", "requests": -1, "input_tokens": 100, "cached_input_tokens": 0, "output_tokens": 5 } ]
            """
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 1, "input_tokens_per_request": 1, "output_tokens_per_request": 1, "actuals": \#(actuals) }"#,
                                         options: [#"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#])
        #expect(ScenarioText.errors(text) == [
            "x.json:7:200: error: workload.actuals[0].cached_input_tokens: expected at most input_tokens (100), which include the cached ones, found 101",
            "x.json:8:14: error: workload.actuals[1].month: expected a month after 2026-02 (actuals are oldest first), found 2026-01",
            "x.json:8:126: error: workload.actuals[1].batch_requests: expected at most requests (10), found 11",
            "x.json:9:14: error: workload.actuals[2].month: duplicate month 2026-02 (first given in actuals[0])",
            #"x.json:10:14: error: workload.actuals[3].month: expected a month "YYYY-MM", found "2026-13""#,
            "x.json:10:37: error: workload.actuals[3].requests: expected an integer from 0 to 1e12, found -1",
        ])
    }
}

@Suite("Replay prices before a catalog price")
struct ReplayPriceGapTests {
    @Test func aMonthBeforeTheCatalogsFirstPriceIsReplayedAtTheAsOfPriceAndSaysSo() throws {
        let catalog = CatalogSnapshot(modelPrices: [
            ModelPrice(id: "test/model", provider: "test", effectiveFrom: CalendarDay(year: 2026, month: 3, day: 1),
                       inputPerMTok: 2, outputPerMTok: 8, source: "test"),
        ])
        let text = ScenarioText.document(months: 3, workload: ReplayTests.workload, options: [#"{ "id": "api", "type": "api", "model": "test/model" }"#])
        let s = try ScenarioLoader.load(Array(text.utf8), file: "x.json", catalog: catalog).scenario
        #expect(s.replay.map { $0.scenario.option("api")?.apiPricing?.tiers[0].standard.input } == [2, 2])
        #expect(s.assumptions.contains(Assumption(path: "workload.actuals.prices",
                                                  value: "api: no catalog price in effect in 2026-01 to 2026-02; those months replayed at the as_of prices",
                                                  source: .defaultValue, title: "Replayed prices")))
    }
}
