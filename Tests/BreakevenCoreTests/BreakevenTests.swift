import Foundation
import Testing
@testable import BreakevenCore

@Suite("Breakeven months, volumes and NPV")
struct BreakevenTests {
    /// 1e6 requests of 1,000 output tokens = 1,000 Mtok at $1 = $1,000 a month.
    static let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#
    static let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#

    /// No GPUs (price 0), one engineer at $8,400 a year = $700 a month, $3,000 of migration.
    static let selfHosted = """
        { "id": "self", "type": "self_hosted", "gpu_hourly": 0,
          "throughput": { "output_tokens_per_second": 1000000, "input_tokens_per_second": 1000000 },
          "team": { "engineers": 1, "cost_per_engineer_per_year": 8400 }, "one_time": { "migration": 3000 } }
        """

    @Test func breakevenMonthWithAKnownAnswer() throws {
        let s = try ScenarioText.scenario(months: 24, workload: Self.workload, options: [Self.api, Self.selfHosted])
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let option = try #require(result.option("self"))
        // cumulative: 3,000 + 700·m against 1,000·m → equal at m = 10, at or below from then on
        #expect(option.breakevenMonth == 10)
        // 700 ≤ 1,000 from month 1 once the one-time cost is set aside
        #expect(option.runRateBreakevenMonth == 1)
        // 24 months: 24,000 − (3,000 + 16,800) = 4,200
        #expect(close(option.savingsVsBaseline, 4_200))
        #expect(result.option("api")?.breakevenMonth == nil)
    }

    /// An option that costs what the baseline costs every month (here the same prices under
    /// another id; in the examples, a switch that never leaves its baseline) saves nothing, so
    /// it has no breakeven month and is never cheaper to run, not "month 1".
    @Test func noBreakevenForTheBaselinesOwnCost() throws {
        let twin = #"{ "id": "twin", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 1 } }"#
        let s = try ScenarioText.scenario(months: 12, workload: Self.workload, options: [Self.api, twin])
        let twinResult = try #require(BreakevenAnalysis.analyse(s, Simulator.project(s)).option("twin"))
        // $1,000 a month on both sides: every cumulative month equal, none below
        #expect(twinResult.breakevenMonth == nil)
        #expect(twinResult.runRateBreakevenMonth == nil)
        #expect(close(twinResult.savingsVsBaseline, 0))
        // One cent cheaper a million tokens ($990 a month against $1,000): at or below from month 1
        let cheaper = #"{ "id": "cheaper", "type": "api", "prices": { "input_per_mtok": 0.99, "output_per_mtok": 0.99 } }"#
        let t = try ScenarioText.scenario(months: 12, workload: Self.workload, options: [Self.api, cheaper])
        let cheaperResult = try #require(BreakevenAnalysis.analyse(t, Simulator.project(t)).option("cheaper"))
        #expect(cheaperResult.breakevenMonth == 1)
        #expect(cheaperResult.runRateBreakevenMonth == 1)
    }

    @Test func noBreakevenWhenDearerAtTheEnd() throws {
        let s = try ScenarioText.scenario(months: 9, workload: Self.workload, options: [Self.api, Self.selfHosted])
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        // month 9: 3,000 + 6,300 = 9,300 > 9,000
        #expect(result.option("self")?.breakevenMonth == nil)
        #expect(result.warnings.contains { $0.code.rawValue == "no_breakeven" && $0.option == "self" })
    }

    @Test func breakevenMustHoldToTheEnd() throws {
        // Volume falls to a tenth from month 13: the API bill drops to $100, below $700.
        let workload = #"{ "requests_per_month": 1000000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000, "growth": { "schedule": [1,1,1,1,1,1,1,1,1,1,1,1,0.1] } }"#
        let s = try ScenarioText.scenario(months: 14, workload: workload, options: [Self.api, Self.selfHosted])
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        // Cumulative at month 12: 12,000 vs 11,400 (cheaper since month 10); month 13: 12,100 vs 12,100;
        // month 14: 12,200 vs 12,800 → dearer at the end, so no breakeven.
        #expect(result.option("self")?.breakevenMonth == nil)
    }

    @Test func breakevenVolumeOnAStaircase() throws {
        // April 2026 (30 days): one replica serves 1,000 output tokens/s × 2,592,000 s = 2.592e9
        // tokens a month at 100% utilization and costs $1.50 × 720 h = $1,080. The API charges
        // $0.50 per Mtok, $1,296 for one replica's worth. Just above k full replicas the option
        // pays 1,080·(k+1) against 1,296·k, dearer while k < 5: the last dearer stretch starts at
        // 4 replicas' worth and ends when the API bill reaches 5 × 1,080 = $5,400, at
        // 5,400 / 0.5 = 10,800 Mtok = 1.08e10 tokens. Earlier crossings (e.g. at 1,080 / 0.5 =
        // 2.16e9) must not be mistaken for it.
        let api = #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 0.5, "output_per_mtok": 0.5 } }"#
        let gpu = """
            { "id": "gpu", "type": "self_hosted", "gpu_hourly": 1.5, "max_utilization": 1,
              "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 1000 } }
            """
        let s = try ScenarioText.scenario(workload: Self.workload, options: [api, gpu])
        let volume = try #require(BreakevenAnalysis.analyse(s, Simulator.project(s)).option("gpu")?.breakevenTokensPerMonth)
        #expect(abs(volume - 1.08e10) < 1e3)
        // Checked directly: dearer just below, cheaper just above, cheaper at 5 replicas' worth.
        let search = BreakevenVolumeSearch(scenario: s, option: s.options[1], baseline: s.options[0])
        #expect(!search.isCheaper(atTokens: 1.07e10) && search.isCheaper(atTokens: 1.09e10))
        #expect(search.isCheaper(atTokens: 2.2e9) && !search.isCheaper(atTokens: 2.6e9))
    }

