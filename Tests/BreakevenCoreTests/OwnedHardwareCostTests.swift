import Testing
@testable import BreakevenCore

@Suite("Bought machines: cash, amortized, replaced, powered")
struct OwnedHardwareCostTests {
    /// 36,000 requests of 100 output tokens at 100 tokens/s: 36,000 s = 10 busy hours a month.
    static let workload = #"{ "requests_per_month": 36000, "input_tokens_per_request": 0, "output_tokens_per_request": 100 }"#

    static func option(accounting: String, units: String = "1", hoursOn: Double = 24) -> String {
        """
        { "id": "box", "type": "owned_hardware", "purchase_price": 1200, "units": \(units),
          "throughput": { "output_tokens_per_second": 100, "input_tokens_per_second": 1000 },
          "max_utilization": 1, "hours_on_per_day": \(hoursOn),
          "watts_busy": 300, "watts_idle": 50, "electricity_per_kwh": 0.2,
          "lifetime_months": 12, "resale_share": 0.25, "accounting": "\(accounting)" }
        """
    }

    @Test func energyCountsBusyAndIdleHours() throws {
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.option(accounting: "cash")])
        let m = try #require(ScenarioText.project(s)["box"]?.first)
        // April: 10 busy h × 300 W + (24 × 30 − 10) h × 50 W = 3,000 + 35,500 = 38,500 Wh
        // = 38.5 kWh × $0.20 = $7.70
        #expect(close(m.energy, 7.70))
        #expect(close(m.utilization, 10.0 / 720))
    }

    @Test func cashWithAReplacementInsideTheHorizon() throws {
        let s = try ScenarioText.scenario(months: 18, workload: Self.workload, options: [Self.option(accounting: "cash")])
        let months = try #require(ScenarioText.project(s)["box"])
        // Month 1: bought for $1,200.
        #expect(months[0].costs.hardware == 1_200)
        #expect(months[1].costs.hardware == 0)
        // Month 13: lifetime over; a new unit for $1,200, the old one sold for 25% = $300 → +$900.
        #expect(months[12].costs.hardware == 900)
        // Month 18 (last): the new unit is 6 months old; book value 1,200 × (1 − 0.75 × 6/12) = $750 credited.
        #expect(close(months[17].costs.hardware, -750))
        // Over the horizon: 1,200 + 900 − 750 = $1,350
        #expect(close(months.reduce(0) { $0 + $1.costs.hardware }, 1_350))
    }

    @Test func amortizedSpreadsTheSameCost() throws {
        let s = try ScenarioText.scenario(months: 18, workload: Self.workload, options: [Self.option(accounting: "amortized")])
        let months = try #require(ScenarioText.project(s)["box"])
        // 1,200 × (1 − 0.25) / 12 = $75 every month, replacement included; 18 × 75 = $1,350
        #expect(months.allSatisfy { close($0.costs.hardware, 75) })
        #expect(close(months.reduce(0) { $0 + $1.costs.hardware }, 1_350))
    }

    @Test func autoBuysAUnitWhenFirstNeeded() throws {
        // 1.5 hours on a day × 30 days = 45 h of capacity a unit; 10 busy hours fit one unit.
        // Growth ×10 in month 2 → 100 busy hours → ceil(100 / 45) = 3 units, 2 bought in month 2.
        let workload = #"{ "requests_per_month": 36000, "input_tokens_per_request": 0, "output_tokens_per_request": 100, "growth": { "schedule": [1, 10] } }"#
        let s = try ScenarioText.scenario(start: "2026-04", months: 2,
                                          workload: workload, options: [Self.option(accounting: "cash", units: "\"auto\"", hoursOn: 1.5)])
        let months = try #require(ScenarioText.project(s)["box"])
        #expect(months[0].replicas == 1 && months[0].costs.hardware == 1_200)
        // May has 31 days: 46.5 h a unit; ceil(100 / 46.5) = 3 units; bought 2 × $1,200,
        // then the last month credits 3 units at age 2, 2, 1 months … of a 12-month lifetime.
        #expect(months[1].replicas == 3)
        let firstUnit: Double = 1_200 * (1 - 0.75 * 2 / 12)   // $1,050
        let newUnits: Double = 2 * 1_200 * (1 - 0.75 * 1 / 12) // $2,250
        let credit = firstUnit + newUnits
        #expect(close(months[1].costs.hardware, 2_400 - credit))
    }

    @Test func fixedUnitsThatCannotCarryTheWorkLeaveDemandUnmet() throws {
        // 10× the work is 100 busy hours; one unit on 2.5 h a day × 30 days = 75 h of capacity,
        // so 25 of 100 hours (25% of 360,000 = 90,000 requests) go unserved.
        let workload = #"{ "requests_per_month": 360000, "input_tokens_per_request": 0, "output_tokens_per_request": 100 }"#
        let s = try ScenarioText.scenario(workload: workload, options: [Self.option(accounting: "cash", hoursOn: 2.5)])
        let m = try #require(ScenarioText.project(s)["box"]?.first)
        #expect(close(m.unmetRequests, 90_000))
        #expect(close(m.utilization, 1))
    }
}

extension MonthlyProjection {
    var energy: Double { costs.energy }
}
