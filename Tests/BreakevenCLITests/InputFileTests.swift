import Foundation
import Testing

/// Scenario and result files come from disk, standard input, a pipe or `<(...)`, and none over 16 MiB.
@Suite("Input files")
struct InputFileTests {
    @Test func aScenarioFromStandardInputOrAProcessSubstitution() throws {
        let dir = try CLI.workspace(["base.json": "diff-base.json"])
        let stdin = try CLI.run("/bin/bash", ["-c", "\"$0\" validate /dev/stdin < base.json", CLI.binary.path], in: dir)
        #expect(stdin.status == 0)
        #expect(stdin.stdout == "/dev/stdin: ok (2 options, 12 months)\n")
        let pipe = try CLI.run("/bin/bash", ["-c", "cat base.json | \"$0\" run /dev/stdin --out out --format json --no-history", CLI.binary.path], in: dir)
        #expect(pipe.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/stdin.json").path))
        let substitution = try CLI.run("/bin/bash", ["-c", "\"$0\" diff base.json <(cat base.json) --format json", CLI.binary.path], in: dir)
        #expect(substitution.status == 0)
        #expect(substitution.stdout.contains(#""diff_version" : 1"#))
    }

    @Test func filesOver16MiBAreRefusedUpFront() throws {
        let dir = try CLI.workspace([:])
        // 17 MiB of spaces: valid JSON white space around nothing, refused before it is parsed.
        let big = dir.appendingPathComponent("big.json")
        try Data(repeating: 0x20, count: 17 << 20).write(to: big)
        let r = try CLI.run(["validate", "big.json"], in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "breakeven: big.json: 17.0 MiB is more than the 16 MiB a scenario or result file may have\n")
        // Through a pipe the size is unknown until the limit is passed.
        let piped = try CLI.run("/bin/bash", ["-c", "\"$0\" validate /dev/stdin < <(cat big.json)", CLI.binary.path], in: dir)
        #expect(piped.status == 65)
        #expect(piped.stderr == "breakeven: /dev/stdin: more than the 16 MiB a scenario or result file may have\n")
        let diff = try CLI.run(["diff", "big.json", "big.json"], in: dir)
        #expect(diff.status == 65)
        #expect(diff.stderr == "breakeven: big.json: 17.0 MiB is more than the 16 MiB a scenario or result file may have\n")
    }

    @Test func aFolderIsNotAScenario() throws {
        let dir = try CLI.workspace([:])
        let r = try CLI.run(["validate", "."], in: dir)
        #expect(r.status == 66)
        #expect(r.stderr == "breakeven: .: is a folder, not a file\n")
    }
}
