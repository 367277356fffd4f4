import Foundation
import Testing

/// `run` and `diff` with guardrails, end to end: exit 1 on a breach (reports still written),
/// 64 for a bad --fail-on, 65 for a bad scenario guardrail, and the exact lines printed.
@Suite("Guardrail exit statuses")
struct GuardrailExitTests {
    @Test func aBreachInRunExits1AndStillWritesTheReports() throws {
        let dir = try CLI.workspace(["head.json": "diff-head.json"])
        let r = try CLI.run(["run", "head.json", "--out", "out", "--format", "markdown,json"], in: dir)
        #expect(r.status == 1)
        // diff-head.json: self breaks even in month 6; its guardrail allows month 5 at most.
        #expect(r.stderr == "head.json: guardrail failed: guardrails[0] self.breakeven_month max 5: breakeven month of self is month 6; at most month 5 allowed, over by 1 month\n")
        #expect(r.stdout.hasSuffix("guardrails: 1 of 5 checks failed\n"))
        for file in ["head.md", "head.json", "head.cumulative.svg", "head.monthly.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/\(file)").path), "\(file)")
        }
    }

    @Test func passingGuardrailsExit0() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let r = try CLI.run(["run", "base.json", "--out", "out", "--fail-on", "*.total_cost>100k", "--fail-on", "self.utilization>=50%"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        // guardrails[0] (self), gpt and self for *.total_cost, self.utilization.
        #expect(r.stdout.hasSuffix("guardrails: all 4 checks passed\n"))
    }

    @Test func aBadRuleOnTheCommandLineExits64AndWritesNothing() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let syntax = try CLI.run(["run", "base.json", "--out", "out", "--fail-on", "self.totl_cost>5", "--fail-on", "self.total_cost:+10%"], in: dir)
        #expect(syntax.status == 64)
        #expect(syntax.stderr == """
            breakeven: --fail-on self.totl_cost>5: unknown metric "totl_cost"; did you mean "total_cost"? (metrics: total_cost, npv, monthly_cost, breakeven_month, utilization, savings_vs_baseline, gpus, unmet_requests)
            breakeven: --fail-on self.total_cost:+10%: a change against the base (such as :+10%) can only be checked by breakeven diff

            """)
        let unknown = try CLI.run(["run", "base.json", "--out", "out", "--fail-on", "slef.npv>1"], in: dir)
        #expect(unknown.status == 64)
        #expect(unknown.stderr == #"base.json: --fail-on slef.npv>1: unknown option "slef"; did you mean "self"? (options: gpt, self)"# + "\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func aBadGuardrailInTheScenarioExits65() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let url = dir.appendingPathComponent("base.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: #""option": "self", "metric""#, with: #""option": "slef", "metric""#)
        try Data(text.utf8).write(to: url)
        let r = try CLI.run(["run", "base.json", "--out", "out"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == """
            base.json:21:17: error: guardrails[0].option: unknown option id "slef"; did you mean "self"?
            base.json: 1 error

            """)
    }

    @Test func aBreachInDiffExits1() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json", "head.json": "diff-head.json"])
        let r = try CLI.run(["diff", "base.json", "head.json", "--fail-on", "gpt.monthly_cost>5900", "--fail-on", "self.total_cost:+10%"], in: dir)
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("<!-- breakeven-diff: head -->\n### Cost diff: Diff fixture: support bot\n"))
        #expect(r.stderr == """
            head.json: guardrail failed: guardrails[0] self.breakeven_month max 5: breakeven month of self is month 6; at most month 5 allowed, over by 1 month
            head.json: guardrail failed: --fail-on gpt.monthly_cost>5900: monthly cost of gpt is $6,000.00 in month 1 (2026-01); at most $5,900.00 allowed, over by $100.00 (1.7%)

            """)
        let bad = try CLI.run(["diff", "base.json", "head.json", "--fail-on", "gpt.utilization<1%"], in: dir)
        #expect(bad.status == 64)
        #expect(bad.stderr == #"head.json: --fail-on gpt.utilization<1%: "gpt" (api) provisions no capacity, so it has no utilization"# + "\n")
    }
}
