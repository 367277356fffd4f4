import BreakevenCore
import Foundation

/// Measured benchmark results, read from the files benchmark tools write, as points the capacity
/// model can be fitted to.
public enum BenchmarkFormat: String, Sendable, CaseIterable {
    /// vLLM `benchmarks/benchmark_serving.py --save-result` (and `vllm bench serve`): one JSON
    /// object with `completed`, `total_input_tokens`, `total_output_tokens`, `output_throughput`,
    /// `max_concurrency` (null when unbounded) and `num_prompts`.
    case vllm
    /// GuideLLM (vllm-project/guidellm) `guidellm benchmark --output-path benchmarks.json`: a
    /// report of one benchmark per load level (a sweep, several concurrencies or rates), a point
    /// each; read by `GuideLLMReport`, where its versions and sources are named.
    case guidellm
    /// NVIDIA AIPerf `profile_export_aiperf.json`: metrics at the top level as
    /// `{"unit", "avg", ...}` (`output_token_throughput`, `input_sequence_length`,
    /// `output_sequence_length`), the load in `input_config.loadgen.concurrency`.
    case aiperf
    /// GenAI-Perf `profile_export_genai_perf.json`: the same metric objects; the concurrency in
    /// `input_config.concurrency` (or `input_config.perf_analyzer.stimulus.concurrency`).
    case genaiPerf = "genai-perf"
    /// llama.cpp `llama-bench -o json`: an array of tests with `n_prompt`, `n_gen`, `n_depth` and
    /// `avg_ts` (a pp test has n_gen 0, a tg test n_prompt 0).
    case llamaBench = "llama-bench"
    /// SGLang `python -m sglang.bench_serving --output-file F`: JSON Lines, a run appended a line, each
    /// with vLLM benchmark_serving's figures (SGLang's file was forked from it) and the requests in
    /// flight it measured; read by `SGLangBenchServing`, a point a run.
    case sglang
    /// ray-project/llmperf `token_benchmark_ray.py --results-dir D`: `<model>_<in>_<out>_summary.json`,
    /// one run's figures flattened to one object (`results_number_input_tokens_mean`,
    /// `results_mean_output_throughput_token_per_s`, …) at `num_concurrent_requests` held.
    case llmperf
    /// Prometheus `GET /api/v1/query_range` answers holding a running vLLM deployment's own metrics
    /// (the prompt and generation token counters, finished requests, requests running): read by
    /// `PrometheusRange`, pooled by load level into points by `ServingWindows`. The series of
    /// several files are one range.
    case prometheus
}

/// A result file that is not what its format says: where (line and column, and the JSON path of
/// the value) and what was expected.
public struct BenchmarkFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation
    public var path: String
    public var message: String

    /// Compiler-style, like a scenario's errors: `run.json:3:16: error: $.completed: expected a number, found "1000"`.
    public var description: String { Diagnostic.line(file: file, line: location.line, column: location.column, path: path, message) }
}

public enum BenchmarkFile {
    /// The points of one result file.
    public static func points(_ data: Data, format: BenchmarkFormat, file: String) throws(BenchmarkFileError) -> [CalibrationMeasurement] {
        try read(data, format: format, file: file).points
    }

    /// The points of one result file, and a located note for each benchmark it holds that was left
    /// out on purpose (`file:line:column: note: $.path: why`): a GuideLLM load level without a
    /// successful request, a Prometheus range's windows and load levels left out.
    public static func read(_ data: Data, format: BenchmarkFormat,
                            file: String) throws(BenchmarkFileError) -> (points: [CalibrationMeasurement], notes: [String]) {
        var notes: [String] = []
        // JSON Lines of runs, each line parsed alone.
        if format == .sglang { return (try SGLangBenchServing.points(Array(data), file: file, notes: &notes), notes) }
        let found = try points(try parse(data, file: file, pythonConstants: format == .llmperf), format: format, Reader(file: file), notes: &notes)
        return (found, notes)
    }

