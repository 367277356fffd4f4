import Testing
@testable import BreakevenReports

/// The comment a pull request gets for a scenario it cannot diff: the diff's marker, then every
/// problem as `breakeven validate` prints it.
@Suite("Invalid scenario comment")
struct InvalidScenarioCommentTests {
    @Test func theProblemsUnderTheDiffsMarker() {
        let text = InvalidScenarioComment.render(name: "scenarios/team plan.json", source: "scenarios/team plan.json", problems: [
            "scenarios/team plan.json:6:13: error: months: expected an integer from 1 to 240, found -3",
            #"scenarios/team plan.json:9:5: error: workload.requests_per_mnth: unknown key "requests_per_mnth"; did you mean "requests_per_month"?"#,
        ])
        #expect(text == """
            <!-- breakeven-diff: scenarios/team%20plan.json -->
            ### Cost diff: no diff for `scenarios/team plan.json`

            **No cost diff until these 2 problems are fixed.**

            ```text
            scenarios/team plan.json:6:13: error: months: expected an integer from 1 to 240, found -3
            scenarios/team plan.json:9:5: error: workload.requests_per_mnth: unknown key "requests_per_mnth"; did you mean "requests_per_month"?
            ```

            """)
    }

    @Test func backticksInNamesAndMessagesCannotCloseTheCode() {
        let text = InvalidScenarioComment.render(name: "a`b", source: "a`b.json", problems: ["a`b.json:1:1: error: found ```"])
        // A span fenced by two backticks holds one; a block fenced by four holds three.
        #expect(text.contains("### Cost diff: no diff for ``a`b.json``\n"))
        #expect(text.contains("**No cost diff until this problem is fixed.**"))
        #expect(text.contains("\n````text\na`b.json:1:1: error: found ```\n````\n"))
        #expect(InvalidScenarioComment.codeSpan("`x") == "`` `x ``")
    }

    @Test func thousandsOfProblemsStayUnderTheLimit() {
        let problems = (1...5000).map { "s.json:\($0):3: error: options[\($0)].gpu_hourly: expected a number from 0 to 1000, found -2" }
        let text = InvalidScenarioComment.render(name: "s", source: "s.json", problems: problems)
        #expect(text.utf16.count <= 65_000)
        let shown = text.split(separator: "\n").filter { $0.hasPrefix("s.json:") }.count
        #expect(shown > 500)
        #expect(text.hasSuffix("```\n\n\(5000 - shown) more not shown: run `breakeven validate` on the file to see every problem.\n"))
        #expect(text.contains("**No cost diff until these 5000 problems are fixed.**"))
    }
}
