import Foundation
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// The headline of a diff in each situation a PR can create, as exact strings. Figures from the
/// golden fixtures (see GoldenDiffTests): base self saves 72,000 − 37,520 = $34,480, breaking
/// even in month 5.
@Suite("Diff headlines")
struct DiffHeadlineTests {
    static func result(_ file: String, _ overrides: [String] = []) throws -> BreakevenResult {
        let bytes = try Data(contentsOf: GoldenReportTests.folder.appendingPathComponent(file))
        let loaded = try ScenarioLoader.load(Array(bytes), file: file, overrides: overrides.compactMap(ScenarioLoader.Override.init(argument:)))
        return BreakevenAnalysis.analyse(loaded.scenario, Simulator.project(loaded.scenario))
    }

    static func headline(_ base: BreakevenResult?, _ head: BreakevenResult) -> String {
        ResultDiff(name: "x", base: base, head: head).headline
    }

    @Test func noChange() throws {
        let base = try Self.result("diff-base.json")
        #expect(Self.headline(base, base) ==
            "No change to costs or breakeven: Self-hosted 8B breaks even in month 5 and saves $34k over 12 months against Closed API.")
    }

    @Test func newScenario() throws {
        #expect(Self.headline(nil, try Self.result("diff-base.json")) ==
            "New scenario: Self-hosted 8B breaks even in month 5 and saves $34k over 12 months against Closed API.")
    }

    @Test func noLongerBreaksEven() throws {
        // $60,000 of setup: 17,520 + 60,000 = 77,520, $5,520 more than the API's 72,000.
        let head = try Self.result("diff-base.json", ["options.self.one_time.setup=60000"])
        #expect(Self.headline(try Self.result("diff-base.json"), head) ==
            "Self-hosted 8B no longer breaks even (it did in month 5); over 12 months it now costs $5.5k more than Closed API (it saved $34k before).")
    }

    @Test func savingsRiseAndAnOptionIsRemoved() throws {
        // Going back from HEAD to base: savings 15,931.46 → 34,480, +18,548.54 = +116.4%.
        #expect(Self.headline(try Self.result("diff-head.json"), try Self.result("diff-base.json")) ==
            "Self-hosted 8B now breaks even in month 5 instead of 6; 12-month savings rise by $19k (+116.4%). Hosted open model is removed.")
    }

    @Test func theBaselineChanges() throws {
        // Against self, the API costs 72,000 − 37,520 = $34,480 more.
        // The base's guardrail on self's breakeven month would name the baseline: move it to gpt.
        let head = try Self.result("diff-base.json", ["baseline=self", "guardrails.0.option=gpt"])
        #expect(Self.headline(try Self.result("diff-base.json"), head) ==
            "The baseline is now Self-hosted 8B (was Closed API). Closed API still never breaks even; over 12 months it costs $34k more.")
    }

    @Test func onlyABaseline() throws {
        let text = """
            { "version": 1, "name": "one", "start": "2026-01", "months": 12,
              "workload": { "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 500 },
              "options": [{ "id": "gpt", "type": "api", "label": "Closed API", "prices": { "input_per_mtok": 2, "output_per_mtok": 8 }, "price_change_per_year": PRICE }] }
            """
        func result(_ trend: String) throws -> BreakevenResult {
            let s = try ScenarioLoader.load(Array(text.replacingOccurrences(of: "PRICE", with: trend).utf8), file: "x.json").scenario
            return BreakevenAnalysis.analyse(s, Simulator.project(s))
        }
        // 72,000 → 53,451.46: −18,548.54 = −25.8%.
        #expect(Self.headline(try result("0"), try result("-0.5")) == "Closed API's 12-month total falls by $19k (−25.8%) to $53k.")
        #expect(Self.headline(try result("0"), try result("0")) == "No change to costs: Closed API is the only option and costs $72k over 12 months.")
    }
}

extension DiffHeadlineTests {
    @Test func aLongerHorizon() throws {
        // 24 months: the API 24 × 6,000 = 144,000; self 17,520 a year × 2 + 20,000 = 55,040
        // (2026 and 2027 both have 8,760 hours): 88,960 saved.
        let head = try Self.result("diff-base.json", ["months=24"])
        #expect(Self.headline(try Self.result("diff-base.json"), head) ==
            "Self-hosted 8B still breaks even in month 5; savings are $89k over 24 months (were $34k over 12).")
    }
}
