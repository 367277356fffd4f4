import Foundation
import Testing

/// A run's files are written all or none, never through a folder or over a device, and never
/// twice under one name.
@Suite("Output files")
struct OutputFilesTests {
    static func contents(_ dir: URL, _ name: String) -> String? {
        try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    static func names(_ dir: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).sorted()
    }

    @Test func anUnknownFormatNamesEveryFormat() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let r = try CLI.run(["run", "base.json", "--out", "out", "--format", "markdown,pdf", "--no-history"], in: dir)
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("Error: unknown format \"pdf\"; expected a comma-separated list of markdown, csv, json, html\n"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func aFailedWriteLeavesThePreviousSetWhole() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        #expect(try CLI.run(["run", "base.json", "--out", "out", "--format", "markdown,csv"], in: dir).status == 0)
        let out = dir.appendingPathComponent("out")
        let before = Self.contents(out, "base.md")
        // /dev/full takes no byte (ENOSPC): the summary fails after the other files went to temporaries.
        try FileManager.default.removeItem(at: out.appendingPathComponent("base.summary.csv"))
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("base.summary.csv").path, withDestinationPath: "/dev/full")
        let r = try CLI.run(["run", "base.json", "--out", "out", "--format", "markdown,csv", "--set", "months=24"], in: dir)
        #expect(r.status == 73)
        #expect(r.stderr == "breakeven: cannot write out/base.summary.csv: the disk is full\n")
        // The 12-month report stays: no 24-month Markdown beside the 12-month CSVs, no temporaries.
        #expect(Self.contents(out, "base.md") == before)
        #expect(Self.names(out) == ["base.cumulative.svg", "base.md", "base.monthly.csv", "base.monthly.svg", "base.summary.csv", "base.tornado.svg"])
    }

    @Test func temporariesOfAKilledRunAreRemovedByTheNext() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        // A process that has ended, and this one, which is alive: only the first's temporary is abandoned.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        ended.arguments = ["true"]
        try ended.run()
        ended.waitUntilExit()
        let abandoned = ".breakeven-partial-\(ended.processIdentifier)-a1b2c3"
        let live = ".breakeven-partial-\(ProcessInfo.processInfo.processIdentifier)-d4e5f6"
        for name in [abandoned, live] { try "partial".write(to: out.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        #expect(try CLI.run(["run", "base.json", "--out", "out", "--format", "csv"], in: dir).status == 0)
        #expect(Self.names(out) == [live, "base.monthly.csv", "base.summary.csv"])
    }

    @Test func aSymlinkIsWrittenThroughAndAPipeWrittenTo() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("base.summary.csv").path, withDestinationPath: "kept.csv")
        #expect(try CLI.run(["run", "base.json", "--out", "out", "--format", "csv"], in: dir).status == 0)
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: out.appendingPathComponent("base.summary.csv").path)
        #expect(link == "kept.csv")
        #expect(Self.contents(out, "kept.csv")?.hasPrefix("option,label,type,") == true)
        // Standard output is a pipe here: the comment goes into it, and /dev/stdout stays a device.
        let r = try CLI.run(["diff", "base.json", "base.json", "--out", "/dev/stdout"], in: dir)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("<!-- breakeven-diff: base -->\n"))
        // Standard output redirected to a file in append mode: appended to, not truncated.
        try "earlier line\n".write(to: dir.appendingPathComponent("log.md"), atomically: false, encoding: .utf8)
        let appended = try CLI.run("/bin/bash", ["-c", "\"$0\" diff base.json base.json --format json --out /dev/stdout >> log.md", CLI.binary.path], in: dir)
        #expect(appended.status == 0)
        let log = try String(contentsOf: dir.appendingPathComponent("log.md"), encoding: .utf8)
        #expect(log.hasPrefix("earlier line\n{\n  \"base\" : {"))
    }

    @Test func aFileInThePlaceOfTheFolderIsASentence() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        try "not a folder".write(to: dir.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["run", "base.json", "--out", "notes.txt/reports"], in: dir)
        #expect(r.status == 73)
        #expect(r.stderr == "breakeven: cannot write notes.txt/reports/base.md: notes.txt is a file, not a folder\n")
        let folder = try CLI.run(["run", "base.json", "--out", "out", "--format", "csv"], in: dir)
        #expect(folder.status == 0)
        try FileManager.default.removeItem(at: dir.appendingPathComponent("out/base.summary.csv"))
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("out/base.summary.csv"), withIntermediateDirectories: false)
        let r2 = try CLI.run(["run", "base.json", "--out", "out", "--format", "csv"], in: dir)
        #expect(r2.status == 73)
        #expect(r2.stderr == "breakeven: cannot write out/base.summary.csv: it is a folder\n")
    }

    @Test func namesThatWouldCollideOrEscapeAreRefusedBeforeAnythingIsRead() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json", "sub/base.json": "diff-head.json", ".json": "diff-base.json"])
        let twice = try CLI.run(["run", "base.json", "sub/base.json", "--out", "out"], in: dir)
        #expect(twice.status == 64)
        #expect(twice.stderr == #"breakeven: base.json and sub/base.json would both write the reports named "base"; rename one or run them with different --out folders"# + "\n")
        let same = try CLI.run(["run", "base.json", "base.json", "--out", "out"], in: dir)
        #expect(same.status == 64)
        #expect(same.stderr == "breakeven: base.json is given twice\n")
        let unnamed = try CLI.run(["run", ".json", "--out", "out"], in: dir)
        #expect(unnamed.status == 64)
        #expect(unnamed.stderr == "breakeven: .json: a scenario file needs a name before .json (its reports are named after it)\n")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
        // --trials-csv onto a report of the same run.
        let risk = try CLI.workspace(["risk.json": "team-chat-risk.json"])
        let clash = try CLI.run(["run", "risk.json", "--out", "out", "--format", "csv", "--trials-csv", "out/../out/risk.monthly.csv"], in: risk)
        #expect(clash.status == 64)
        #expect(clash.stderr == "breakeven: out/risk.monthly.csv would be written twice in one run (as out/../out/risk.monthly.csv)\n")
        #expect(!FileManager.default.fileExists(atPath: risk.appendingPathComponent("out").path))
    }

    @Test func theSchemaBesideTheScenariosIsSkipped() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let schema = try CLI.run(["schema"], in: dir)
        try schema.stdout.write(to: dir.appendingPathComponent("scenario.schema.json"), atomically: false, encoding: .utf8)
        let r = try CLI.run(["run", "base.json", "scenario.schema.json", "--out", "out", "--format", "csv"], in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "breakeven: scenario.schema.json: a JSON Schema, not a scenario; skipped\n")
        let alone = try CLI.run(["validate", "scenario.schema.json"], in: dir)
        #expect(alone.status == 65)
        #expect(alone.stderr == "breakeven: scenario.schema.json: a JSON Schema, not a scenario; skipped\nbreakeven: none of the files given is a scenario\n")
    }

    @Test func aNameTooLongIsRefusedBeforeAnyFileIsWritten() throws {
        // 245 characters + ".cumulative.svg" is over the 255 bytes a file name may have; ".md" is not.
        let name = String(repeating: "n", count: 245)
        let dir = try CLI.workspace(["\(name).json": "diff-base.json"])
        let r = try CLI.run(["run", "\(name).json", "--out", "out"], in: dir)
        #expect(r.status == 73)
        #expect(r.stderr == "breakeven: cannot write out/\(name).cumulative.svg: the file name is too long\n")
        #expect(Self.names(dir.appendingPathComponent("out")) == [])
    }
}