    @Test func breakevenVolumeZeroAndNever() throws {
        let cheap = #"{ "id": "cheap", "type": "api", "prices": { "input_per_mtok": 0.5, "output_per_mtok": 0.5 } }"#
        let dear = #"{ "id": "dear", "type": "api", "prices": { "input_per_mtok": 2, "output_per_mtok": 2 } }"#
        let s = try ScenarioText.scenario(workload: Self.workload, options: [Self.api, cheap, dear])
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        #expect(result.option("cheap")?.breakevenTokensPerMonth == 0)   // cheaper at any volume
        #expect(result.option("dear")?.breakevenTokensPerMonth == nil)  // dearer at every volume
    }

    /// Pay per token against a $20 plan that includes 900 requests and sends the rest to the same
    /// API: a request of 2,000 output tokens costs 2,000 × $20/Mtok = $0.04, so the plan's 900
    /// are worth $36. Up to 900 requests pay per token is cheaper while r × $0.04 ≤ $20, r ≤ 500;
    /// above 900 it is $36 − $20 = $16 dearer for good. So it is cheaper only below 500 × 2,000 =
    /// 1,000,000 tokens a month, 500 / 30 = 16.7 requests a day of April 2026; and the plan, the
    /// other way round, is cheaper above that.
    @Test func cheaperOnlyBelowAVolume() throws {
        let workload = #"{ "requests_per_month": 1300, "input_tokens_per_request": 0, "output_tokens_per_request": 2000 }"#
        let plan = #"{ "id": "plan", "type": "subscription", "monthly_fee": 20, "included": { "requests_per_month": 900 }, "overflow": "paygo" }"#
        let api = #"{ "id": "paygo", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 20 } }"#
        let s = try ScenarioText.scenario(workload: workload, options: [plan, api])
        let paygo = try #require(BreakevenAnalysis.analyse(s, Simulator.project(s)).option("paygo"))
        #expect(paygo.breakevenTokensPerMonth == nil)
        let below = try #require(paygo.cheaperBelowTokensPerMonth)
        #expect(abs(below - 1_000_000) < 1)
        #expect(abs((paygo.cheaperBelowRequestsPerDay ?? 0) - 500.0 / 30) < 1e-3)
        // Seen from the plan, against pay per token as the baseline: cheaper above the same volume.
        // (A relative tolerance of 1e-9 once called the $16 equal on a $2e10 bill near the 1e15
        // ceiling, and reported pay per token cheaper above 8e14 tokens.)
        let other = try ScenarioText.scenario(workload: workload, options: [api, plan])
        let seen = try #require(BreakevenAnalysis.analyse(other, Simulator.project(other)).option("plan"))
        #expect(seen.breakevenTokensPerMonth.map { abs($0 - 1_000_000) < 1 } == true && seen.cheaperBelowTokensPerMonth == nil)
    }

    /// $/Mtok is the month's running cost. A $3,600 machine kept 36 months with no resale is
    /// $100 a month amortized; 1,000 requests of 1,000 output tokens are 1 Mtok a month, so both
    /// months cost $100 a Mtok. Counted in cash, month 1 pays $3,600 and the last month is
    /// credited the book value 3,600 × 34/36 = $3,400: $3,600 and −$3,400 a Mtok, no unit cost.
    @Test func costPerMTokIsTheRunningCost() throws {
        let s = try ScenarioText.scenario(months: 2, workload: #"{ "requests_per_month": 1000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 }"#, options: [
            #"{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 20 } }"#,
            #"{ "id": "box", "type": "owned_hardware", "purchase_price": 3600, "lifetime_months": 36, "resale_share": 0, "units": 1, "watts_busy": 0, "watts_idle": 0, "throughput": { "output_tokens_per_second": 1000, "input_tokens_per_second": 1000 } }"#,
        ])
        let box = try #require(BreakevenAnalysis.analyse(s, Simulator.project(s)).option("box"))
        #expect(box.months.map(\.totalCost).map { $0.rounded() } == [3_600, -3_400])
        #expect(box.costPerMTokFirstMonth.map { abs($0 - 100) < 1e-9 } == true)
        #expect(box.costPerMTokLastMonth.map { abs($0 - 100) < 1e-9 } == true)
    }

    @Test func npvDiscountsByMonth() {
        // $1,100 paid in month 13 (i = 12) at 10% a year is worth 1,100 / 1.1 = $1,000 today.
        #expect(close(BreakevenAnalysis.presentValue(Array(repeating: 0, count: 12) + [1_100], rate: 0.1), 1_000))
        // Two months of $1,000: 1,000 + 1,000 × 1.1^(−1/12) = 1,000 + 992.0889… = 1,992.0889
        #expect(abs(BreakevenAnalysis.presentValue([1_000, 1_000], rate: 0.1) - 1_992.0889) < 1e-3)
    }

    @Test func npvSavingsInTheResult() throws {
        let s = try ScenarioText.scenario(months: 13, discountRate: 0.1, workload: Self.workload, options: [Self.api, Self.selfHosted])
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let api = try #require(result.option("api"))
        // 12 months of $1,000 discounted plus $1,000 / 1.1 in month 13
        let expected = (0..<13).reduce(0.0) { $0 + 1_000 * pow(1.1, -Double($1) / 12) }
        #expect(close(api.npv, expected))
    }
}
