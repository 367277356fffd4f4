import Testing
@testable import BreakevenCore

@Suite("An API option's monthly bill")
struct APICostTests {
    static let workload = """
        { "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 200,
          "cached_input_share": 0.5, "batch_share": 0.2 }
        """

    static func option(_ extra: String = "") -> String {
        """
        { "id": "api", "type": "api",
          "prices": { "input_per_mtok": 2, "cached_input_per_mtok": 0.5, "output_per_mtok": 8,
                      "batch_discount": 0.5, "per_request": 0.001 },
          "discount": 0.1 \(extra) }
        """
    }

    @Test func cachedBatchPerRequestAndDiscount() throws {
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.option()])
        let month = try #require(ScenarioText.project(s)["api"]?.first)
        // uncached 5e8 × $2 + cached 5e8 × $0.50 + output 2e8 × $8 = 1000 + 250 + 1600 = 2850
        // × (1 − 0.2 batch × 0.5 discount) = 2565; + 1e6 requests × $0.001 = 3565
        // × (1 − 0.1 negotiated) = 3208.50
        #expect(close(month.costs.api, 3208.5))
        #expect(month.inputTokens == 1e9 && month.outputTokens == 2e8)
    }

    @Test func overheadAmountsAddInNameOrder() {
        // A floating-point sum depends on its order: (0.1 + 0.2) + 0.3 = 0.6000000000000001 but
        // (0.2 + 0.3) + 0.1 = 0.6. Amounts add in name order, never in a dictionary's order
        // (which changes from run to run), so reports stay byte-identical.
        let o = Overheads(oneTime: ["c": 0.3, "a": 0.1, "b": 0.2], monthlyFixed: ["b": 0.2, "c": 0.3, "a": 0.1])
        #expect(o.oneTimeTotal == 0.6000000000000001)
        #expect(o.fixedPerMonth == 0.6000000000000001)
    }

    @Test func priceTrendAppliesByMonth() throws {
        let s = try ScenarioText.scenario(months: 13, workload: Self.workload, options: [Self.option(#", "price_change_per_year": -0.3"#)])
        let months = try #require(ScenarioText.project(s)["api"])
        // Month 13 is i = 12: factor (1 − 0.3)^(12/12) = 0.7 → 3565 × 0.7 × 0.9 = 2245.95
        #expect(close(months[12].costs.api, 2245.95))
    }

    @Test func minimumCommitmentIsAFloor() throws {
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.option(#", "minimum_monthly": 5000"#)])
        // 3208.50 of usage is below the $5,000 minimum.
        #expect(ScenarioText.project(s)["api"]?.first?.costs.api == 5000)
    }

    @Test func outputMultiplierBillsReasoningTokens() throws {
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.option(#", "output_token_multiplier": 3"#)])
        let month = try #require(ScenarioText.project(s)["api"]?.first)
        // output 6e8 × $8 = 4800; (1000 + 250 + 4800) × 0.9 = 5445; + 1000 = 6445; × 0.9 = 5800.50
        #expect(close(month.costs.api, 5800.5))
        #expect(month.outputTokens == 6e8)
    }

    @Test func longContextCliffAppliesPerRequestNotPerMonth() throws {
        // Gemini 2.5 Pro prices: ≤200k prompt $1.25 / $10; above 200k $2.50 / $15 per million.
        let workload = """
            { "requests_per_month": 1000, "request_classes": [
                { "name": "chat", "share": 0.75, "input_tokens_per_request": 10000, "output_tokens_per_request": 500 },
                { "name": "long", "share": 0.25, "input_tokens_per_request": 300000, "output_tokens_per_request": 1000 } ] }
            """
        let option = """
            { "id": "gemini", "type": "api", "prices": { "input_per_mtok": 1.25, "output_per_mtok": 10,
              "long_context": [ { "above_input_tokens": 200000, "input_per_mtok": 2.5, "output_per_mtok": 15 } ] } }
            """
        let s = try ScenarioText.scenario(workload: workload, options: [option])
        // chat: 750 × (10,000 × 1.25 + 500 × 10) / 1e6 = 750 × 0.0175 = 13.125
        // long: 250 × (300,000 × 2.50 + 1,000 × 15) / 1e6 = 250 × 0.765 = 191.25
        // The month's 82.5M prompt tokens exceed 200k, but only the long requests pay the cliff.
        #expect(close(ScenarioText.project(s)["gemini"]?.first?.costs.api, 204.375))
    }

    @Test func tierIsTheHighestThresholdExceeded() {
        let base = TokenPrices(input: 1, cachedInput: 1, output: 1)
        let pricing = APIPricing(tiers: [
            PriceTier(aboveInputTokens: 0, standard: base, batch: base),
            PriceTier(aboveInputTokens: 128_000, standard: base.scaled(by: 2), batch: base),
            PriceTier(aboveInputTokens: 200_000, standard: base.scaled(by: 3), batch: base),
        ])
        #expect(pricing.tier(forInputTokens: 128_000).standard.input == 1)  // not above 128k
        #expect(pricing.tier(forInputTokens: 128_001).standard.input == 2)
        #expect(pricing.tier(forInputTokens: 250_000).standard.input == 3)
    }
}
