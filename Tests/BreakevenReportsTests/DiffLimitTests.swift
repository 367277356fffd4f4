import Foundation
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// GitHub refuses comments over 65,536 characters: a diff too long is cut, and says what it cut.
@Suite("Diff comment limit")
struct DiffLimitTests {
    @Test func aSmallLimitCutsTheChartFirstThenInputs() throws {
        let d = try GoldenDiffTests.diff()
        let full = DiffMarkdown.render(d, context: GoldenDiffTests.context)
        #expect(!full.contains("_Cut to stay"))
        var small = GoldenDiffTests.context
        // The full comment is about 5,100 characters, the chart about 1,300 of them.
        small.limit = 4_400
        let cut = DiffMarkdown.render(d, context: small)
        #expect(cut.utf16.count <= 4_400)
        #expect(!cut.contains("```mermaid"))
        #expect(cut.contains("| `options.hosted.*` |"))
        #expect(cut.hasSuffix("_Cut to stay under GitHub's comment limit: the chart. `breakeven diff --format json` gives everything._\n"))
        // Tighter still: inputs, then the 5 passed guardrail checks go (the 2 failed ones stay),
        // then the last of the 22 option rows (gpt 4, self 9, hosted 9).
        small.limit = 3_000
        let tighter = DiffMarkdown.render(d, context: small)
        #expect(tighter.utf16.count <= 3_000)
        #expect(tighter.contains("❌ failed"))
        #expect(tighter.hasSuffix("_Cut to stay under GitHub's comment limit: the chart; 5 of 5 input changes; 5 of 7 guardrail checks; 1 of 22 option rows. `breakeven diff --format json` gives everything._\n"))
    }

    @Test func thousandsOfInputChangesStayUnderTheLimit() throws {
        var base = try GoldenDiffTests.result("diff-base.json")
        var head = base
        // 3,000 inputs that change: far more than a comment can hold.
        base.assumptions = (0..<3000).map { Assumption(path: "workload.request_classes.class_\($0).share", value: "0.1", source: .scenario) }
        head.assumptions = (0..<3000).map { Assumption(path: "workload.request_classes.class_\($0).share", value: "0.2", source: .scenario) }
        base.guardrails = []
        head.guardrails = []
        let d = ResultDiff(name: "big", base: base, head: head)
        let text = DiffMarkdown.render(d, context: DiffContext(baseSource: "a.json", headSource: "b.json", chart: true))
        #expect(text.utf16.count <= 65_000)
        #expect(text.hasPrefix("<!-- breakeven-diff: big -->\n"))
        let kept = text.components(separatedBy: "\n").filter { $0.contains("| `workload.request_classes.") }.count
        #expect(text.hasSuffix("_Cut to stay under GitHub's comment limit: the chart; \(3000 - kept) of 3000 input changes. `breakeven diff --format json` gives everything._\n"))
        #expect(kept > 500)
    }

    @Test func theMarkerIsAValidHTMLComment() {
        #expect(DiffMarkdown.marker("enterprise-support") == "<!-- breakeven-diff: enterprise-support -->")
        // The second "-" of a pair and the ">" are encoded: no "--" or "-->" inside the comment.
        #expect(DiffMarkdown.marker("a--b->") == "<!-- breakeven-diff: a-%2Db-%3E -->")
        #expect(DiffMarkdown.marker("a---b") == "<!-- breakeven-diff: a-%2D-b -->")
        // A path: "/" stays, a space is %20, "%" is %25, "é" is its two UTF-8 bytes C3 A9.
        #expect(DiffMarkdown.marker("scenarios/my café 100%.json") == "<!-- breakeven-diff: scenarios/my%20caf%C3%A9%20100%25.json -->")
        #expect(DiffMarkdown.marker("x<!--y\n") == "<!-- breakeven-diff: x%3C%21-%2Dy%0A -->")
    }

    @Test func namesThatDifferHaveMarkersThatDiffer() {
        // Today's collision: "a--b" and "a-b" (and "a-b-") once shared "a-b".
        let names = ["a--b", "a-b", "a-b-", "a-%2Db", "a b", "a%20b", "a/b", "a_b", "scenarios/x.json", "other/x.json"]
        #expect(Set(names.map(DiffMarkdown.marker)).count == names.count)
        for name in names {
            let inside = DiffMarkdown.marker(name).dropFirst(5).dropLast(4)
            #expect(!inside.contains("--"), "\(name)")
            #expect(!inside.contains(">"), "\(name)")
            #expect(!inside.contains("<"), "\(name)")
            // Percent-decoding gives the name back.
            #expect(String(inside.dropFirst("breakeven-diff: ".count)).removingPercentEncoding == name, "\(name)")
        }
    }
}
