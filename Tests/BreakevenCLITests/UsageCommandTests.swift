import Foundation
import GRDB
import Testing

/// `usage import`, `usage summary`, `fit` and `drift` as a user runs them: statuses and messages.
@Suite(.serialized)
struct UsageCommandTests {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/BreakevenUsageTests/Fixtures")

    /// A folder with the named files copied in: fixtures by name, or the sample export and scenario.
    static func workspace(_ files: [String: URL]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-usage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, source) in files { try FileManager.default.copyItem(at: source, to: dir.appendingPathComponent(name)) }
        return dir
    }

    static let sample = ["spend.csv": CLI.packageRoot.appendingPathComponent("scenarios/usage/support-litellm.csv"),
                         "support.json": CLI.packageRoot.appendingPathComponent("scenarios/fitted-support.json")]

    @Test func importPrintsWhatEachFileDidAndRefusesABadOne() throws {
        let dir = try UsageCommandTests.workspace(["spend.csv": UsageCommandTests.fixtures.appendingPathComponent("litellm-spend-logs.csv")])
        try Data("request_id,startTime,model,prompt_tokens,completion_tokens\nr1,soon,gpt-4o,1,1\n".utf8).write(to: dir.appendingPathComponent("bad.csv"))
        let first = try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "bad.csv", "--usage", "u.sqlite"], in: dir)
        #expect(first.status == 65)
        #expect(first.stdout == "spend.csv (litellm): 3 requests: 3 new, 0 already imported; covers 2026-01-01 09:00 UTC to 2026-01-01 11:00 UTC; left out: failed requests (status \"failure\"): 1\n")
        #expect(first.stderr == "bad.csv:2: error: column startTime: expected a date and time such as 2026-01-15 10:23:45 or 2026-01-15T10:23:45Z, found \"soon\"\n")
        let again = try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "u.sqlite"], in: dir)
        #expect(again.status == 0)
        #expect(again.stdout.hasSuffix("3 requests: 0 new, 3 already imported; covers 2026-01-01 09:00 UTC to 2026-01-01 11:00 UTC; left out: failed requests (status \"failure\"): 1; nothing changed\n"))
        let missing = try CLI.run(["usage", "import", "--format", "otel", "nope.json", "--usage", "u.sqlite"], in: dir)
        #expect(missing.status == 66 && missing.stderr == "breakeven: nope.json: no such file\n")
    }

    @Test func langfuseV2PagesImportBesideV1OnesAndOneWithoutUsageIsRefused() throws {
        let dir = try UsageCommandTests.workspace(["v1.json": UsageCommandTests.fixtures.appendingPathComponent("langfuse-observations.json"),
                                                   "v2.json": UsageCommandTests.fixtures.appendingPathComponent("langfuse-observations-v2.json"),
                                                   "basic.json": UsageCommandTests.fixtures.appendingPathComponent("langfuse-observations-v2-default-fields.json")])
        let run = try CLI.run(["usage", "import", "--format", "langfuse", "v1.json", "v2.json", "basic.json", "--usage", "u.sqlite"], in: dir)
        #expect(run.status == 65)
        // gen-1 and gen-2 are in both exports: the v2 page adds gen-7 only.
        #expect(run.stdout == """
            v1.json (langfuse): 2 requests: 2 new, 0 already imported; covers 2026-01-01 09:00 UTC to 2026-01-01 11:00 UTC; left out: generations without token usage: 1
            v2.json (langfuse): 3 requests: 1 new, 2 already imported; covers 2026-01-01 09:00 UTC to 2026-01-01 12:00 UTC; left out: generations without token usage: 1

            """)
        #expect(run.stderr == #"basic.json:28:5: error: data[1]: a generation without "usageDetails": this page of /api/public/v2/observations was fetched without the usage field group; fetch it again with fields=core,basic,usage,model"# + "\n")
    }

    @Test func aClaudeCodeProjectsDirectoryIsReadWholeInSortedOrder() throws {
        // ~/.claude/projects as Claude Code 2.x keeps it: a session, its sub-agent's transcript in
        // <session>/subagents/, and the session resumed the next day (cut short at its end).
        let session = "projects/-home-ada-src-uploader/5b0c9a4e-1f7d-4c2a-9e83-6d4f2b1a7c90"
        let resumed = "projects/-home-ada-src-uploader/9d1b3f5a-7c9e-4b2d-8f4a-6c8e0a2c4e93.jsonl"
        let dir = try UsageCommandTests.workspace([:])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(session + "/subagents"), withIntermediateDirectories: true)
        for (name, fixture) in [(session + ".jsonl", "claude-code-session.jsonl"), (session + "/subagents/agent-a1b2c3d.jsonl", "claude-code-subagent.jsonl"),
                                (resumed, "claude-code-resumed.jsonl")] {
            try FileManager.default.copyItem(at: UsageCommandTests.fixtures.appendingPathComponent(fixture), to: dir.appendingPathComponent(name))
        }
        let run = try CLI.run(["usage", "import", "--format", "claude-code", "projects", "--usage", "u.sqlite"], in: dir)
        #expect(run.status == 0)
        // The session before its sub-agent ("." sorts before "/"); the resumed session's copy of a
        // response already counted; the directory then covers the first response to the last.
        #expect(run.stdout == """
            \(session).jsonl (claude-code): 3 requests: 3 new, 0 already imported; covers 2026-01-05 09:00 UTC to 2026-01-05 10:00 UTC; left out: messages Claude Code wrote itself (model <synthetic>: an API error or an interruption, no API call): 1
            \(session)/subagents/agent-a1b2c3d.jsonl (claude-code): 2 requests: 2 new, 0 already imported; covers 2026-01-05 09:00 UTC to 2026-01-05 10:00 UTC
            \(resumed) (claude-code): 2 requests: 1 new, 1 already imported; covers 2026-01-05 09:00 UTC to 2026-01-06 11:00 UTC
            projects (claude-code): 3 files read whole; covers 2026-01-05 09:00 UTC to 2026-01-06 11:00 UTC

            """)
        #expect(run.stderr == "\(resumed):6:505: note: the last line is cut short (no newline follows it: the session stopped while Claude Code wrote it); left out\n")
        // A transcript refused: the others import, and the directory is not said to be read whole.
        try Data("{\"type\":\"assistant\",\"message\":\n".utf8).write(to: dir.appendingPathComponent("projects/-home-ada-src-uploader/broken.jsonl"))
        let refused = try CLI.run(["usage", "import", "--format", "claude-code", "projects", "--usage", "u.sqlite"], in: dir)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("""
            projects/-home-ada-src-uploader/broken.jsonl:1:31: error: expected a value, found the end of the line
            projects: note: not recorded as read whole, as a file of it was refused: the hours between its sessions stay uncovered until it is imported whole

            """))
        let export = try CLI.run(["usage", "import", "--format", "openai", "projects", "--usage", "u.sqlite"], in: dir)
        #expect(export.status == 66 && export.stderr == "breakeven: projects: a directory; --format openai reads export files\n")
    }

    @Test func aCodexSessionsDirectoryIsReadWholeAndAForkCountsOnlyItsOwnResponse() throws {
        // ~/.codex/sessions as Codex keeps it: the session of 12 January 09:00, grown by `codex resume`
        // the next day (cut short at its end), and a fork of it made at 11:15 that day.
        let day = "sessions/2026/01/12/"
        let session = day + "rollout-2026-01-12T10-00-00-0199b3c4-7d2e-7a41-9c58-3e6f1a2b4d07.jsonl"
        let fork = day + "rollout-2026-01-12T12-15-03-0199b4a1-2c5f-7e03-8b19-6d4a7c2e9f31.jsonl"
        let dir = try UsageCommandTests.workspace([:])
        try FileManager.default.createDirectory(at: dir.appendingPathComponent(day), withIntermediateDirectories: true)
        for (name, fixture) in [(session, "codex-resumed.jsonl"), (fork, "codex-fork.jsonl")] {
            try FileManager.default.copyItem(at: UsageCommandTests.fixtures.appendingPathComponent(fixture), to: dir.appendingPathComponent(name))
        }
        let run = try CLI.run(["usage", "import", "--format", "codex", "sessions", "--usage", "u.sqlite"], in: dir)
        #expect(run.status == 0)
        // The parent before its fork (file names sort by the local time they were made); the fork's
        // copy of the parent's first two responses already counted.
        #expect(run.stdout == """
            \(session) (codex): 4 requests: 4 new, 0 already imported; covers 2026-01-12 09:00 UTC to 2026-01-13 09:00 UTC; left out: token counts repeating a running total already read (a re-emitted or copied event, read once): 2, token counts without usage (rate limits only): 1
            \(fork) (codex): 3 requests: 1 new, 2 already imported; covers 2026-01-12 11:00 UTC to 2026-01-12 12:00 UTC; left out: token counts repeating a running total already read (a re-emitted or copied event, read once): 2, token counts without usage (rate limits only): 1
            sessions (codex): 2 files read whole; covers 2026-01-12 09:00 UTC to 2026-01-13 09:00 UTC

            """)
        #expect(run.stderr == "\(session):28:140: note: the last line is cut short (no newline follows it: the session stopped while Codex wrote it); left out\n")
        // Read again: nothing changes.
        let again = try CLI.run(["usage", "import", "--format", "codex", "sessions", "--usage", "u.sqlite"], in: dir)
        #expect(again.status == 0 && again.stdout.contains("4 requests: 0 new, 4 already imported") && again.stdout.contains("3 requests: 0 new, 3 already imported"))
        // A session that ended before its first response: nothing imported, and a note says why.
        try Data(#"{"timestamp":"2026-01-14T08:00:00.000Z","type":"session_meta","payload":{"id":"s-2"}}"#.utf8 + [0x0A])
            .write(to: dir.appendingPathComponent("empty.jsonl"))
        let empty = try CLI.run(["usage", "import", "--format", "codex", "empty.jsonl", "--usage", "u.sqlite"], in: dir)
        #expect(empty.status == 0 && empty.stdout == "empty.jsonl (codex): no token usage found\n")
        #expect(empty.stderr == "empty.jsonl:1:1: note: no token counts in this log (a session that ended before a response, or a rollout before Codex 0.33); nothing imported\n")
    }

    @Test func vertexTimeSeriesImportAndAFailedCallIsRefused() throws {
        let dir = try UsageCommandTests.workspace(["pages.jsonl": UsageCommandTests.fixtures.appendingPathComponent("vertex-timeseries-pages.jsonl"),
                                                   "error.json": UsageCommandTests.fixtures.appendingPathComponent("vertex-error.json")])
        let run = try CLI.run(["usage", "import", "--format", "vertex", "pages.jsonl", "--usage", "u.sqlite"], in: dir)
        #expect(run.status == 0)
        // One record a bucket: Pro at 10:00 and 11:00, Flash at 10:00 (2026-01-15).
        #expect(run.stdout == "pages.jsonl (vertex): 3 records in 3 buckets: 3 new, 0 changed, 0 unchanged; covers 2026-01-15 10:00 UTC to 2026-01-15 12:00 UTC; "
                + "left out: model invocations that failed (response_code not 2xx): 1, series of other metrics: 1\n")
        let refused = try CLI.run(["usage", "import", "--format", "vertex", "error.json", "--usage", "u.sqlite"], in: dir)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("error.json:2:12: error: error: an error response (429 RESOURCE_EXHAUSTED"))
    }

    @Test func azureMonitorMetricsImportAndAFailedCallIsRefused() throws {
        let dir = try UsageCommandTests.workspace(["azure.jsonl": UsageCommandTests.fixtures.appendingPathComponent("azure-monitor-cli.jsonl"),
                                                   "error.json": UsageCommandTests.fixtures.appendingPathComponent("azure-monitor-error.json")])
        let run = try CLI.run(["usage", "import", "--format", "azure-monitor", "azure.jsonl", "--usage", "u.sqlite"], in: dir)
        #expect(run.status == 0)
        // One record a bucket: chat-prod at 10:00 and 11:00, classify at 10:00 and 11:00, chat-batch at 10:00
        // (2026-01-15); the 12:00 points reported nothing but are covered.
        #expect(run.stdout == "azure.jsonl (azure-monitor): 5 records in 5 buckets: 5 new, 0 changed, 0 unchanged; covers 2026-01-15 10:00 UTC to 2026-01-15 13:00 UTC; "
                + "left out: request counts of failed requests (StatusCode not 2xx): 1\n")
        let refused = try CLI.run(["usage", "import", "--format", "azure-monitor", "error.json", "--usage", "u.sqlite"], in: dir)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix(#"error.json:2:11: error: code: an error response (BadRequest "Failed to find metric configuration"#))
    }

    @Test func summaryNamesTheMonthsModelsAndSources() throws {
        let dir = try UsageCommandTests.workspace(["report.json": UsageCommandTests.fixtures.appendingPathComponent("anthropic-usage-report.json")])
        _ = try CLI.run(["usage", "import", "--format", "anthropic", "report.json", "--usage", "u.sqlite"], in: dir)
        let summary = try CLI.run(["usage", "summary", "--usage", "u.sqlite"], in: dir, environment: ["NO_COLOR": "1"])
        #expect(summary.status == 0)
        #expect(summary.stdout == """
            month    model                     requests  input  cached  output  cached share  batch share  billed  source
            2026-01  claude-sonnet-4-20250514         –  7,200     200   1,400          2.8%        57.0%       –  anthropic: report.json (partial)

            anthropic exports count no requests ("–"): fit needs --requests-from another source or --tokens-per-request for them
            partial: no imported file (or directory of session logs read whole) covers the whole month; fit leaves such months out

            """)
        let none = try CLI.run(["usage", "summary", "--usage", "none.sqlite"], in: dir)
        #expect(none.status == 66)
        #expect(none.stderr == "breakeven: none.sqlite: no usage database; import exports first with `breakeven usage import --format FORMAT FILE...`\n")
        let unmatched = try CLI.run(["usage", "summary", "--usage", "u.sqlite", "--model", "gpt*"], in: dir)
        #expect(unmatched.status == 64)
        #expect(unmatched.stderr == "breakeven: --model gpt*: no model matches (models with usage: claude-sonnet-4-20250514)\n")
    }

    @Test func aDatabaseWithoutUsageIsNoInputYet() throws {
        // A spend log of its header alone imports (nothing to refuse) and leaves a database with no
        // usage: the readers say so (66), as for a database that does not exist, not "--model : no model matches".
        let dir = try UsageCommandTests.workspace([:])
        try Data("request_id,startTime,model,prompt_tokens,completion_tokens\n".utf8).write(to: dir.appendingPathComponent("spend.csv"))
        #expect(try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "u.sqlite"], in: dir).status == 0)
        let message = "breakeven: u.sqlite: the usage database holds no usage yet; import exports that hold some with `breakeven usage import --format FORMAT FILE...`\n"
        for command in [["usage", "summary"], ["usage", "summary", "--model", "gpt*"], ["fit", "--tokens-per-request", "1000", "--out", "w.json"]] {
            let r = try CLI.run(command + ["--usage", "u.sqlite"], in: dir)
            #expect(r.status == 66 && r.stderr == message, "\(command)")
        }
    }

    @Test func aUsageDatabaseIsOpenedLikeTheCatalogAndTheHistory() throws {
        let dir = try UsageCommandTests.workspace(["spend.csv": UsageCommandTests.fixtures.appendingPathComponent("litellm-spend-logs.csv")])
        // A catalog given as the usage database is refused by every command, and no usage table
        // is made in it (the usage schema used to be migrated into it): the file holds no
        // `CREATE TABLE "usage_bucket"`.
        #expect(try CLI.run(["catalog", "init", "c.sqlite"], in: dir).status == 0)
        for command in [["usage", "import", "--format", "litellm", "spend.csv"], ["usage", "summary"],
                        ["fit", "--tokens-per-request", "1000", "--out", "w.json"]] {
            let r = try CLI.run(command + ["--usage", "c.sqlite"], in: dir)
            #expect(r.status == 65 && r.stderr == "breakeven: c.sqlite is not a breakeven usage database\n", "\(command): \(r.stderr)")
        }
        let catalog = try Data(contentsOf: dir.appendingPathComponent("c.sqlite"))
        #expect(catalog.count > 0 && catalog.firstRange(of: Data("usage_bucket".utf8)) == nil)
        // An empty file is not one either for a reader, which opens read-only and creates nothing;
        // an import makes it one.
        try Data().write(to: dir.appendingPathComponent("empty.sqlite"))
        let empty = try CLI.run(["usage", "summary", "--usage", "empty.sqlite"], in: dir)
        #expect(empty.status == 65 && empty.stderr == "breakeven: empty.sqlite is not a breakeven usage database\n")
        #expect(try Data(contentsOf: dir.appendingPathComponent("empty.sqlite")).isEmpty)
        #expect(try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "empty.sqlite"], in: dir).status == 0)
        // An import creates the database's folder, as a run does for its history.
        let nested = try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "data/usage/u.sqlite"], in: dir)
        #expect(nested.status == 0)
        let text = try CLI.run(["usage", "summary", "--usage", "spend.csv"], in: dir)
        #expect(text.status == 65 && text.stderr == "breakeven: spend.csv is not a SQLite database, so not a breakeven usage database\n")
    }

    @Test func aDamagedRowNamesTheDatabaseTheRowAndTheColumn() throws {
        let dir = try UsageCommandTests.workspace(["spend.csv": UsageCommandTests.fixtures.appendingPathComponent("litellm-spend-logs.csv")])
        #expect(try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "u.sqlite"], in: dir).status == 0)
        // Text where a count belongs, as `sqlite3` writes it (this used to stop the process, SIGILL).
        let queue = try DatabaseQueue(path: dir.appendingPathComponent("u.sqlite").path)
        try queue.write { try $0.execute(sql: "UPDATE usage_bucket SET input_tokens = 'abc' WHERE rowid = 1") }
        try queue.close()
        let summary = try CLI.run(["usage", "summary", "--usage", "u.sqlite"], in: dir)
        #expect(summary.status == 65)
        #expect(summary.stderr == #"breakeven: cannot read the usage database u.sqlite: usage_bucket row 1: input_tokens: expected a whole number, found "abc""# + "\n")
        let more = try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "u.sqlite"], in: dir)
        #expect(more.status == 0, "an import reads no figure of the rows it leaves alone: \(more.stderr)")
    }

    @Test func fitIntoTheSampleScenarioReproducesItAndDriftHasNothingToCompareYet() throws {
        let dir = try UsageCommandTests.workspace(UsageCommandTests.sample)
        _ = try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "u.sqlite"], in: dir)
        let fit = try CLI.run(["fit", "--usage", "u.sqlite", "--model", "claude*", "--timezone", "Europe/Paris", "--into", "support.json"], in: dir)
        #expect(fit.status == 0)
        #expect(fit.stdout == """
            support.json: workload replaced, fitted to 1 model (6 complete months, 2026-05 to 2026-10)
            note: the exports do not say which traffic was batch: batch_share is left at its default, 0

            """)
        #expect(try Data(contentsOf: dir.appendingPathComponent("support.json")) == Data(contentsOf: UsageCommandTests.sample["support.json"]!))
        let drift = try CLI.run(["drift", "support.json", "--usage", "u.sqlite", "--model", "claude*"], in: dir)
        #expect(drift.status == 0)
        #expect(drift.stdout == "support.json: no complete month of usage since 2026-11 (the scenario's start) to compare with the plan\n")
    }

    @Test func driftExitsOneNamingTheMonthFigureAndBand() throws {
        let dir = try UsageCommandTests.workspace(UsageCommandTests.sample)
        _ = try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "u.sqlite"], in: dir)
        // The plan of the fitted scenario, started three months earlier: August to October happened.
        let url = dir.appendingPathComponent("support.json")
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"start\": \"2026-11\"", with: "\"start\": \"2026-08\", \"as_of\": \"2026-11-01\"")
        try Data(text.utf8).write(to: url)
        let drift = try CLI.run(["drift", "support.json", "--usage", "u.sqlite", "--model", "claude*", "--tolerance", "0.3"], in: dir,
                                environment: ["NO_COLOR": "1"])
        #expect(drift.status == 1)
        // August: 410 requests against a plan of 553 ± 30% (387–719): inside; its bill $7.06 is below $13.74 × 0.7.
        #expect(drift.stdout.contains("2026-08           1       410      553  387–719"))
        #expect(drift.stderr.hasPrefix("support.json: drift: 2026-08: cost $7.06 (billed), outside the band $9.62–$17.86 (plan ± 30%)\n"))
    }

    @Test func driftWithAnUncertaintyBlockComparesWithTheTrials() throws {
        let dir = try UsageCommandTests.workspace(UsageCommandTests.sample)
        _ = try CLI.run(["usage", "import", "--format", "litellm", "spend.csv", "--usage", "u.sqlite"], in: dir)
        // The fitted plan started in August, with its volume uncertain: 10 to 30 requests a day.
        let url = dir.appendingPathComponent("support.json")
        var text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"start\": \"2026-11\"", with: "\"start\": \"2026-08\", \"as_of\": \"2026-11-01\"")
        let end = try #require(text.lastIndex(of: "}"))
        text.replaceSubrange(end...end, with: #", "uncertainty": { "trials": 1000, "seed": 7, "inputs": { "workload.requests_per_day": { "uniform": [10, 30] } } } }"#)
        try Data(text.utf8).write(to: url)
        let drift = try CLI.run(["drift", "support.json", "--usage", "u.sqlite", "--model", "claude*"], in: dir, environment: ["NO_COLOR": "1"])
        #expect(drift.status == 1)
        #expect(drift.stdout.contains("band: p10–p90 of 1,000 trials"))
        // August's 31 days: p10 ≈ (10 + 0.1 × 20) × 31 = 372 and p90 ≈ (10 + 0.9 × 20) × 31 = 868 requests, give or
        // take a quantile's standard error over 1,000 trials (√(0.1 × 0.9 / 1000) × 20 × 31 ≈ 6): 370 and 861.
        // The baseline bills by the token, so its cost band is the request band at the plan's $13.74 / 553 requests
        // = $0.02485 a request: 370 × 0.02485 = $9.19 (written $9.20 from unrounded figures) and 861 × 0.02485 = $21.39.
        #expect(drift.stdout.contains("2026-08           1       410      553    370–861   $7.06 billed        $13.74   $9.20–$21.39  outside"))
        #expect(drift.stderr.hasPrefix("support.json: drift: 2026-08: cost $7.06 (billed), outside the band $9.20–$21.39 (p10–p90 of 1,000 trials)\n"))
    }

    @Test func fitRefusesToGuessRequests() throws {
        let dir = try UsageCommandTests.workspace(["report.json": UsageCommandTests.fixtures.appendingPathComponent("anthropic-usage-report.json")])
        let fit = try CLI.run(["fit", "--usage", "u.sqlite", "--out", "fit.json"], in: dir)
        #expect(fit.status == 66)
        _ = try CLI.run(["usage", "import", "--format", "anthropic", "report.json", "--usage", "u.sqlite"], in: dir)
        let partial = try CLI.run(["fit", "--usage", "u.sqlite", "--out", "fit.json"], in: dir)
        #expect(partial.status == 65)
        #expect(partial.stderr == "breakeven: fit: no complete month of usage: a month counts only when an imported file covers all of it; the files cover 2026-01-01 00:00 UTC to 2026-01-02 00:00 UTC\n")
        let both = try CLI.run(["fit", "--usage", "u.sqlite"], in: dir)
        #expect(both.status == 64)
        #expect(both.stderr.contains("give exactly one of --out FILE and --into SCENARIO"))
    }
}
