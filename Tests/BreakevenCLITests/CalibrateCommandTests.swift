import Foundation
import Testing

/// `capacity calibrate` through the binary: a GuideLLM report, one file with a point per load level,
/// stored in the catalog, a load level where no request succeeded left out with a located note; a
/// vLLM deployment's Prometheus metrics, a point per load level it held, used by a scenario.
@Suite("capacity calibrate")
struct CalibrateCommandTests {
    static let sweep = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCLITests/Calibration/guidellm-sweep.json")

    static let calibration = CLI.packageRoot.appendingPathComponent("Tests/BreakevenCLITests/Calibration")

    static func calibrate(_ file: String, format: String = "guidellm", _ options: [String] = [], in dir: URL) throws -> CLI.Output {
        #expect(try CLI.run(["catalog", "init", "c.sqlite"], in: dir).status == 0)
        return try CLI.run(["capacity", "calibrate", "--format", format, "--gpu", "h100-sxm", "--model", "llama-3.1-8b",
                            "--catalog", "c.sqlite"] + options + [file], in: dir)
    }

    static func stored(in dir: URL) throws -> String {
        try CLI.run("/usr/bin/env", ["sqlite3", "c.sqlite", "SELECT format, json_array_length(points) FROM calibration"], in: dir).stdout
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
        #expect(try Self.stored(in: dir) == "guidellm|4\n")
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

    @Test func aVLLMDeploymentsPrometheusMetricsGiveAPointPerLevelItHeld() throws {
        let dir = try CLI.workspace([:])
        try FileManager.default.copyItem(at: Self.calibration.appendingPathComponent("prometheus-vllm-range.json"), to: dir.appendingPathComponent("range.json"))
        let r = try Self.calibrate("range.json", format: "prometheus", in: dir)
        #expect(r.status == 0)
        // Two servers, each a replica: 8 and 16 requests running held; what was left out, located.
        #expect(Self.concurrencies(r.stdout) == ["8", "16"])
        #expect(r.stderr == """
            range.json:69:11: note: $.data.result[3].values[4]: 1 window with a sample missing: left out of the fit, the first at this sample
            range.json:86:11: note: $.data.result[4].values[3]: 1 window across a counter reset: left out of the fit, the first at this sample
            range.json:47:11: note: $.data.result[2].values[1]: 1 window with no request finished: left out of the fit, the first at this sample
            range.json:48:11: note: $.data.result[2].values[2]: 1 window with under 1 request running: left out of the fit, the first at this sample
            range.json:56:11: note: $.data.result[2].values[10]: 12 requests running held 1 window (60 s), under the 5 windows and 300 s a load level needs: left out of the fit

            """)
        #expect(try Self.stored(in: dir) == "prometheus|2\n")
        // Two decode-heavy levels fix bandwidth and overhead; the compute utilization no point moves stays at its default.
        #expect(r.stdout.contains("""
            fitted: memory bandwidth utilization 0.515, compute utilization 0.500, step overhead 0.00 ms
            residual (RMS of ln predicted/measured): 1.6% with the defaults, 1.4% after
            these points fix 2 of the 3 figures; no point moves with the compute utilization: where they leave a choice, \
            the fit stays nearest the published defaults (points at other batch sizes and prompt lengths, and a prefill, fit the rest)

            """))
        // A scenario on the same GPU, model and engine sizes its replicas with it.
        let scenario = """
            { "version": 1, "name": "t", "start": "2026-12", "months": 2,
              "workload": { "requests_per_month": 1000000, "input_tokens_per_request": 1200, "output_tokens_per_request": 300 },
              "options": [{ "id": "api", "type": "api", "prices": { "input_per_mtok": 1, "output_per_mtok": 4 } },
                          { "id": "self", "type": "self_hosted", "gpu": "h100-sxm", "gpu_hourly": 2, "model": "llama-3.1-8b", "throughput": "derived" }],
              "baseline": "api" }
            """
        try scenario.write(to: dir.appendingPathComponent("s.json"), atomically: false, encoding: .utf8)
        #expect(try CLI.run(["run", "s.json", "--catalog", "c.sqlite", "--out", "out", "--format", "markdown"], in: dir).status == 0)
        let report = try String(contentsOf: dir.appendingPathComponent("out/s.md"), encoding: .utf8)
        #expect(report.contains("**self** uses calibration h100-sxm-llama-3.1-8b-vllm (2 points from prometheus results 7d8612aa273b"))
    }

    @Test func sglangRunsAreStoredAPointEachForSGLangARunWithoutARequestNoted() throws {
        // The fixture's three runs and a fourth where no request completed (an older bench_serving wrote such a line).
        let dir = try CLI.workspace([:])
        let runs = try String(contentsOf: Self.calibration.appendingPathComponent("sglang-bench-serving.jsonl"), encoding: .utf8)
        let failed = #"{"backend": "sglang", "request_rate": Infinity, "max_concurrency": 64, "duration": 3.1, "completed": 0, "output_throughput": 0.0}"#
        try (runs + failed + "\n").write(to: dir.appendingPathComponent("runs.jsonl"), atomically: false, encoding: .utf8)
        let r = try Self.calibrate("runs.jsonl", format: "sglang", in: dir)
        #expect(r.status == 0)
        #expect(r.stderr == "runs.jsonl:4:102: note: $.completed: no request completed in this run: left out of the fit\n")
        // --max-concurrency 1 and 16 held; the rate run's 22.47 in flight on average, rounded.
        #expect(r.stdout.hasPrefix("h100-sxm × llama-3.1-8b × sglang, bf16 weights, 1 device(s): 3 points\n"))
        #expect(Self.concurrencies(r.stdout) == ["1", "16", "22"])
        #expect(try Self.stored(in: dir) == "sglang|3\n")
    }

    @Test func anLLMPerfSummaryIsStoredAndOneWhereEveryRequestFailedIsRefused() throws {
        let name = "meta-llama-Llama-3-1-8B-Instruct_1024_256_summary.json"
        let dir = try CLI.workspace([:])
        let r = try Self.calibrate(Self.calibration.appendingPathComponent(name).path, format: "llmperf", in: dir)
        #expect(r.status == 0)
        #expect(Self.concurrencies(r.stdout) == ["32"])
        #expect(try Self.stored(in: dir) == "llmperf|1\n")
        // Every request errored: pandas' means of none are NaN, json.dump writes them bare.
        let text = try String(contentsOf: Self.calibration.appendingPathComponent(name), encoding: .utf8)
            .replacingOccurrences(of: #""results_number_input_tokens_mean": 1024.0"#, with: #""results_number_input_tokens_mean": NaN"#)
            .replacingOccurrences(of: #""results_number_errors": 0"#, with: #""results_number_errors": 320"#)
            .replacingOccurrences(of: #""results_num_completed_requests": 320"#, with: #""results_num_completed_requests": 0"#)
        let failed = try CLI.workspace([:])
        try text.write(to: failed.appendingPathComponent("s.json"), atomically: false, encoding: .utf8)
        let refused = try Self.calibrate("s.json", format: "llmperf", in: failed)
        #expect(refused.status == 65)
        #expect(refused.stderr == "s.json:75:39: error: $.results_num_completed_requests: expected a run with a completed request, found none, 320 with an error: nothing to fit\n")
        #expect(try Self.stored(in: failed) == "")
    }

    @Test func aQueryPrometheusRefusedIsRefusedAndNothingIsStored() throws {
        let dir = try CLI.workspace([:])
        try FileManager.default.copyItem(at: Self.calibration.appendingPathComponent("prometheus-error.json"), to: dir.appendingPathComponent("range.json"))
        let r = try Self.calibrate("range.json", format: "prometheus", in: dir)
        #expect(r.status == 65)
        #expect(r.stderr == "range.json:1:11: error: $.status: Prometheus refused the query (bad_data): exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)\n")
        #expect(try Self.stored(in: dir) == "")
        // --model-name chooses among the models of Prometheus metrics, and of nothing else.
        let wrong = try Self.calibrate(Self.sweep.path, ["--model-name", "meta-llama/Llama-3.1-8B-Instruct"], in: try CLI.workspace([:]))
        #expect(wrong.status == 64)
        #expect(wrong.stderr == "breakeven: --model-name reads Prometheus metrics: give it with --format prometheus\n")
    }
}
