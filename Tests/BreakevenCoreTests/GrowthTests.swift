import Foundation
import Testing
@testable import BreakevenCore

@Suite("Volume growth forms")
struct GrowthTests {
    @Test func everyForm() {
        // (1 + 0.1)^2 = 1.21 in month 3
        #expect(close(Growth.monthlyRate(0.1).factor(month: 2), 1.21))
        // (1 + 0.44)^(6/12) = 1.2 in month 7
        #expect(close(Growth.annualRate(0.44).factor(month: 6), 1.2))
        // the last value of a schedule holds
        #expect(Growth.schedule([1, 2, 3]).factor(month: 5) == 3)
        // logistic starts at 1; with k = ln 9 / 4, e^(−4k) = 1/9 → 10 / (1 + 9/9) = 5 in month 5
        let logistic = Growth.logistic(ceiling: 10, steepness: log(9) / 4)
        #expect(logistic.factor(month: 0) == 1)
        #expect(close(logistic.factor(month: 4), 5))
        #expect(logistic.factor(month: 400) > 9.999)
    }

    @Test func requestsPerDayFollowTheCalendar() throws {
        let s = try ScenarioText.scenario(start: "2028-02", months: 2,
            workload: #"{ "requests_per_day": 1000, "input_tokens_per_request": 1, "output_tokens_per_request": 1 }"#,
            options: [#"{ "id": "a", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#])
        let months = try #require(ScenarioText.project(s)["a"])
        // February 2028 is a leap month (29 days); March has 31.
        #expect(months[0].requests == 29_000 && months[1].requests == 31_000)
    }
}
