import Foundation
import Testing

/// The options several commands share (`--threads`, `--set`, `--out`, `--model`,
/// `--tokens-per-request`) are declared once: they read, check and word alike in every command
/// that takes them.
@Suite struct SharedOptionsTests {
    @Test func threadsBelowOneAreRefusedAlikeBeforeAnythingIsRead() throws {
        let dir = try CLI.workspace([:])
        // No scenario exists: the command line is refused first, with status 64 (bad command line).
        for command in [["run", "none.json"], ["sweep", "none.json", "--x", "months=1..2"],
                        ["export", "prices", "none.json", "--format", "focus"], ["drift", "none.json"]] {
            let r = try CLI.run(command + ["--threads", "0"], in: dir)
            #expect(r.status == 64, "\(command)")
            #expect(r.stderr.split(separator: "\n").first == "Error: --threads 0: expected at least 1", "\(command): \(r.stderr)")
        }
    }

    @Test func everyCommandWithSetOffersTheSameHelp() throws {
        let line = "Change a value by path before the scenario is checked, e.g. options.self.gpu_hourly=1.9; VALUE is JSON, null removes the key."
        for command in [["run"], ["validate"], ["sweep"], ["capacity", "size"], ["export", "prices"]] {
            let r = try CLI.run(command + ["--help"])
            #expect(r.status == 0)
            // The help wraps at 80 columns: compared with white space folded.
            let folded = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(folded.contains("--set <PATH=VALUE> " + line), "\(command)")
        }
    }

    @Test func fitAndDriftRefuseTheSameTokensPerRequest() throws {
        let dir = try CLI.workspace([:])
        for command in [["fit", "--out", "w.json"], ["drift", "none.json"]] {
            let r = try CLI.run(command + ["--tokens-per-request=0"], in: dir)
            #expect(r.status == 64, "\(command)")
            #expect(r.stderr.split(separator: "\n").first == "Error: --tokens-per-request: expected a number > 0 and ≤ 1e8, found 0.0",
                    "\(command): \(r.stderr)")
        }
    }
}