    /// The points of a run's result files, and the notes of what was left out: file by file, but
    /// Prometheus ranges as one set of series, of the model `servedModel` names (vLLM's `model_name`)
    /// or of the only one they hold.
    public static func read(_ files: [(file: String, data: Data)], format: BenchmarkFormat,
                            servedModel: String? = nil) throws(BenchmarkFileError) -> (points: [CalibrationMeasurement], notes: [String]) {
        guard format == .prometheus else {
            var out: (points: [CalibrationMeasurement], notes: [String]) = ([], [])
            for (file, data) in files {
                let reading = try read(data, format: format, file: file)
                out = (out.points + reading.points, out.notes + reading.notes)
            }
            return out
        }
        var documents: [(root: JSONNode, reader: Reader)] = []
        for (file, data) in files { documents.append((try parse(data, file: file), Reader(file: file))) }
        var notes: [String] = []
        let found = try ServingWindows.points(try PrometheusRange(documents, names: ServingWindows.names), servedModel: servedModel, notes: &notes)
        return (found, notes)
    }

    /// - Parameter pythonConstants: NaN and ±Infinity read as numbers, for results Python's `json` writes.
    static func parse<Bytes: Collection<UInt8>>(_ data: Bytes, file: String, pythonConstants: Bool = false,
                                                lineOffset: Int = 0) throws(BenchmarkFileError) -> JSONNode {
        do throws(JSONParser.SyntaxError) {
            return try JSONParser.parse(Array(data), pythonConstants: pythonConstants)
        } catch {
            var at = error.location
            at.line += lineOffset
            throw BenchmarkFileError(file: file, location: at, path: "$", message: "not JSON: \(error.message)")
        }
    }

