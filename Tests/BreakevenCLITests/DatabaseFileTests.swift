import Foundation
import Testing

/// Catalogs and run histories on the command line: a bare file name works, reading never
/// creates or changes a file, and a file that is not ours is a sentence with 65 or 66.
@Suite("Catalog and history files")
struct DatabaseFileTests {
    /// A binary copied without its resource bundle says what is missing instead of stopping.
    @Test func aBinaryWithoutItsSeedSaysSo() throws {
        let dir = try CLI.workspace([:])
        let lonely = dir.appendingPathComponent("breakeven")
        try FileManager.default.copyItem(at: CLI.binary, to: lonely)
        let r = try CLI.run(lonely.path, ["catalog", "list", "gpus"], in: dir)
        #expect(r.status == 70)
        #expect(r.stderr == "breakeven: the built-in catalog cannot be read: the embedded catalog seed cannot be read: seed.json is missing: it ships in breakeven_BreakevenCatalog.resources beside the breakeven binary\n")
    }

    @Test func aHistoryNamedByABareFileName() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let r = try CLI.run(["run", "base.json", "--out", "out", "--history", "fresh.sqlite"], in: dir)
        #expect(r.status == 0)
        let listed = try CLI.run(["history", "--history", "fresh.sqlite"], in: dir)
        #expect(listed.status == 0)
        // The run's time is the clock's: only its shape is checked (UTC minutes, then the scenario).
        let first = try #require(listed.stdout.split(separator: "\n").dropFirst().first.map(String.init))
        #expect(first.hasPrefix("  1  20"))
        #expect(first.contains("  Diff fixture: support bot  gpt "))
        #expect(first.hasSuffix("  –"), "no --set values: \(first)")
    }

    @Test func everyScenarioOfARunIsRecordedWhateverItsName() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json", "head.json": "diff-head.json"])
        // An empty name is one validation accepts.
        let text = try String(contentsOf: dir.appendingPathComponent("base.json"), encoding: .utf8)
        try text.replacingOccurrences(of: #""name": "Diff fixture: support bot""#, with: #""name": """#)
            .write(to: dir.appendingPathComponent("base.json"), atomically: false, encoding: .utf8)
        #expect(text.contains(#""name": "Diff fixture: support bot""#))
        let r = try CLI.run(["run", "base.json", "head.json", "--out", "out", "--history", "h.sqlite"], in: dir)
        #expect(r.status == 1) // head's guardrail
        let listed = try CLI.run(["history", "--history", "h.sqlite"], in: dir)
        #expect(listed.stdout.split(separator: "\n").filter { $0.hasPrefix("  1  ") || $0.hasPrefix("  2  ") }.count == 5)
    }

    @Test func aHistoryThatCannotBeUsedStopsTheRunBeforeItsReports() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        try "plain text".write(to: dir.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["run", "base.json", "--out", "out", "--history", "notes.txt"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "breakeven: notes.txt is not a SQLite database, so not a breakeven run history\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        let folder = try CLI.run(["run", "base.json", "--out", "out", "--history", "notes.txt/h.sqlite"], in: dir)
        #expect(folder.status == 73)
        #expect(folder.stderr == "breakeven: cannot create the folder of the run history notes.txt/h.sqlite\n")
        let none = try CLI.run(["history", "--history", "none.sqlite"], in: dir)
        #expect(none.status == 66)
        #expect(none.stderr == "breakeven: none.sqlite: no such run history (a run records one)\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))
    }

    @Test func readingACatalogNeverMakesOne() throws {
        let dir = try CLI.workspace([:])
        #expect(FileManager.default.createFile(atPath: dir.appendingPathComponent("zero.sqlite").path, contents: Data()))
        let zero = try CLI.run(["catalog", "list", "gpus", "--catalog", "zero.sqlite"], in: dir)
        #expect(zero.status == 65)
        #expect(zero.stderr == "breakeven: zero.sqlite is not a breakeven catalog\n")
        #expect(try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("zero.sqlite").path)[.size] as? Int == 0)
        let missing = try CLI.run(["catalog", "list", "--catalog", "gone.sqlite"], in: dir)
        #expect(missing.status == 66)
        #expect(missing.stderr == "breakeven: gone.sqlite: no such catalog; create one with `breakeven catalog init gone.sqlite`\n")
    }

    @Test func aReadOnlyCatalogIsReadAndANewerOneRefused() throws {
        guard CLI.hasSQLite else { return }
        let dir = try CLI.workspace([:])
        #expect(try CLI.run(["catalog", "init", "c.sqlite"], in: dir).status == 0)
        let path = dir.appendingPathComponent("c.sqlite").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: path)
        let list = try CLI.run(["catalog", "list", "gpus", "--catalog", "c.sqlite"], in: dir)
        #expect(list.status == 0)
        #expect(list.stdout.contains("h100-sxm"))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(try CLI.run("/usr/bin/env", ["sqlite3", "c.sqlite", "INSERT INTO grdb_migrations VALUES ('v9: later')"], in: dir).status == 0)
        let newer = "breakeven: c.sqlite was made by a newer breakeven: its catalog has changes this version does not know, so it is left as it is\n"
        let read = try CLI.run(["catalog", "list", "gpus", "--catalog", "c.sqlite"], in: dir)
        #expect(read.status == 65)
        #expect(read.stderr == newer)
        try "{}".write(to: dir.appendingPathComponent("prices.json"), atomically: false, encoding: .utf8)
        let write = try CLI.run(["catalog", "import", "--format", "litellm", "prices.json", "--catalog", "c.sqlite"], in: dir)
        #expect(write.status == 65)
        #expect(write.stderr == newer)
    }

    /// A catalog GPU with 0 GB, as a tool with the checks off can leave it: every command that reads
    /// the catalog refuses it naming the file, the row and the column (65), where it used to blame
    /// the scenario's line; a 1e300 used to stop the run with 70.
    @Test func aCatalogValueOutOfItsRangeNamesTheFile() throws {
        let dir = try CLI.workspace([:])
        #expect(try CLI.run(["catalog", "init", "c.sqlite"], in: dir).status == 0)
        #expect(try DatabaseMutator.apply("UPDATE gpu SET memory_gb = 0 WHERE id = 'h100-sxm'", to: dir.appendingPathComponent("c.sqlite").path))
        let scenario = CLI.packageRoot.appendingPathComponent("scenarios/team-coding-assistant.json").path
        for arguments in [["catalog", "list", "gpus"], ["run", scenario, "--no-history", "--out", "out"], ["capacity", "size", scenario]] {
            let r = try CLI.run(arguments + ["--catalog", "c.sqlite"], in: dir)
            #expect(r.status == 65)
            #expect(r.stderr == "breakeven: c.sqlite: gpu h100-sxm: memory_gb: expected a number from 0.1 to 100000, found 0.0\n")
        }
        #expect(try DatabaseMutator.apply("UPDATE gpu SET memory_gb = 80, bf16_tflops = 1e300 WHERE id = 'h100-sxm'",
                                          to: dir.appendingPathComponent("c.sqlite").path))
        let huge = try CLI.run(["run", scenario, "--no-history", "--out", "out", "--catalog", "c.sqlite"], in: dir)
        #expect(huge.status == 65)
        #expect(huge.stderr == "breakeven: c.sqlite: gpu h100-sxm: bf16_tflops: expected a number from 0.001 to 1000000, found 1e+300\n")
    }

    /// A history whose last run number has no next one (a hand edit): the run writes its reports,
    /// then stops with 65 naming the file and the row, where it used to trap on the +1.
    @Test func aDamagedHistoryRowStopsTheRecordWithBadData() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        #expect(try CLI.run(["run", "base.json", "--out", "out", "--history", "h.sqlite"], in: dir).status == 0)
        #expect(try DatabaseMutator.apply("UPDATE run SET scenario_run = 9223372036854775807", to: dir.appendingPathComponent("h.sqlite").path))
        let r = try CLI.run(["run", "base.json", "--out", "out", "--history", "h.sqlite"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == """
            breakeven: the reports are written, but the run of "Diff fixture: support bot" could not be recorded in h.sqlite: \
            run of Diff fixture: support bot: scenario_run: expected a run number below 9223372036854775807, found 9223372036854775807

            """)
    }

    /// A benchmark whose figures fit to an inf residual (a count past any real run) is refused before
    /// it is stored: the catalog reads a calibration back by the same rule, and would refuse itself.
    @Test func aCalibrationTheCatalogCouldNotReadBackIsNotStored() throws {
        let dir = try CLI.workspace([:])
        #expect(try CLI.run(["catalog", "init", "c.sqlite"], in: dir).status == 0)
        let fixture = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCLITests/Calibration/vllm-benchmark-serving.json")
        let text = try String(contentsOf: fixture, encoding: .utf8)
        #expect(text.contains(#""completed": 1000"#))
        try text.replacingOccurrences(of: #""completed": 1000"#, with: #""completed": 9223372036854775807"#)
            .write(to: dir.appendingPathComponent("run.json"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["capacity", "calibrate", "--format", "vllm", "--gpu", "h100-sxm", "--model", "llama-3.1-8b",
                             "--catalog", "c.sqlite", "run.json"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "run.json: error: the measurements cannot be fitted: residual: expected a finite number ≥ 0, found inf\n")
        #expect(try CLI.run(["catalog", "list", "gpus", "--catalog", "c.sqlite"], in: dir).status == 0)
    }

    /// An error no command expects (here a trigger someone added to their catalog) is ours to
    /// fix: status 70 and a request to report it, never 1, which says a guardrail failed.
    @Test func anUnexpectedErrorIsASoftwareFaultNotAGuardrail() throws {
        let dir = try CLI.workspace([:])
        #expect(try CLI.run(["catalog", "init", "c.sqlite"], in: dir).status == 0)
        let trigger = "CREATE TRIGGER refuse BEFORE INSERT ON model_price BEGIN SELECT RAISE(ABORT, 'no new prices'); END"
        #expect(try CLI.run("/usr/bin/env", ["sqlite3", "c.sqlite", trigger], in: dir).status == 0)
        try #"{"m": {"litellm_provider": "openai", "mode": "chat", "input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6}}"#
            .write(to: dir.appendingPathComponent("prices.json"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["catalog", "import", "--format", "litellm", "prices.json", "--catalog", "c.sqlite"], in: dir)
        #expect(r.status == 70)
        #expect(r.stderr.hasPrefix("breakeven: unexpected error (please report it): SQLite error 19: no new prices"), "\(r.stderr)")
    }
}
