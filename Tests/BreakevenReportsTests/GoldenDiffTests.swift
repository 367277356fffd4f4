import Foundation
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// The diff of two small fixtures kept beside this test (HEAD adds an option and makes the API's
/// prices fall 50% a year), compared byte for byte with golden files.
/// Re-record with `BREAKEVEN_RECORD=1 swift test --filter GoldenDiffTests`.
///
/// By hand: 1M requests × (1,000 prompt + 500 output) tokens. gpt: 1,000 × $2 + 500 × $8 = $6,000 a
/// month, $72,000 a year in the base; in HEAD month i costs 6,000 × 0.5^(i/12), $53,451.46 a year.
/// self: one $2/h GPU (the 2× peak needs 0.22 of a replica), 8,760 h = $17,520 + $20,000 setup
/// = $37,520; cumulative 21,488, 22,832, 24,320, 25,760, 27,248, 28,688 … against the base API's
/// 6,000·m: at or below from month 5; against HEAD's 26,817.8 in month 5 and 31,313.3 in month 6:
/// from month 6. hosted: 1,000 × $0.5 + 500 × $1 = $1,000 a month + $3,000 = $15,000.
@Suite("Golden diff")
struct GoldenDiffTests {
    static let folder = GoldenReportTests.folder
    static let rules = ["self.total_cost:+10%", "gpt.monthly_cost>5900"]
    static let context = DiffContext(baseSource: "main:scenarios/support-bot.json", headSource: "scenarios/support-bot.json", chart: true)

    static func result(_ file: String) throws -> BreakevenResult {
        let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
        var loaded = try ScenarioLoader.load(Array(bytes), file: file)
        loaded.scenario.digest = String(repeating: file == "diff-base.json" ? "b" : "h", count: 64)
        return BreakevenAnalysis.analyse(loaded.scenario, Simulator.project(loaded.scenario))
    }

    static func diff(base: BreakevenResult, head: BreakevenResult) throws -> ResultDiff {
        let parsed = try rules.map { text throws(GuardrailProblem) in try GuardrailRule.parse(text) }
        let outcomes = try GuardrailCheck.evaluate(GuardrailRule.scenarioRules(head.guardrails) + parsed, result: head, base: base)
        return ResultDiff(name: "support-bot", base: base, head: head, guardrails: outcomes)
    }

    static func diff() throws -> ResultDiff {
        try diff(base: try result("diff-base.json"), head: try result("diff-head.json"))
    }

    @Test func markdown() throws {
        try GoldenReportTests.compare(DiffMarkdown.render(try Self.diff(), context: Self.context), golden: "support-bot.diff.md")
    }

    @Test func json() throws {
        try GoldenReportTests.compare(try DiffJSON.render(try Self.diff(), context: Self.context), golden: "support-bot.diff.json")
    }

    @Test func markerHeadlineAndGuardrails() throws {
        let d = try Self.diff()
        let text = DiffMarkdown.render(d, context: Self.context)
        #expect(text.hasPrefix("<!-- breakeven-diff: support-bot -->\n"))
        #expect(d.headline == "New option Hosted open model breaks even in month 1 and saves $38k over 12 months against Closed API. "
                + "Self-hosted 8B now breaks even in month 6 instead of 5; 12-month savings fall by $19k (−53.8%).")
        #expect(d.options.map(\.status) == [.changed, .changed, .added])
        #expect(d.breachedGuardrails.map(\.message) == [
            "guardrails[0] self.breakeven_month max 5: breakeven month of self is month 6; at most month 5 allowed, over by 1 month",
            // Month 1 costs 6,000 in both: 100 over, 100 / 5,900 = 1.7%.
            "--fail-on gpt.monthly_cost>5900: monthly cost of gpt is $6,000.00 in month 1 (2026-01); at most $5,900.00 allowed, over by $100.00 (1.7%)",
        ])
        #expect(d.inputs.filter { $0.kind != .added }.map(\.path) == ["options.gpt.price_change_per_year", "guardrails.self.breakeven_month.max"])
        let total = try #require(d.option("gpt")?.figure(.totalCost))
        #expect(total.old == 72_000)
        #expect(abs((total.new ?? 0) - 53_451.46) < 0.01)
    }

    /// A CI baseline is a result file as often as a scenario: both give the same diff.
    @Test func aDiffFromResultFilesEqualsTheDiffFromScenarios() throws {
        let base = try Self.result("diff-base.json"), head = try Self.result("diff-head.json")
        let baseFile = try ResultFile.decode(Array(try JSONReport.render(base).utf8), file: "base.json")
        let headFile = try ResultFile.decode(Array(try JSONReport.render(head).utf8), file: "head.json")
        let fromScenarios = try Self.diff(base: base, head: head)
        let fromResults = try Self.diff(base: baseFile, head: headFile)
        #expect(fromResults == fromScenarios)
        #expect(DiffMarkdown.render(fromResults, context: Self.context) == DiffMarkdown.render(fromScenarios, context: Self.context))
        #expect(try DiffJSON.render(fromResults, context: Self.context) == DiffJSON.render(fromScenarios, context: Self.context))
    }

    @Test func renderingTwiceIsByteIdentical() throws {
        #expect(DiffMarkdown.render(try Self.diff(), context: Self.context) == DiffMarkdown.render(try Self.diff(), context: Self.context))
    }
}