    private static func points(_ root: JSONNode, format: BenchmarkFormat, _ r: Reader,
                               notes: inout [String]) throws(BenchmarkFileError) -> [CalibrationMeasurement] {
        switch format {
        case .vllm:
            let o = try r.object(root, "$")
            // A whole number of requests: a fraction such as 5e-324 made every average infinite,
            // and the calibration could not be stored (exit 73).
            let completed = try r.number(o, "completed", "$")
            guard completed >= 1, completed == completed.rounded() else {
                throw r.fail(o["completed"] ?? o, "$.completed", "expected a whole number of completed requests, at least 1, found \(o["completed"]?.quoted ?? "")")
            }
            // max_concurrency is null when the run did not cap it: then every prompt may be in flight.
            let key = try r.optionalNumber(o, "max_concurrency", "$") == nil ? "num_prompts" : "max_concurrency"
            let request = try tokensPerRequest(o, "$", completed: completed, r)
            return [CalibrationMeasurement(inputTokens: request.input, outputTokens: request.output,
                                           concurrency: try r.count(try r.number(o, key, "$"), o[key] ?? o, "$.\(key)"),
                                           metric: .servingOutput, measured: try r.positive(o, "output_throughput", "$"))]
        case .sglang:
            return try SGLangBenchServing.points([(root, r)], notes: &notes)
        case .llmperf:
            // token_benchmark_ray.py's summary (ray-project/llmperf@f1d6bed): `metrics_summary` over the
            // requests without an error_code, flattened by `flatten_dict` with "_"; tokens/s is every
            // output token over the whole test's time, with num_concurrent_requests threads each keeping
            // one request in flight.
            let o = try r.object(root, "$")
            let completed = try r.number(o, "results_num_completed_requests", "$")
            guard completed >= 0, completed <= 1e12, completed == completed.rounded() else {
                throw r.fail(o["results_num_completed_requests"] ?? o, "$.results_num_completed_requests",
                             "expected a whole number of requests, 0 or more, found \(o["results_num_completed_requests"]?.quoted ?? "")")
            }
            guard completed > 0 else {
                let errors = (try? r.number(o, "results_number_errors", "$")).map { ", \(Money.grouped(Money.fixed($0, decimals: 0))) with an error" } ?? ""
                throw r.fail(o["results_num_completed_requests"] ?? o, "$.results_num_completed_requests",
                             "expected a run with a completed request, found none\(errors): nothing to fit")
            }
            let key = "num_concurrent_requests"
            return [CalibrationMeasurement(inputTokens: try r.tokens(o, "results_number_input_tokens_mean", "$"),
                                           outputTokens: try r.tokens(o, "results_number_output_tokens_mean", "$"),
                                           concurrency: try r.count(try r.number(o, key, "$"), o[key] ?? o, "$.\(key)"),
                                           metric: .servingOutput, measured: try r.positive(o, "results_mean_output_throughput_token_per_s", "$"))]
        case .guidellm:
            return try GuideLLMReport.points(root, r, notes: &notes)
        case .prometheus:
            return try ServingWindows.points(try PrometheusRange([(root, r)], names: ServingWindows.names), servedModel: nil, notes: &notes)
        case .aiperf, .genaiPerf:
            let o = try r.object(root, "$")
            let config = try r.member(o, "input_config", "$")
            let (concurrency, node, at): (Double, JSONNode, String)
            if format == .aiperf {
                let loadgen = try r.member(config, "loadgen", "$.input_config")
                (concurrency, node, at) = (try r.number(loadgen, "concurrency", "$.input_config.loadgen"), loadgen, "$.input_config.loadgen.concurrency")
            } else if let direct = try r.optionalNumber(config, "concurrency", "$.input_config") {
                (concurrency, node, at) = (direct, config, "$.input_config.concurrency")
            } else {
                let pa = try r.member(config, "perf_analyzer", "$.input_config")
                let stimulus = try r.member(pa, "stimulus", "$.input_config.perf_analyzer")
                (concurrency, node, at) = (try r.number(stimulus, "concurrency", "$.input_config.perf_analyzer.stimulus"), stimulus,
                                           "$.input_config.perf_analyzer.stimulus.concurrency")
            }
            func average(_ key: String) throws(BenchmarkFileError) -> Double {
                try r.positive(try r.member(o, key, "$"), "avg", "$.\(key)")
            }
            return [CalibrationMeasurement(inputTokens: try average("input_sequence_length"),
                                           outputTokens: try average("output_sequence_length"),
                                           concurrency: try r.count(concurrency, node["concurrency"] ?? node, at),
                                           metric: .servingOutput, measured: try average("output_token_throughput"))]
        case .llamaBench:
            guard let tests = root.elements, !tests.isEmpty else {
                throw r.fail(root, "$", "expected the array of tests `llama-bench -o json` writes, found \(root.elements == nil ? root.quoted : "an empty array")")
            }
            var out: [CalibrationMeasurement] = []
            for (k, element) in tests.enumerated() {
                let at = "$[\(k)]"
                let t = try r.object(element, at)
                let prompt = try r.tokens(t, "n_prompt", at), gen = try r.tokens(t, "n_gen", at)
                let depth = try r.optionalNumber(t, "n_depth", at) == nil ? 0 : try r.tokens(t, "n_depth", at)
                let rate = try r.positive(t, "avg_ts", at)
                if gen > 0 {
                    out.append(CalibrationMeasurement(inputTokens: depth + prompt, outputTokens: gen, concurrency: 1, metric: .decode, measured: rate))
                } else if prompt > 0 {
                    out.append(CalibrationMeasurement(inputTokens: depth + prompt, outputTokens: 1, concurrency: 1, metric: .prefill, measured: rate))
                } else {
                    throw r.fail(t, at, "expected n_prompt or n_gen above 0, found both 0")
                }
            }
            return out
        }
    }

    /// A benchmark_serving run's tokens a request (vLLM's, and SGLang's fork of it): the totals over
    /// the completed requests. Its tokens/s is `output_throughput`, output tokens over the run's time.
    static func tokensPerRequest(_ o: JSONNode, _ at: String, completed: Double,
                                 _ r: Reader) throws(BenchmarkFileError) -> (input: Double, output: Double) {
        (try r.tokens(o, "total_input_tokens", at) / completed, try r.tokens(o, "total_output_tokens", at) / completed)
    }

