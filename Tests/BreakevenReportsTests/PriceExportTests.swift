import Foundation
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// `export prices` in each tool's documented format, against golden files (issue 14). The fixture
/// prices.json: 1,000,000 requests a month of 1,000 prompt tokens (40% cached) and 200 output tokens,
/// on one GPU at $2 an hour with 10,000 prefill and 1,000 decode tokens a second per replica.
///
/// April (720 hours): run-rate cost 720 × $2 = $1,440. A request takes 600 uncached / 10,000 = 0.06 s of
/// prefill and 200 / 1,000 = 0.2 s of decode, so input carries 0.06 / 0.26 = 3/13 of the cost:
/// 1,440 × 3/13 = $332.31 over 6e8 prefilled tokens = $0.553846 per million ($5.538e-7 a token);
/// output 1,440 × 10/13 = $1,107.69 over 2e8 tokens = $5.538462 per million. Cached tokens take no
/// replica time: $0. May (744 hours, $1,488): $0.572308 and $5.723077 per million.
@Suite("Prices out")
struct PriceExportTests {
    static func forecast(percentiles: [String: [(label: String, option: OptionResult)]] = [:]) throws -> PriceForecast {
        let bytes = try Data(contentsOf: GoldenReportTests.folder.appendingPathComponent("prices.json"))
        let s = try ScenarioLoader.load(Array(bytes), file: "prices.json").scenario
        return PriceForecast(result: BreakevenAnalysis.analyse(s, Simulator.project(s)), scenarioFile: "scenarios/prices.json",
                             percentiles: percentiles)
    }

    @Test func theMonthsPricesAreTheCapacityModelsTimeShares() throws {
        let option = try #require(try Self.forecast().options.first)
        #expect(option.id == "self")
        let april = try #require(option.costs.prices(option.costs.months[0]))
        #expect(abs(april.input - 1440.0 * 3 / 13 / 600) < 1e-12)   // 1,440 × 3/13 / (6e8 / 1e6)
        #expect(abs(april.output - 1440.0 * 10 / 13 / 200) < 1e-12)
        #expect(april.cachedInput == 0)
        #expect(abs(april.inputCost + april.outputCost - 1440) < 1e-9)
    }

    @Test func liteLLMModelInfo() throws {
        // LiteLLM custom pricing: model_list entries with model_info in USD per token
        // (https://docs.litellm.ai/docs/proxy/custom_pricing).
        try GoldenReportTests.compare(LiteLLMPriceExport.render(try Self.forecast(), month: 1), golden: "prices.litellm.yaml")
    }

    @Test func langfuseModelDefinitions() throws {
        let text = LangfusePriceExport.render(try Self.forecast())
        try GoldenReportTests.compare(text, golden: "prices.langfuse.json")
        // Each body has exactly the fields of Langfuse's CreateModelRequest it needs, and one default tier.
        let bodies = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(bodies.count == 2)
        #expect(bodies.map { Set($0.keys) }.allSatisfy { $0 == ["modelName", "matchPattern", "startDate", "unit", "pricingTiers"] })
        #expect(bodies.map { $0["startDate"] as? String } == ["2026-04-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z"])
        let tier = try #require((bodies[0]["pricingTiers"] as? [[String: Any]])?.first)
        #expect(Set((tier["prices"] as? [String: Double] ?? [:]).keys) == ["input", "input_cached_tokens", "output"])
    }

    @Test func focusForecast() throws {
        let text = FOCUSPriceExport.render(try Self.forecast())
        try GoldenReportTests.compare(text, golden: "prices.focus.csv")
        #expect(text.hasPrefix("BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory,ServiceCategory,"
            + "ServiceName,ConsumedQuantity,ConsumedUnit,PricingUnit,ListCost,EffectiveCost,BilledCost,BillingCurrency,SkuPriceDetails,"
            + "x_Scenario,x_OptionId,x_Percentile,x_Source\r\n"))
    }

    @Test func percentileRowsFollowThePointForecast() throws {
        // Two stand-in trial results (the same option at half and double the GPU price) give p10 and p90 rows.
        let bytes = try Data(contentsOf: GoldenReportTests.folder.appendingPathComponent("prices.json"))
        func option(_ hourly: String) throws -> OptionResult {
            let s = try ScenarioLoader.load(Array(bytes), file: "prices.json",
                                            overrides: [try #require(ScenarioLoader.Override(argument: "options.self.gpu_hourly=\(hourly)"))]).scenario
            return try #require(BreakevenAnalysis.analyse(s, Simulator.project(s)).options.first { $0.id == "self" })
        }
        let forecast = try Self.forecast(percentiles: ["self": [("p10", try option("1")), ("p90", try option("4"))]])
        #expect(forecast.options.map { $0.percentile ?? "" } == ["", "p10", "p90"])
        let rows = FOCUSPriceExport.render(forecast).split(separator: "\r\n").dropFirst()
        // April's input row of each: $332.307692 at $2, half and double that.
        let aprilInput = rows.filter { $0.hasPrefix("2026-04") && $0.contains("\"\"input\"\"") }
        #expect(aprilInput.map { $0.split(separator: ",")[11] } == ["332.307692", "166.153846", "664.615385"])
    }
}
