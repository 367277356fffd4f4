import Foundation
import Testing
@testable import BreakevenCatalog
@testable import BreakevenCore

/// Five of the benchmark result formats `capacity calibrate` reads (Prometheus ranges have
/// `PrometheusCalibrationTests`): the committed fixtures (written from each tool's documented
/// output, see `BenchmarkFormat`) and every malformed file refused with its line, column, JSON path
/// and what was expected.
@Suite("Benchmark result files")
struct BenchmarkFileTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("BreakevenCLITests/Calibration")

    static func points(_ name: String, _ format: BenchmarkFormat) throws -> [CalibrationMeasurement] {
        try BenchmarkFile.points(try Data(contentsOf: fixtures.appendingPathComponent(name)), format: format, file: name)
    }

    static func error(_ text: String, _ format: BenchmarkFormat) -> String {
        do {
            let points = try BenchmarkFile.points(Data(text.utf8), format: format, file: "r.json")
            return "no error: \(points)"
        } catch {
            return error.description
        }
    }

    @Test func theFixturesReadAsTheirToolsMeanThem() throws {
        // vLLM: 1,024,000 prompt and 256,000 output tokens over 1,000 completed requests = 1,024 / 256 each.
        let served = CalibrationMeasurement(inputTokens: 1024, outputTokens: 256, concurrency: 64, metric: .servingOutput, measured: 4168)
        #expect(try Self.points("vllm-benchmark-serving.json", .vllm) == [served])
        #expect(try Self.points("aiperf-profile-export.json", .aiperf) == [served])
        #expect(try Self.points("genai-perf-profile-export.json", .genaiPerf) == [served])
        // llama-bench tg32 at depth 0 and 32,768: decode after the depth's prompt.
        #expect(try Self.points("llama-bench-dgx-spark.json", .llamaBench) == [
            CalibrationMeasurement(inputTokens: 0, outputTokens: 32, concurrency: 1, metric: .decode, measured: 59.02),
            CalibrationMeasurement(inputTokens: 32768, outputTokens: 32, concurrency: 1, metric: .decode, measured: 41.35)])
    }

    @Test func vllmResultsThatAreNotWhatTheySeem() {
        #expect(Self.error("{\"completed\": 10,", .vllm)
                == "r.json:1:18: error: $: not JSON: expected a key in double quotes, found the end of the file")
        #expect(Self.error("{\"completed\": \"1000\"}", .vllm) == #"r.json:1:15: error: $.completed: expected a number, found "1000""#)
        #expect(Self.error("{\"completed\": 0}", .vllm) == "r.json:1:15: error: $.completed: expected a whole number of completed requests, at least 1, found 0")
        // 5e-324 requests (found by the import fuzz test) made the averages infinite, and storing the calibration failed (exit 73).
        #expect(Self.error("{\"completed\": 5e-324}", .vllm) == "r.json:1:15: error: $.completed: expected a whole number of completed requests, at least 1, found 5e-324")
        #expect(Self.error("{\"completed\": 4, \"total_input_tokens\": -400}", .vllm)
                == "r.json:1:40: error: $.total_input_tokens: expected a number of tokens from 0 to 1e12, found -400")
        #expect(Self.error("{\"completed\": 4, \"total_input_tokens\": 400, \"total_output_tokens\": 40, \"max_concurrency\": null, \"num_prompts\": 2.5}", .vllm)
                == "r.json:1:112: error: $.num_prompts: expected a whole number from 1 to 1,000,000, found 2.5")
        #expect(Self.error("{\"completed\": 4, \"max_concurrency\": 8, \"total_input_tokens\": 400, \"total_output_tokens\": 40}", .vllm)
                == "r.json:1:1: error: $.output_throughput: missing; expected a number")
        #expect(Self.error("[1]", .vllm) == "r.json:1:1: error: $: expected an object, found an array")
    }

    static let metrics = #""input_sequence_length": {"avg": 512}, "output_sequence_length": {"avg": 128}, "output_token_throughput": {"avg": 900}"#

    @Test func aiperfAndGenAIPerfExportsThatAreNotWhatTheySeem() {
        #expect(Self.error("{\"input_config\": {\"concurrency\": 8}}", .aiperf)
                == "r.json:1:18: error: $.input_config.loadgen: missing; expected an object")
        #expect(Self.error("{\"input_config\": {\"loadgen\": {\"concurrency\": 0}}, \(Self.metrics)}", .aiperf)
                == "r.json:1:46: error: $.input_config.loadgen.concurrency: expected a whole number from 1 to 1,000,000, found 0")
        #expect(Self.error("{\"input_config\": {\"concurrency\": 8}, \"input_sequence_length\": 512}", .genaiPerf)
                == "r.json:1:63: error: $.input_sequence_length: expected an object, found 512")
        #expect(Self.error("{\"input_config\": {\"concurrency\": 8}, \"input_sequence_length\": {\"avg\": -1}}", .genaiPerf)
                == "r.json:1:71: error: $.input_sequence_length.avg: expected a number above 0, found -1")
        #expect(Self.error("{\"input_config\": {}}", .genaiPerf)
                == "r.json:1:18: error: $.input_config.perf_analyzer: missing; expected an object")
    }

    @Test func llamaBenchOutputThatIsNotWhatItSeems() {
        #expect(Self.error("{\"n_prompt\": 512}", .llamaBench) == "r.json:1:1: error: $: expected the array of tests `llama-bench -o json` writes, found an object")
        #expect(Self.error("[]", .llamaBench) == "r.json:1:1: error: $: expected the array of tests `llama-bench -o json` writes, found an empty array")
        #expect(Self.error("[{\"n_prompt\": 0, \"n_gen\": 0, \"avg_ts\": 10}]", .llamaBench)
                == "r.json:1:2: error: $[0]: expected n_prompt or n_gen above 0, found both 0")
        #expect(Self.error("[{\"n_prompt\": 512, \"n_gen\": 0, \"avg_ts\": true}]", .llamaBench)
                == "r.json:1:42: error: $[0].avg_ts: expected a number, found true")
        #expect(Self.error("[{\"n_prompt\": 512, \"avg_ts\": 3000}]", .llamaBench) == "r.json:1:2: error: $[0].n_gen: missing; expected a number")
        #expect(Self.error("[{\"n_prompt\": 0, \"n_gen\": 32, \"n_depth\": -4096, \"avg_ts\": 50}]", .llamaBench)
                == "r.json:1:42: error: $[0].n_depth: expected a number of tokens from 0 to 1e12, found -4096")
    }

    @Test func aGuideLLMSweepGivesAPointPerLoadLevel() throws {
        // GuideLLM 0.7 (config.strategy), Llama 3.1 8B on one H100, 512 prompt and 256 output tokens,
        // a sweep of 4 over 60 s each. Synchronous: 1 stream, 33 requests × 256 tokens ÷ 60 s = 140.8
        // tokens/s (= 0.9966 in flight × 256 ÷ 1.812 s). The others hold a rate, not a concurrency:
        // the mean in flight rounded, the throughput scaled by rounded ÷ mean. Throughput: 454.1169 →
        // 454, 9,800.5333 × 454 ÷ 454.1169 = 9,798.01; constant at 19.42 requests/s: 61.3816 → 61,
        // 4,966.4 × 61 ÷ 61.3816 = 4,935.52; constant at 38.28: 295.16 → 295, 9,625.6 × 295 ÷ 295.16 = 9,620.38.
        let points = try Self.points("guidellm-sweep.json", .guidellm)
        let expected: [(concurrency: Int, measured: Double)] = [(1, 140.8), (454, 9798.01), (61, 4935.52), (295, 9620.38)]
        #expect(points.count == expected.count)
        for (point, (concurrency, measured)) in zip(points, expected) {
            #expect(point.inputTokens == 512.4 && point.outputTokens == 256 && point.metric == .servingOutput)
            #expect(point.concurrency == concurrency)
            #expect(abs(point.measured - measured) < 0.01, "\(point.measured) against \(measured)")
        }
        // GuideLLM 0.3 (args.strategy, request_totals beside metrics): concurrent 1, 8 and 32 streams, the
        // configured streams and the throughput as measured: 32, 221 and 672 requests × 128 tokens ÷ 30 s.
        #expect(try Self.points("guidellm-concurrent-v0.3.json", .guidellm) == [
            CalibrationMeasurement(inputTokens: 1024.9, outputTokens: 128, concurrency: 1, metric: .servingOutput, measured: 136.5333),
            CalibrationMeasurement(inputTokens: 1024.9, outputTokens: 128, concurrency: 8, metric: .servingOutput, measured: 942.9333),
            CalibrationMeasurement(inputTokens: 1024.9, outputTokens: 128, concurrency: 32, metric: .servingOutput, measured: 2867.2)])
    }

    /// A GuideLLM benchmark of `strategy` (0.4 and later) whose successful requests numbered `successful`.
    static func guidellm(_ strategy: String, successful: String = "10", perSecond: String = "900", inFlight: String = "8") -> String {
        #"{"config": {"strategy": {"type_": \#(strategy)}}, "metrics": {"request_totals": {"successful": \#(successful)}, "#
            + #""request_concurrency": {"successful": {"mean": \#(inFlight)}}, "prompt_token_count": {"successful": {"mean": 512}}, "#
            + #""output_token_count": {"successful": {"mean": 128}}, "output_tokens_per_second": {"successful": {"mean": \#(perSecond)}}}}"#
    }

    @Test func aRateBelowOneRequestInFlightIsOneStreamAtEachRequestsOwnRate() throws {
        // Constant at 0.25 requests/s of 1.6 s: 0.4 in flight, 80 tokens/s. By Little's law each request
        // runs at 80 ÷ 0.4 = 200 tokens/s (128 tokens in 0.64 s of its own), which one stream held would give.
        let report = #"{"benchmarks": [\#(Self.guidellm(#""constant", "rate": 0.25"#, perSecond: "80", inFlight: "0.4"))]}"#
        #expect(try BenchmarkFile.points(Data(report.utf8), format: .guidellm, file: "r.json")
                == [CalibrationMeasurement(inputTokens: 512, outputTokens: 128, concurrency: 1, metric: .servingOutput, measured: 200)])
    }

    @Test func aGuideLLMLoadLevelWithoutASuccessfulRequestIsLeftOutWithANote() throws {
        let report = #"{"benchmarks": [\#(Self.guidellm(#""concurrent", "streams": 8"#)), \#(Self.guidellm(#""throughput""#, successful: "0"))]}"#
        let reading = try BenchmarkFile.read(Data(report.utf8), format: .guidellm, file: "r.json")
        #expect(reading.points == [CalibrationMeasurement(inputTokens: 512, outputTokens: 128, concurrency: 8, metric: .servingOutput, measured: 900)])
        #expect(reading.notes == ["r.json:1:445: note: $.benchmarks[1].metrics.request_totals.successful: no request succeeded at this load (throughput): left out of the fit"])
        // None at all: nothing to fit.
        let none = #"{"benchmarks": [\#(Self.guidellm(#""synchronous""#, successful: "0")), \#(Self.guidellm(#""throughput""#, successful: "0"))]}"#
        #expect(Self.error(none, .guidellm) == "r.json:1:16: error: $.benchmarks: expected a benchmark with a successful request, found none in 2")
    }

    @Test func guidellmReportsThatAreNotWhatTheySeem() {
        #expect(Self.error("[]", .guidellm) == "r.json:1:1: error: $: expected an object, found an array")
        #expect(Self.error(#"{"metadata": {"version": 2}}"#, .guidellm)
                == "r.json:1:1: error: $.benchmarks: missing; expected the array of benchmarks `guidellm benchmark` writes")
        #expect(Self.error(#"{"benchmarks": []}"#, .guidellm)
                == "r.json:1:16: error: $.benchmarks: expected the array of benchmarks `guidellm benchmark` writes, found an empty array")
        #expect(Self.error(#"{"benchmarks": [{"metrics": {}}]}"#, .guidellm)
                == "r.json:1:17: error: $.benchmarks[0].config: missing; expected an object (GuideLLM 0.4 and later write config, 0.2 and 0.3 args)")
        #expect(Self.error(#"{"benchmarks": [{"config": {"run_index": 0}}]}"#, .guidellm)
                == "r.json:1:28: error: $.benchmarks[0].config.strategy: missing; expected an object")
        #expect(Self.error(#"{"benchmarks": [\#(Self.guidellm(#""replay""#))]}"#, .guidellm)
                == #"r.json:1:51: error: $.benchmarks[0].config.strategy.type_: expected synchronous, concurrent, throughput, constant, poisson or trace, found "replay""#)
        #expect(Self.error(#"{"benchmarks": [\#(Self.guidellm(#""concurrent", "streams": 0"#))]}"#, .guidellm)
                == "r.json:1:76: error: $.benchmarks[0].config.strategy.streams: expected a whole number from 1 to 1,000,000, found 0")
        #expect(Self.error(#"{"benchmarks": [\#(Self.guidellm(#""synchronous""#, successful: "-1"))]}"#, .guidellm)
                == "r.json:1:113: error: $.benchmarks[0].metrics.request_totals.successful: expected a whole number of requests, 0 or more, found -1")
        // A throughput of 0 from requests that succeeded is not a measurement; Python's json writes a NaN or an
        // infinity bare, which is not JSON.
        #expect(Self.error(#"{"benchmarks": [\#(Self.guidellm(#""synchronous""#, perSecond: "0"))]}"#, .guidellm)
                == "r.json:1:328: error: $.benchmarks[0].metrics.output_tokens_per_second.successful.mean: expected a number above 0, found 0")
        #expect(Self.error(#"{"benchmarks": [\#(Self.guidellm(#""synchronous""#, perSecond: "NaN"))]}"#, .guidellm)
                == "r.json:1:328: error: $: not JSON: expected a value, found 'N'")
        #expect(Self.error(#"{"benchmarks": [\#(Self.guidellm(#""poisson", "rate": 5"#, inFlight: "2e6"))]}"#, .guidellm)
                == "r.json:1:172: error: $.benchmarks[0].metrics.request_concurrency.successful.mean: expected a mean concurrency from 0.001 to 1,000,000, found 2e6")
        #expect(Self.error(#"{"benchmarks": [{"config": {"strategy": {"type_": "synchronous"}}, "metrics": {"request_totals": {"successful": 3}, "prompt_token_count": {"total": {"mean": 9}}}}]}"#, .guidellm)
                == "r.json:1:139: error: $.benchmarks[0].metrics.prompt_token_count.successful: missing; expected an object")
        // 0.2 and 0.3: the strategy in args, the request totals beside the metrics.
        #expect(Self.error(#"{"benchmarks": [{"args": {"strategy": {"type_": "concurrent", "streams": 4}}, "metrics": {"request_totals": {"successful": 3}}}]}"#, .guidellm)
                == "r.json:1:17: error: $.benchmarks[0].request_totals: missing; expected an object")
    }

    /// Llama 3.1 8B in BF16 on one H100 under vLLM, from the built-in catalog: the calibration tests' setup.
    static func llama8BOnH100() throws -> ServingSetup {
        let catalog = try CatalogStore.seed()
        return ServingSetup(model: try #require(catalog.openModel("llama-3.1-8b")), accelerator: Accelerator(try #require(catalog.gpu("h100-sxm"))),
                            weightPrecision: .bf16, tensorParallel: 1, layoutChoice: .tensor,
                            request: RequestShape(inputTokens: 1, outputTokens: 1), engine: .vllm)
    }

    @Test func theFitRecoversEfficienciesFromPointsTheyProduced() throws {
        // Llama 3.1 8B in BF16 on one H100 under vLLM, "measured" by the model itself at MBU 0.6, MFU 0.4 and
        // 2 ms a step: two decode depths tell bandwidth from overhead, a prefill tells the arithmetic.
        let setup = try Self.llama8BOnH100()
        let truth = EfficiencyOverrides(memoryBandwidthUtilization: 0.6, computeUtilization: 0.4, stepOverheadMs: 2)
        let shapes: [(Double, Double, ValidationPoint.Metric)] = [(0, 128, .decode), (8192, 128, .decode), (2048, 1, .prefill), (1000, 1000, .servingOutput)]
        let points = try shapes.map { input, output, metric in
            let m = CalibrationMeasurement(inputTokens: input, outputTokens: output, concurrency: metric == .servingOutput ? 32 : 1, metric: metric, measured: 1)
            return CalibrationMeasurement(inputTokens: input, outputTokens: output, concurrency: m.concurrency, metric: metric,
                                          measured: try #require(CalibrationFit.predict(m, setup: setup, efficiency: truth)))
        }
        // By hand, the first point: 8.03e9 weights × 2 bytes = 16.06 GB a token at 3.35 TB/s × 0.6 = 7.99 ms, plus 2 ms:
        // about 100 tokens a second (the KV cache of 64 tokens adds 8.4 MB, 0.004 ms).
        #expect(abs(points[0].measured - 100.1) < 0.5)
        let fit = CalibrationFit.fit(points, setup: setup)
        #expect(abs(fit.memoryBandwidthUtilization - 0.6) < 1e-9)
        #expect(abs(fit.computeUtilization - 0.4) < 1e-9)
        #expect(abs(fit.stepOverheadMs - 2) < 1e-9)
        #expect(fit.residual < 1e-9)
        // The defaults (MBU 0.51, MFU 0.50, no overhead) missed them; each point is kept with both predictions.
        #expect(fit.residualBefore > 0.05)
        #expect(fit.points.count == 4 && fit.points.allSatisfy { abs($0.predictedAfter / $0.measured - 1) < 1e-9 })
    }

    @Test func figuresOnePointCannotFixStayAtTheDefaults() throws {
        // One decode run at batch 1 of Llama 3.1 8B in BF16 on an H100, "measured" at MBU 0.6: 16.06 GB a
        // token at 3.35 TB/s × 0.6 = 7.99 ms, about 125 tokens a second. The arithmetic, 2 × 8.03e9 = 16 GFLOP
        // at 989 TFLOPS × 0.1 = 0.16 ms, is hidden under the memory time at any compute utilization from 0.1,
        // so every one fits it exactly; the grid's first, 0.1, was stored before and would have made large
        // batches compute-bound five times too early. Now the figure the point does not see stays at the
        // default (0.50), and the one it fixes moves.
        let setup = try Self.llama8BOnH100()
        let shape = CalibrationMeasurement(inputTokens: 0, outputTokens: 128, concurrency: 1, metric: .decode, measured: 1)
        let measured = try #require(CalibrationFit.predict(shape, setup: setup, efficiency: EfficiencyOverrides(memoryBandwidthUtilization: 0.6)))
        #expect(abs(measured - 125) < 1)
        let fit = CalibrationFit.fit([CalibrationMeasurement(inputTokens: 0, outputTokens: 128, concurrency: 1, metric: .decode, measured: measured)],
                                     setup: setup)
        #expect(abs(fit.memoryBandwidthUtilization - 0.6) < 1e-9)
        #expect(abs(fit.computeUtilization - 0.5) < 1e-9)
        #expect(fit.stepOverheadMs == 0)
        // One point fixes one figure (bandwidth and overhead trade against each other in it); compute it never sees.
        #expect(fit.determined == 1)
        #expect(fit.unseen == [.computeUtilization])
    }

    @Test func aFigureFarAlongTheValleyFromTheLeastFitStillReturnsToItsDefault() throws {
        // One serving run (an llmperf summary: 32 requests in flight, 1,024 prompt and 252 output tokens
        // each) of Llama 3.1 8B on an H100, "measured" at MBU 0.49 with the other figures at their defaults
        // (MFU 0.50, no overhead). The least fit the grid finds first lies far along the valley of equal fits
        // (MBU 0.77, MFU 0.36, 4.6 ms a step); stepping from it toward the defaults reached only about ±0.1
        // of a utilization, so MFU 0.36 and 4.6 ms were stored while the fit said no point sees the compute
        // utilization. Fitting only as many figures as the point fixes, the rest at the defaults, gives the
        // one it was made with: ln(0.49 / 0.51)² = 0.0016 from the defaults, against 0.25 for 0.5 ms of overhead.
        let setup = try Self.llama8BOnH100()
        var run = CalibrationMeasurement(inputTokens: 1024, outputTokens: 252, concurrency: 32, metric: .servingOutput, measured: 1)
        run.measured = try #require(CalibrationFit.predict(run, setup: setup, efficiency: EfficiencyOverrides(memoryBandwidthUtilization: 0.49)))
        let fit = CalibrationFit.fit([run], setup: setup)
        #expect(abs(fit.memoryBandwidthUtilization - 0.49) < 0.001)
        #expect(fit.computeUtilization == 0.5)
        #expect(fit.stepOverheadMs == 0)
        #expect(fit.residual < 0.001)
        #expect(fit.determined == 1)
    }
}
