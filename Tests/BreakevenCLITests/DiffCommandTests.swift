import Foundation
import Testing

/// `breakeven diff` end to end: files, result files, git revisions, output files and errors.
@Suite("diff on the command line")
struct DiffCommandTests {
    @Test func resultFilesGiveTheSameCommentAsScenarios() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json", "head.json": "diff-head.json"])
        #expect(try CLI.run(["run", "base.json", "--out", "results", "--format", "json"], in: dir).status == 0)
        #expect(try CLI.run(["run", "head.json", "--out", "results", "--format", "json"], in: dir).status == 1)
        let fromScenarios = try CLI.run(["diff", "base.json", "head.json", "--format", "json"], in: dir)
        let fromResults = try CLI.run(["diff", "results/base.json", "results/head.json", "--format", "json"], in: dir)
        #expect(fromResults.status == 1)
        // Only where each side came from differs.
        let sources = { (s: String) in s.replacingOccurrences(of: "results/", with: "") }
        #expect(sources(fromResults.stdout) == fromScenarios.stdout)
        #expect(fromResults.stdout.contains(#""diff_version" : 1"#))
    }

    @Test func outWritesTheCommentAndPrintsAPlainTable() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json", "head.json": "diff-head.json"])
        let r = try CLI.run(["diff", "base.json", "head.json", "--out", "comment.md", "--name", "support-bot", "--chart"], in: dir)
        #expect(r.status == 1)
        let comment = try String(contentsOf: dir.appendingPathComponent("comment.md"), encoding: .utf8)
        #expect(comment.hasPrefix("<!-- breakeven-diff: support-bot -->\n"))
        #expect(comment.contains("```mermaid"))
        // Standard output is a pipe here: no colour codes.
        #expect(!r.stdout.contains("\u{1B}["))
        #expect(r.stdout == """
            Diff fixture: support bot
            New option Hosted open model breaks even in month 1 and saves $38k over 12 months against Closed API. Self-hosted 8B now breaks even in month 6 instead of 5; 12-month savings fall by $19k (−53.8%).
            option             status   total before  total after          change  breakeven
            Closed API         changed          $72k         $53k  -$19k (-25.8%)   baseline
            Self-hosted 8B     changed          $38k         $38k                      5 → 6
            Hosted open model  new                 –         $15k                          1
            guardrails: 1 of 5 checks failed

            """)
    }

    @Test func againstAGitRevision() throws {
        guard CLI.hasGit else { return }
        let dir = try CLI.workspace(["support.json": "diff-base.json"])
        #expect(try CLI.git(["init", "-q"], in: dir).status == 0)
        #expect(try CLI.git(["add", "support.json"], in: dir).status == 0)
        #expect(try CLI.git(["commit", "-q", "-m", "base"], in: dir).status == 0)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("support.json"))
        try FileManager.default.copyItem(at: CLI.golden.appendingPathComponent("diff-head.json"), to: dir.appendingPathComponent("support.json"))

        let changed = try CLI.run(["diff", "support.json", "--against", "HEAD"], in: dir)
        #expect(changed.status == 1)
        #expect(changed.stdout.contains("`HEAD:support.json` → `support.json` · 12 months from 2026-01"))
        #expect(changed.stdout.hasPrefix("<!-- breakeven-diff: support -->\n"))

        // A scenario the revision did not have: every option counts as added.
        try FileManager.default.copyItem(at: CLI.golden.appendingPathComponent("diff-base.json"), to: dir.appendingPathComponent("new.json"))
        let added = try CLI.run(["diff", "new.json", "--against", "HEAD"], in: dir)
        #expect(added.status == 0)
        #expect(added.stderr == "breakeven: new.json did not exist at HEAD: the whole scenario counts as added\n")
        #expect(added.stdout.contains("**New scenario: Self-hosted 8B breaks even in month 5 and saves $34k over 12 months against Closed API.**"))
        #expect(added.stdout.contains("`new.json` (new scenario)"))

        let badRef = try CLI.run(["diff", "support.json", "--against", "nope"], in: dir)
        // 66, as the README says of a git base that cannot be read.
        #expect(badRef.status == 66)
        #expect(badRef.stderr == #"breakeven: --against nope: git knows no commit "nope" (a branch, tag or commit such as origin/main)"# + "\n")
    }

    @Test func againstOutsideARepository() throws {
        guard CLI.hasGit else { return }
        let dir = try CLI.workspace(["support.json": "diff-base.json"])
        let r = try CLI.run(["diff", "support.json", "--against", "HEAD"], in: dir, environment: ["GIT_CEILING_DIRECTORIES": dir.deletingLastPathComponent().path])
        #expect(r.status == 66)
        #expect(r.stderr == "breakeven: --against HEAD: \(dir.path) is not inside a git repository\n")
    }

    @Test func setChangesHeadBeforeItIsSimulated() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        // The same scenario on both sides, HEAD with output at $4 instead of $8 and 24 months instead of 12.
        let r = try CLI.run(["diff", "base.json", "base.json", "--set", "options.gpt.prices.output_per_mtok=4", "--set", "months=24"], in: dir)
        // Its guardrail (self breaks even by month 6) now fails: exit 1.
        #expect(r.status == 1)
        // API: 1e6 requests × (1,000 × $2 + 500 × $4) / 1e6 = $4,000 a month, × 24 = $96,000 (was $6,000 × 12 = $72,000).
        #expect(r.stdout.contains("| **Closed API** (`gpt`) · baseline | Total, 12 → 24 months | $72,000.00 | $96,000.00 | +$24,000.00 (+33.3%) |"))
        // Self-hosted: $20,000 once + 17,520 hours of 2026–2027 × $2 = $55,040; 4,000·m ≥ 20,000 + ~1,460·m from month 8.
        #expect(r.stdout.contains("| **Self-hosted 8B** (`self`) | Total, 12 → 24 months | $37,520.00 | $55,040.00 |"))
        #expect(r.stdout.contains("|  | Breakeven month | 5 | 8 | +3 months |"))

        // A result file is already simulated: nothing to change.
        #expect(try CLI.run(["run", "base.json", "--out", "results", "--format", "json"], in: dir).status == 0)
        let result = try CLI.run(["diff", "base.json", "results/base.json", "--set", "months=24"], in: dir)
        #expect(result.status == 64)
        #expect(result.stderr == "breakeven: results/base.json is a result file; --set changes a scenario before it is simulated\n")
        // A path the scenario does not have is an input error, like run's.
        let unknown = try CLI.run(["diff", "base.json", "base.json", "--set", "options.nope.x=1"], in: dir)
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("--set options.nope.x=1: error: options.nope: unknown option id \"nope\""))
    }

    /// Two files of one's own, both broken: every problem of both in one run (the base's used to
    /// wait until the head was fixed).
    @Test func twoBrokenScenariosReportBoth() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let text = try String(contentsOf: dir.appendingPathComponent("base.json"), encoding: .utf8)
        try text.replacingOccurrences(of: #""version": 1,"#, with: #""version": 1, "monthz": 3,"#)
            .write(to: dir.appendingPathComponent("old.json"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: #""version": 1,"#, with: #""version": 1, "discount_rate": -1,"#)
            .write(to: dir.appendingPathComponent("new.json"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["diff", "old.json", "new.json"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr.contains("new.json:2:34: error: discount_rate: expected a number from 0 to 1, found -1\nnew.json: 1 error\n"))
        #expect(r.stderr.hasSuffix(#"old.json:2:17: error: monthz: unknown key "monthz"; did you mean "months"?"# + "\nold.json: 1 error\n"))
    }

    @Test func amountsInTwoCurrenciesAreNotCompared() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        // The fixture written in euros: inline prices, so no usd_rate is needed.
        let text = try String(contentsOf: dir.appendingPathComponent("base.json"), encoding: .utf8)
        try text.replacingOccurrences(of: #""version": 1,"#, with: #""version": 1, "currency": "EUR","#)
            .write(to: dir.appendingPathComponent("euros.json"), atomically: true, encoding: .utf8)
        let euros = try CLI.run(["run", "euros.json", "--out", "out", "--format", "markdown"], in: dir)
        #expect(euros.status == 0)
        #expect(euros.stdout.contains("€"))
        let diff = try CLI.run(["diff", "base.json", "euros.json"], in: dir)
        #expect(diff.status == 65)
        #expect(diff.stderr == "breakeven: base.json counts in USD and euros.json in EUR: a change of currency is not a change of cost; diff them in one currency\n")
        let compare = try CLI.run(["compare", "base.json", "euros.json", "--out", "out"], in: dir)
        #expect(compare.status == 65)
        #expect(compare.stderr.hasPrefix("breakeven: the scenarios count in USD and EUR: amounts in different currencies cannot stand side by side"))
    }

    @Test func badArguments() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let one = try CLI.run(["diff", "base.json"], in: dir)
        #expect(one.status == 64)
        #expect(one.stderr.hasPrefix("Error: give BASE and HEAD, or one file and --against REF\n"))
        let format = try CLI.run(["diff", "base.json", "base.json", "--format", "html"], in: dir)
        #expect(format.status == 64)
        #expect(format.stderr.hasPrefix("Error: The value 'html' is invalid for '--format <format>'. Please provide one of 'markdown' and 'json'.\n"))
        let missing = try CLI.run(["diff", "base.json", "gone.json"], in: dir)
        #expect(missing.status == 66)
        #expect(missing.stderr == "breakeven: gone.json: no such file\n")
    }

    @Test func compareRefusesFormatsItDoesNotWrite() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        // A comparison is a table: html and json are refused before any file is read, and nothing is written.
        for (formats, refused) in [("markdown,html", "html"), ("json", "json"), ("json,csv,html", "json or html")] {
            let r = try CLI.run(["compare", "base.json", "base.json", "--out", "out", "--format", formats], in: dir)
            #expect(r.status == 64, "\(formats)")
            #expect(r.stderr.hasPrefix("Error: compare writes markdown and csv, not \(refused)\n"), "\(formats): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }
}
