import Foundation
import Testing
@testable import BreakevenCatalog
@testable import BreakevenCore

/// SGLang's `bench_serving` JSON Lines and llmperf's summary: the committed fixtures (written from
/// the tools' source, see the fixtures' README) as points, the runs that cannot be fitted left out
/// with located notes, and files with none refused with where and why.
@Suite("SGLang and llmperf results")
struct SGLangAndLLMPerfResultTests {
    static func read(_ text: String, _ format: BenchmarkFormat) -> (points: [CalibrationMeasurement], notes: [String], error: String?) {
        do {
            let reading = try BenchmarkFile.read(Data(text.utf8), format: format, file: "r.jsonl")
            return (reading.points, reading.notes, nil)
        } catch {
            return ([], [], error.description)
        }
    }

    /// A run as SGLang appends it, trimmed to what is read: 40 requests of 1,000 prompt and 200
    /// output tokens, 1,600 tokens/s (8,000 output tokens in 5 s).
    static func run(rate: String = "Infinity", cap: String = "8", completed: String = "40", concurrency: String = "7.6",
                    throughput: String = "1600.0") -> String {
        #"{"backend": "sglang", "request_rate": \#(rate), "max_concurrency": \#(cap), "duration": 5.0, "completed": \#(completed), "#
            + #""total_input_tokens": 40000, "total_output_tokens": 8000, "output_throughput": \#(throughput), "concurrency": \#(concurrency)}"#
    }

