import Foundation
import Testing

/// `capacity calibrate` of a GuideLLM report through the binary: one file, a point per load level,
/// stored in the catalog; a load level where no request succeeded is left out with a located note.
@Suite("capacity calibrate")
struct CalibrateCommandTests {
    static let sweep = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCLITests/Calibration/guidellm-sweep.json")

    static func calibrate(_ file: String, in dir: URL) throws -> CLI.Output {
        #expect(try CLI.run(["catalog", "init", "c.sqlite"], in: dir).status == 0)
        return try CLI.run(["capacity", "calibrate", "--format", "guidellm", "--gpu", "h100-sxm", "--model", "llama-3.1-8b",
                            "--catalog", "c.sqlite", file], in: dir)
    }

    /// The concurrency column of the report's table.
    static func concurrencies(_ stdout: String) -> [String] {
        stdout.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).prefix { !$0.isEmpty }.map { String($0.split(separator: " ")[2]) }
    }

    @Test func aGuideLLMSweepIsStoredWithAPointPerLoadLevel() throws {
        let dir = try CLI.workspace([:])
        let r = try Self.calibrate(Self.sweep.path, in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "")
        #expect(r.stdout.hasPrefix("h100-sxm × llama-3.1-8b × vllm, bf16 weights, 1 device(s): 4 points\n"))
        // Synchronous is 1 stream; throughput and the two constant rates the mean in flight, rounded.
        #expect(Self.concurrencies(r.stdout) == ["1", "454", "61", "295"])
        #expect(r.stdout.hasSuffix("Stored as calibration \"h100-sxm-llama-3.1-8b-vllm\" in c.sqlite; scenarios on h100-sxm with llama-3.1-8b and vllm use it.\n"))
        let stored = try CLI.run("/usr/bin/env", ["sqlite3", "c.sqlite", "SELECT format, json_array_length(points) FROM calibration"], in: dir)
        #expect(stored.stdout == "guidellm|4\n")
    }

    @Test func aLoadLevelWhereNoRequestSucceededIsLeftOutWithANote() throws {
        // The sweep's last load level (constant at 38.28 requests/s) with every request errored.
        let dir = try CLI.workspace([:])
        let text = try String(contentsOf: Self.sweep, encoding: .utf8)
        let last = #""request_totals": {"successful": 2256, "errored": 0,"#
        #expect(text.components(separatedBy: last).count == 2)
        try text.replacingOccurrences(of: last, with: #""request_totals": {"successful": 0, "errored": 2256,"#)
            .write(to: dir.appendingPathComponent("run.json"), atomically: false, encoding: .utf8)
        let r = try Self.calibrate("run.json", in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "run.json:347:42: note: $.benchmarks[3].metrics.request_totals.successful: no request succeeded at this load (constant): left out of the fit\n")
        #expect(Self.concurrencies(r.stdout) == ["1", "454", "61"])
    }
}
