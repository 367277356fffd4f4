import BreakevenCore
import Foundation

/// Measured benchmark results, read from the files benchmark tools write, as points the capacity
/// model can be fitted to.
public enum BenchmarkFormat: String, Sendable, CaseIterable {
    /// vLLM `benchmarks/benchmark_serving.py --save-result` (and `vllm bench serve`): one JSON
    /// object with `completed`, `total_input_tokens`, `total_output_tokens`, `output_throughput`,
    /// `max_concurrency` (null when unbounded) and `num_prompts`.
    case vllm
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
}

/// A result file that is not what its format says, located by JSON path.
public struct BenchmarkFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public var description: String { "\(file): \(path): \(message)" }
}

public enum BenchmarkFile {
    /// The points of one result file.
    public static func points(_ data: Data, format: BenchmarkFormat, file: String) throws -> [CalibrationMeasurement] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw BenchmarkFileError(file: file, path: "$", message: "not JSON (\(error.localizedDescription))")
        }
        var reader = Reader(file: file)
        switch format {
        case .vllm:
            let o = try reader.object(root, "$")
            let completed = try reader.number(o, "completed", "$")
            guard completed > 0 else { throw reader.fail("$.completed", "expected at least one completed request, found 0") }
            let concurrency = try reader.optionalNumber(o, "max_concurrency", "$") ?? reader.number(o, "num_prompts", "$")
            return [CalibrationMeasurement(
                inputTokens: try reader.number(o, "total_input_tokens", "$") / completed,
                outputTokens: try reader.number(o, "total_output_tokens", "$") / completed,
                concurrency: try reader.count(concurrency, "$.max_concurrency"), metric: .servingOutput,
                measured: try reader.positive(o, "output_throughput", "$"))]
        case .aiperf, .genaiPerf:
            let o = try reader.object(root, "$")
            let config = try reader.object(o["input_config"] as Any, "$.input_config")
            let concurrency: Double
            if format == .aiperf {
                concurrency = try reader.number(try reader.object(config["loadgen"] as Any, "$.input_config.loadgen"),
                                                "concurrency", "$.input_config.loadgen")
            } else if let direct = try reader.optionalNumber(config, "concurrency", "$.input_config") {
                concurrency = direct
            } else {
                let pa = try reader.object(config["perf_analyzer"] as Any, "$.input_config.perf_analyzer")
                let stimulus = try reader.object(pa["stimulus"] as Any, "$.input_config.perf_analyzer.stimulus")
                concurrency = try reader.number(stimulus, "concurrency", "$.input_config.perf_analyzer.stimulus")
            }
            func average(_ key: String) throws -> Double {
                try reader.positive(try reader.object(o[key] as Any, "$.\(key)"), "avg", "$.\(key)")
            }
            return [CalibrationMeasurement(inputTokens: try average("input_sequence_length"),
                                           outputTokens: try average("output_sequence_length"),
                                           concurrency: try reader.count(concurrency, "$.input_config.concurrency"),
                                           metric: .servingOutput, measured: try average("output_token_throughput"))]
        case .llamaBench:
            guard let tests = root as? [Any], !tests.isEmpty else {
                throw reader.fail("$", "expected the array of tests `llama-bench -o json` writes")
            }
            return try tests.enumerated().map { k, element in
                let at = "$[\(k)]"
                let t = try reader.object(element, at)
                let prompt = try reader.number(t, "n_prompt", at), gen = try reader.number(t, "n_gen", at)
                let depth = try reader.optionalNumber(t, "n_depth", at) ?? 0
                let rate = try reader.positive(t, "avg_ts", at)
                if gen > 0 {
                    return CalibrationMeasurement(inputTokens: depth + prompt, outputTokens: gen, concurrency: 1,
                                                  metric: .decode, measured: rate)
                }
                guard prompt > 0 else { throw reader.fail(at, "expected n_prompt or n_gen above 0, found both 0") }
                return CalibrationMeasurement(inputTokens: depth + prompt, outputTokens: 1, concurrency: 1, metric: .prefill, measured: rate)
            }
        }
    }

    private struct Reader {
        var file: String

        func fail(_ path: String, _ message: String) -> BenchmarkFileError { BenchmarkFileError(file: file, path: path, message: message) }

        func object(_ value: Any, _ path: String) throws -> [String: Any] {
            guard let o = value as? [String: Any] else { throw fail(path, "expected an object, found \(Self.kind(value))") }
            return o
        }

        func optionalNumber(_ o: [String: Any], _ key: String, _ path: String) throws -> Double? {
            guard let value = o[key], !(value is NSNull) else { return nil }
            guard !Self.isBoolean(value), let n = value as? NSNumber, n.doubleValue.isFinite else {
                throw fail("\(path).\(key)", "expected a number, found \(Self.kind(value))")
            }
            return n.doubleValue
        }

        func number(_ o: [String: Any], _ key: String, _ path: String) throws -> Double {
            guard let n = try optionalNumber(o, key, path) else { throw fail("\(path).\(key)", "missing; expected a number") }
            return n
        }

        func positive(_ o: [String: Any], _ key: String, _ path: String) throws -> Double {
            let n = try number(o, key, path)
            guard n > 0, n < 1e12 else { throw fail("\(path).\(key)", "expected a number above 0, found \(n)") }
            return n
        }

        func count(_ n: Double, _ path: String) throws -> Int {
            guard n >= 1, n <= 1e6, n == n.rounded() else { throw fail(path, "expected a whole number from 1 to 1000000, found \(n)") }
            return Int(n)
        }

        /// true and false, but not the numbers 0 and 1 (which bridge to Bool).
        static func isBoolean(_ value: Any) -> Bool {
            type(of: value) == Bool.self || String(describing: type(of: value)).contains("Boolean")
        }

        static func kind(_ value: Any) -> String {
            switch value {
            case is NSNull: "null"
            case is String: "a string"
            case is [Any]: "an array"
            case is [String: Any]: "an object"
            case _ where isBoolean(value): "a boolean"
            case is NSNumber: "a number"
            default: "something else"
            }
        }
    }
}