    @Test func sglangRunsAreAPointEachAtTheLoadTheyHeld() throws {
        let reading = try BenchmarkFile.read(try Data(contentsOf: BenchmarkFileTests.fixtures.appendingPathComponent("sglang-bench-serving.jsonl")),
                                             format: .sglang, file: "f")
        #expect(reading.notes == [])
        // 65,536 prompt and 16,384 output tokens over 64 requests = 1,024 and 256 each (×5 and ×7.5 after).
        // Unbounded rate with --max-concurrency 1 and 16: that many in flight, output_throughput as measured.
        // Rate 8 without a cap: 22.4665 in flight on average, so 22 at 1,962.9393 × 22 ÷ 22.4665 tokens/s.
        #expect(reading.points == [
            CalibrationMeasurement(inputTokens: 1024, outputTokens: 256, concurrency: 1, metric: .servingOutput, measured: 111.3709),
            CalibrationMeasurement(inputTokens: 1024, outputTokens: 256, concurrency: 16, metric: .servingOutput, measured: 1490.5386),
            CalibrationMeasurement(inputTokens: 1024, outputTokens: 256, concurrency: 22, metric: .servingOutput, measured: 1962.9393 * 22 / 22.4665)])
    }

    @Test func anSGLangRunWithoutACapOrAtARateIsAtTheMeanInFlight() {
        // 7.6 in flight on average: 8 requests, 1,600 × 8 ÷ 7.6 tokens/s; a cap under a rate does not hold the load.
        let atMean = CalibrationMeasurement(inputTokens: 1000, outputTokens: 200, concurrency: 8, metric: .servingOutput, measured: 1600 * 8 / 7.6)
        #expect(Self.read(Self.run(cap: "null"), .sglang).points == [atMean])
        #expect(Self.read(Self.run(rate: "4.0", cap: "64"), .sglang).points == [atMean])
        #expect(Self.read(Self.run(rate: "4.0", cap: "64", concurrency: "0.3"), .sglang).points
                == [CalibrationMeasurement(inputTokens: 1000, outputTokens: 200, concurrency: 1, metric: .servingOutput, measured: 1600 / 0.3)])
    }

    @Test func sglangRunsThatCannotBeFittedAreLeftOutWithANote() {
        let lines = [Self.run(), Self.run(completed: "0", throughput: "0.0"), "", Self.run(cap: "null", concurrency: "NaN"),
                     Self.run().replacingOccurrences(of: #", "output_throughput": 1600.0"#, with: "")]
        let reading = Self.read(lines.joined(separator: "\n") + "\n", .sglang)
        #expect(reading.error == nil)
        #expect(reading.points.map(\.concurrency) == [8])
        #expect(reading.notes == [
            "r.jsonl:2:101: note: $.completed: no request completed in this run: left out of the fit",
            "r.jsonl:4:210: note: $.concurrency: expected a number, found NaN: left out of the fit",
            "r.jsonl:5:1: note: $.output_throughput: expected a number, found none: left out of the fit"])
    }

    @Test func sglangFilesThatAreNotWhatTheySeem() {
        #expect(Self.read(Self.run(completed: "0"), .sglang).error
                == "r.jsonl:1:101: error: $.completed: no request completed in this run: nothing to fit")
        #expect(Self.read(Self.run(completed: "0") + "\n" + Self.run(cap: "null", concurrency: "null") + "\n", .sglang).error
                == "r.jsonl:1:101: error: $.completed: no request completed in this run; none of the 2 runs can be fitted: nothing to fit")
        #expect(Self.read(Self.run() + "\n" + #"{"completed": 4,"# + "\n", .sglang).error
                == "r.jsonl:2:17: error: $: not JSON: expected a key in double quotes, found the end of the line")
        #expect(Self.read("\n \n", .sglang).error
                == "r.jsonl:1:1: error: $: expected the JSON Lines `python -m sglang.bench_serving --output-file` appends, a run a line, found an empty file")
        #expect(Self.read(Self.run(completed: "2.5"), .sglang).error
                == "r.jsonl:1:101: error: $.completed: expected a whole number of completed requests, 0 or more, found 2.5")
        #expect(Self.read(Self.run(cap: "0"), .sglang).error == "r.jsonl:1:68: error: $.max_concurrency: expected a whole number from 1 to 1,000,000, found 0")
        #expect(Self.read(Self.run(throughput: "Infinity"), .sglang).error == "r.jsonl:1:184: error: $.output_throughput: expected a number, found Infinity")
        #expect(Self.read(Self.run() + "\n[1]\n", .sglang).error == "r.jsonl:2:1: error: $: expected an object, found an array")
        // Python's constants are read only where a format's writer emits them: vLLM's file is strict JSON.
        #expect(Self.read(#"{"completed": NaN}"#, .vllm).error == "r.jsonl:1:15: error: $: not JSON: expected a value, found 'N'")
    }

    @Test func anLLMPerfSummaryIsOneRunAtItsConcurrentRequests() throws {
        let name = "meta-llama-Llama-3-1-8B-Instruct_1024_256_summary.json"
        // 32 threads each keeping a request in flight; 1,024 prompt tokens, 251.6 output tokens a request on
        // average; every output token over the whole test's time.
        #expect(try BenchmarkFileTests.points(name, .llmperf) == [
            CalibrationMeasurement(inputTokens: 1024, outputTokens: 251.6, concurrency: 32, metric: .servingOutput, measured: 2514.459893)])
    }

    @Test func llmperfSummariesThatAreNotWhatTheySeem() {
        // Every request errored: pandas' means of no request are NaN, written bare by json.dump.
        let errored = #"{"num_concurrent_requests": 8, "results_number_input_tokens_mean": NaN, "results_number_errors": 12, "results_num_completed_requests": 0}"#
        #expect(Self.read(errored, .llmperf).error
                == "r.jsonl:1:136: error: $.results_num_completed_requests: expected a run with a completed request, found none, 12 with an error: nothing to fit")
        let nan = #"{"num_concurrent_requests": 8, "results_number_input_tokens_mean": NaN, "results_num_completed_requests": 3}"#
        #expect(Self.read(nan, .llmperf).error == "r.jsonl:1:68: error: $.results_number_input_tokens_mean: expected a number, found NaN")
        let threads = #"{"num_concurrent_requests": 0, "results_number_input_tokens_mean": 500, "results_number_output_tokens_mean": 100, "#
            + #""results_mean_output_throughput_token_per_s": 900, "results_num_completed_requests": 3}"#
        #expect(Self.read(threads, .llmperf).error == "r.jsonl:1:29: error: $.num_concurrent_requests: expected a whole number from 1 to 1,000,000, found 0")
        #expect(Self.read(#"{"results_num_completed_requests": -Infinity}"#, .llmperf).error
                == "r.jsonl:1:36: error: $.results_num_completed_requests: expected a number, found -Infinity")
        #expect(Self.read(#"{"results_num_completed_requests": -1}"#, .llmperf).error
                == "r.jsonl:1:36: error: $.results_num_completed_requests: expected a whole number of requests, 0 or more, found -1")
    }
}
