import Foundation
import Testing

/// `--diagnostics github`: problems as GitHub Actions `::error` workflow commands, escaped as
/// actions/toolkit's core/src/command.ts escapes them; `text` (the default) unchanged.
@Suite("--diagnostics on the command line")
struct DiagnosticsFormatTests {
    /// The fixture with `months` at -3 (line 6, column 13 of diff-base.json).
    static func invalid(_ dir: URL, _ name: String) throws {
        let text = try String(contentsOf: CLI.golden.appendingPathComponent("diff-base.json"), encoding: .utf8)
        try text.replacingOccurrences(of: #""months": 12"#, with: #""months": -3"#)
            .write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
    }

    @Test func validateAnnotatesTheFileLineAndColumn() throws {
        let dir = try CLI.workspace([:])
        // A file name with a comma and a colon: both separate properties, so both are escaped.
        try Self.invalid(dir, "odd, name: 1.json")
        let github = try CLI.run(["validate", "odd, name: 1.json", "--diagnostics", "github"], in: dir)
        #expect(github.status == 65)
        #expect(github.stdout == "")
        #expect(github.stderr == """
            ::error file=odd%2C name%3A 1.json,line=6,col=13::months: expected an integer from 1 to 240, found -3
            odd, name: 1.json: 1 error

            """)
        let text = try CLI.run(["validate", "odd, name: 1.json"], in: dir)
        #expect(text.status == 65)
        #expect(text.stderr == """
            odd, name: 1.json:6:13: error: months: expected an integer from 1 to 240, found -3
            odd, name: 1.json: 1 error

            """)
    }

    @Test func percentCarriageReturnAndLineFeedInAMessageAreEscaped() throws {
        let dir = try CLI.workspace(["s.json": "diff-base.json"])
        let url = dir.appendingPathComponent("s.json")
        // An unknown key "50%\r\nof" (JSON escapes): the message quotes it with its real CR and LF.
        let text = try String(contentsOf: url, encoding: .utf8)
        try text.replacingOccurrences(of: #""months": 12,"#, with: #""months": 12, "50%\r\nof": 1,"#).write(to: url, atomically: true, encoding: .utf8)
        let r = try CLI.run(["validate", "s.json", "--diagnostics", "github"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "::error file=s.json,line=6,col=17::50%25%0D%0Aof: unknown key \"50%25%0D%0Aof\"\ns.json: 1 error\n")
    }

    @Test func aSetArgumentIsNamedInTheMessage() throws {
        let dir = try CLI.workspace(["s.json": "diff-base.json"])
        let r = try CLI.run(["validate", "s.json", "--set", "months=x", "--diagnostics", "github"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "::error file=s.json::--set months=x: months: expected an integer from 1 to 240, found \"x\"\ns.json: 1 error\n")
    }

    @Test func aMissingFileIsAnnotatedToo() throws {
        let dir = try CLI.workspace([:])
        let r = try CLI.run(["validate", "gone.json", "--diagnostics", "github"], in: dir)
        #expect(r.status == 66)
        #expect(r.stderr == "::error file=gone.json::no such file\n")
    }

    @Test func runAnnotatesAGuardrailThatFails() throws {
        let dir = try CLI.workspace(["head.json": "diff-head.json"])
        let r = try CLI.run(["run", "head.json", "--out", "out", "--diagnostics", "github"], in: dir)
        // diff-head.json: self breaks even in month 6; its guardrail allows month 5 at most.
        #expect(r.status == 1)
        #expect(r.stderr == "::error file=head.json::guardrail failed: guardrails[0] self.breakeven_month max 5: breakeven month of self is month 6; at most month 5 allowed, over by 1 month\n")
    }

    @Test func diffWritesTheProblemsAsTheComment() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        try Self.invalid(dir, "my plan.json")
        let r = try CLI.run(["diff", "base.json", "my plan.json", "--out", "comment.md", "--name", "scenarios/my plan.json",
                             "--diagnostics", "github"], in: dir)
        #expect(r.status == 65)
        #expect(r.stdout == "")
        #expect(r.stderr == """
            ::error file=my plan.json,line=6,col=13::months: expected an integer from 1 to 240, found -3
            my plan.json: 1 error

            """)
        let comment = try String(contentsOf: dir.appendingPathComponent("comment.md"), encoding: .utf8)
        #expect(comment == """
            <!-- breakeven-diff: scenarios/my%20plan.json -->
            ### Cost diff: no diff for `my plan.json`

            **No cost diff until this problem is fixed.**

            ```text
            my plan.json:6:13: error: months: expected an integer from 1 to 240, found -3
            ```

            """)
        // Without --out nothing is written, and the text format is as before.
        let plain = try CLI.run(["diff", "base.json", "my plan.json"], in: dir)
        #expect(plain.status == 65)
        #expect(plain.stdout == "")
        #expect(plain.stderr == "my plan.json:6:13: error: months: expected an integer from 1 to 240, found -3\nmy plan.json: 1 error\n")
    }

    @Test func twoCurrenciesAreAnnotatedOnTheHead() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let text = try String(contentsOf: dir.appendingPathComponent("base.json"), encoding: .utf8)
        try text.replacingOccurrences(of: #""version": 1,"#, with: #""version": 1, "currency": "EUR","#)
            .write(to: dir.appendingPathComponent("euros.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["diff", "base.json", "euros.json", "--diagnostics", "github", "--out", "c.md"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "::error file=euros.json::base.json counts in USD and euros.json in EUR: a change of currency is not a change of cost; diff them in one currency\n")
        let comment = try String(contentsOf: dir.appendingPathComponent("c.md"), encoding: .utf8)
        #expect(comment.contains("```text\nbreakeven: base.json counts in USD and euros.json in EUR: a change of currency is not a change of cost; diff them in one currency\n```\n"))
    }

    @Test func anUnknownFormatIsAUsageError() throws {
        let dir = try CLI.workspace(["s.json": "diff-base.json"])
        let r = try CLI.run(["validate", "s.json", "--diagnostics", "json"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: The value 'json' is invalid for '--diagnostics <format>'. Please provide one of 'text' and 'github'.\n"))
    }
}
