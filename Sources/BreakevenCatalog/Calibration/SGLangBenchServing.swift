import BreakevenCore

/// SGLang's serving benchmark, `python -m sglang.bench_serving … --output-file runs.jsonl`
/// (sgl-project/sglang `python/sglang/bench_serving.py`, read at fzyzcjy/sglang@0c69f5b, a fork of
/// main; the file was forked from vLLM's `benchmark_serving.py`, 6366efc, sgl-project/sglang@50a6136):
///
/// - `benchmark()` appends `json.dumps(result) + "\n"` to the file (`open(…, "a")`): JSON Lines, a run
///   a line, as many runs as were started with that file. Python's `json` writes a float that is not
///   finite bare: the default `--request-rate` is `float("inf")`, written `Infinity`.
/// - A run's keys: the arguments (`backend`, `dataset_name`, `request_rate`, `max_concurrency` (null
///   without `--max-concurrency`), `random_input_len`, …), `server_info`, then `duration` (s),
///   `completed`, `total_input_tokens`, `total_output_tokens`, `request_throughput` (req/s),
///   `input_throughput` and `output_throughput` (tokens/s over `duration`), latencies in ms
///   (`mean_ttft_ms`, `median_itl_ms`, `mean_tpot_ms`, …) and `concurrency`, the sum of the
///   successful requests' end-to-end latencies over `duration`: the mean requests in flight.
///   With `--output-details` the per-request arrays (`input_lens`, `output_lens`, `ttfts`, `itls`,
///   `generated_texts`, `errors`) are appended to the line; they are not read.
///
/// A point a run: input and output tokens a request the totals over `completed` and tokens/s
/// `output_throughput`, as for vLLM's file (`BenchmarkFile.tokensPerRequest`). The load: a run at an
/// unbounded rate with `max_concurrency` held that many requests in flight (as vLLM's file is
/// read); a run at a request rate, or without a cap, at its measured `concurrency`, rounded, with
/// the throughput scaled to it (Little's law, as GuideLLM's rate levels are). A run without a
/// completed request, or without one of these figures (missing, null or NaN), is left out with a
/// note; a file with none is refused.
enum SGLangBenchServing {
    static let expected = "the JSON Lines `python -m sglang.bench_serving --output-file` appends, a run a line"

    /// The runs of a file: one document (a run saved alone, or indented), or a run a line, each
    /// line parsed on its own so that a refusal names its line.
    static func points(_ bytes: [UInt8], file: String, notes: inout [String]) throws(BenchmarkFileError) -> [CalibrationMeasurement] {
        if let whole = try? BenchmarkFile.parse(bytes, file: file, pythonConstants: true) {
            return try points([(whole, BenchmarkFile.Reader(file: file))], notes: &notes)
        }
        var runs: [(JSONNode, BenchmarkFile.Reader)] = []
        var lineNumber = 0, start = 0
        for k in 0...bytes.count where k == bytes.count || bytes[k] == 0x0A {
            defer { (start, lineNumber) = (k + 1, lineNumber + 1) }
            let line = bytes[start..<k]
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            do throws(BenchmarkFileError) {
                runs.append((try BenchmarkFile.parse(line, file: file, pythonConstants: true, lineOffset: lineNumber),
                             BenchmarkFile.Reader(file: file, lineOffset: lineNumber)))
            } catch {
                // Each line is parsed alone: where the parser found its input's end, the line ended.
                var refusal = error
                refusal.message = refusal.message.replacing("the end of the file", with: "the end of the line")
                throw refusal
            }
        }
        guard !runs.isEmpty else {
            throw BenchmarkFileError(file: file, location: .start, path: "$", message: "expected \(expected), found an empty file")
        }
        return try points(runs, notes: &notes)
    }

    /// A point a run that has one; the others noted, and the file refused when none has.
    static func points(_ runs: [(JSONNode, BenchmarkFile.Reader)], notes: inout [String]) throws(BenchmarkFileError) -> [CalibrationMeasurement] {
        var out: [CalibrationMeasurement] = []
        var leftOut: [(node: JSONNode, path: String, reason: String, r: BenchmarkFile.Reader)] = []
        for (root, r) in runs {
            switch try point(root, r) {
            case .success(let point): out.append(point)
            case .failure(let why): leftOut.append((why.node, why.path, why.reason, r))
            }
        }
        guard out.isEmpty, let first = leftOut.first else {
            notes += leftOut.map { $0.r.note($0.node, $0.path, "\($0.reason): left out of the fit") }
            return out
        }
        let others = runs.count == 1 ? "" : "; none of the \(runs.count) runs can be fitted"
        throw first.r.fail(first.node, first.path, "\(first.reason)\(others): nothing to fit")
    }

    /// Why a run gives no point: where, and the reason.
    struct LeftOut: Error {
        var node: JSONNode
        var path: String
        var reason: String
    }

    private static func point(_ root: JSONNode, _ r: BenchmarkFile.Reader) throws(BenchmarkFileError) -> Result<CalibrationMeasurement, LeftOut> {
        let o = try r.object(root, "$")
        func missing(_ key: String) -> LeftOut? {
            guard let node = o[key], node.value != .null, node.number?.isNaN != true else {
                return LeftOut(node: o[key] ?? o, path: "$.\(key)", reason: "expected a number, found \(o[key]?.quoted ?? "none")")
            }
            return nil
        }
        if let why = missing("completed") { return .failure(why) }
        let completed = try r.number(o, "completed", "$")
        guard completed >= 0, completed <= 1e12, completed == completed.rounded() else {
            throw r.fail(o["completed"] ?? o, "$.completed", "expected a whole number of completed requests, 0 or more, found \(o["completed"]?.quoted ?? "")")
        }
        guard completed > 0 else {
            return .failure(LeftOut(node: o["completed"] ?? o, path: "$.completed", reason: "no request completed in this run"))
        }
        // Requests started as fast as they could be, up to max_concurrency: that many in flight.
        let held = o["request_rate"]?.number == .infinity ? try r.optionalNumber(o, "max_concurrency", "$") : nil
        let load = held == nil ? "concurrency" : "max_concurrency"
        for key in ["total_input_tokens", "total_output_tokens", "output_throughput", load] {
            if let why = missing(key) { return .failure(why) }
        }
        let request = try BenchmarkFile.tokensPerRequest(o, "$", completed: completed, r)
        let tokensPerSecond = try r.positive(o, "output_throughput", "$")
        let (concurrency, measured) = if let held {
            (try r.count(held, o[load] ?? o, "$.\(load)"), tokensPerSecond)
        } else {
            try r.atMeanInFlight(o, load, "$", tokensPerSecond: tokensPerSecond)
        }
        return .success(CalibrationMeasurement(inputTokens: request.input, outputTokens: request.output, concurrency: concurrency,
                                               metric: .servingOutput, measured: measured))
    }
}