    /// Typed reads of a result file's values, each refusal located (also `GuideLLMReport`'s and `PrometheusRange`'s).
    struct Reader {
        var file: String
        /// Lines before the document (a line of JSON Lines): the parser counts from its own first line.
        var lineOffset = 0

        func fail(_ node: JSONNode, _ path: String, _ message: String) -> BenchmarkFileError {
            var at = node.location
            at.line += lineOffset
            return BenchmarkFileError(file: file, location: at, path: path, message: message)
        }

        /// What was left out on purpose, located as a refusal is: `file:line:column: note: path: message`.
        func note(_ node: JSONNode, _ path: String, _ message: String) -> String {
            Diagnostic.line(file: file, line: node.location.line + lineOffset, column: node.location.column, path: path, severity: .note, message)
        }

        /// A load that held a rate or no limit, at the mean requests in flight it measured (`key`):
        /// rounded to whole requests (at least 1), the throughput scaled by rounded ÷ mean, since by
        /// Little's law tokens/s ÷ requests in flight is each request's own rate (output tokens ÷
        /// latency), and the capacity model predicts for that many requests always in flight.
        func atMeanInFlight(_ o: JSONNode, _ key: String, _ path: String,
                            tokensPerSecond: Double) throws(BenchmarkFileError) -> (concurrency: Int, measured: Double) {
            let mean = try number(o, key, path)
            guard mean >= 0.001, mean <= 1e6 else {
                throw fail(o[key] ?? o, "\(path).\(key)", "expected a mean concurrency from 0.001 to 1,000,000, found \(o[key]?.quoted ?? "")")
            }
            let streams = max(1, mean.rounded())
            return (Int(streams), tokensPerSecond * streams / mean)
        }

        func object(_ node: JSONNode, _ path: String) throws(BenchmarkFileError) -> JSONNode {
            guard node.members != nil else { throw fail(node, path, "expected an object, found \(node.quoted)") }
            return node
        }

        /// A member that must be an object.
        func member(_ o: JSONNode, _ key: String, _ path: String) throws(BenchmarkFileError) -> JSONNode {
            guard let node = o[key] else { throw fail(o, "\(path).\(key)", "missing; expected an object") }
            return try object(node, "\(path).\(key)")
        }

        func optionalNumber(_ o: JSONNode, _ key: String, _ path: String) throws(BenchmarkFileError) -> Double? {
            guard let node = o[key], node.value != .null else { return nil }
            guard let n = node.number, n.isFinite else { throw fail(node, "\(path).\(key)", "expected a number, found \(node.quoted)") }
            return n
        }

        func number(_ o: JSONNode, _ key: String, _ path: String) throws(BenchmarkFileError) -> Double {
            guard let n = try optionalNumber(o, key, path) else { throw fail(o, "\(path).\(key)", "missing; expected a number") }
            return n
        }

        /// A number of tokens: 0 to 1e12 (a trillion tokens is far beyond any benchmark run, and keeps
        /// every figure the fit derives finite; a negative depth or prompt made negative requests).
        func tokens(_ o: JSONNode, _ key: String, _ path: String) throws(BenchmarkFileError) -> Double {
            let n = try number(o, key, path)
            guard n >= 0, n <= 1e12 else { throw fail(o[key] ?? o, "\(path).\(key)", "expected a number of tokens from 0 to 1e12, found \(o[key]?.quoted ?? "")") }
            return n
        }

        func positive(_ o: JSONNode, _ key: String, _ path: String) throws(BenchmarkFileError) -> Double {
            let n = try number(o, key, path)
            guard n > 0, n < 1e12 else { throw fail(o[key] ?? o, "\(path).\(key)", "expected a number above 0, found \(o[key]?.quoted ?? "")") }
            return n
        }

        func count(_ n: Double, _ node: JSONNode, _ path: String) throws(BenchmarkFileError) -> Int {
            guard n >= 1, n <= 1e6, n == n.rounded() else {
                throw fail(node, path, "expected a whole number from 1 to 1,000,000, found \(node.quoted)")
            }
            return Int(n)
        }
    }
}
