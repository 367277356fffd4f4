import Testing
@testable import BreakevenCore

@Suite("Subscriptions with an allowance and an overflow")
struct SubscriptionCostTests {
    static let workload = #"{ "requests_per_month": 500, "input_tokens_per_request": 1000, "output_tokens_per_request": 100 }"#
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 3, "output_per_mtok": 15 }, "minimum_monthly": 100 }"#

    static func plan(overflow: String) -> String {
        #"{ "id": "plan", "type": "subscription", "monthly_fee": 20, "seats": 2, "included": { "requests_per_month": 100 }, "overflow": "\#(overflow)" }"#
    }

    @Test func overflowGoesToTheAPI() throws {
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.api, Self.plan(overflow: "api")])
        let m = try #require(ScenarioText.project(s)["plan"]?.first)
        // $20 × 2 seats = $40; 500 − 2 × 100 included = 300 overflow requests
        // 300 × (1,000 × $3 + 100 × $15) / 1e6 = 300 × 0.0045 = $1.35 (the API's own minimum not charged)
        #expect(m.costs.subscription == 40)
        #expect(close(m.costs.api, 1.35))
        #expect(m.unmetRequests == 0)
    }

    @Test func withoutOverflowTheExcessIsUnmet() throws {
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.plan(overflow: "unmet")])
        let m = try #require(ScenarioText.project(s)["plan"]?.first)
        #expect(m.costs.total == 40 && m.unmetRequests == 300)
    }
}
