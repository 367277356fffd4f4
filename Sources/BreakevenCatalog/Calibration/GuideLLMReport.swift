import BreakevenCore

/// GuideLLM's report, `guidellm benchmark … --output-path benchmarks.json` (vllm-project/guidellm,
/// formerly neuralmagic/guidellm): one benchmark per load level, so one file gives several points.
///
/// The shape, from GuideLLM's source (JSON only; the YAML it can also write is not read):
/// - 0.4 to 0.7 (`GenerativeBenchmarksReport`, `src/guidellm/benchmark/schemas/report.py` at v0.7.3,
///   commit 3938355; `schemas/generative/report.py` at v0.4.0, f6175cd): `{"metadata", "config"
///   (0.7; "args" in 0.4 to 0.6), "benchmarks": [GenerativeBenchmark…]}`. A benchmark's load is
///   `config.strategy` (`BenchmarkConfig`, `schemas/base.py`), its figures `metrics`
///   (`GenerativeMetrics`, `schemas/metrics.py`), the requests by outcome `metrics.request_totals`.
/// - 0.2 and 0.3 (`src/guidellm/benchmark/benchmark.py` and `output.py` at v0.3.1, 121dcdc, and
///   v0.2.0, 876775f; a real report in `tests/unit/entrypoints/assets/benchmarks_stripped.json`):
///   `{"benchmarks": […]}`, the load in `args.strategy` (`BenchmarkArgs`), the same metric names,
///   `request_totals` beside `metrics`. 0.1's `TextGenerationBenchmarkReport` is not read.
/// - The strategy (`src/guidellm/scheduler/strategies.py`; `strategy.py` in 0.3) is tagged by
///   `type_`: `synchronous`, `concurrent` with `streams`, `throughput`, `constant` and `poisson`
///   with `rate`, `trace` (0.7). A sweep runs synchronous, throughput, then constant rates.
/// - Each metric is a `StatusDistributionSummary` (`successful`, `errored`, `incomplete`, `total`),
///   each a `DistributionSummary` (`mean`, `median`, …, `count`; `src/guidellm/schemas/statistics.py`,
///   `objects/statistics.py` in 0.3). Rates and concurrency are weighted by time: the mean of
///   `output_tokens_per_second` is the output tokens over the measured time, the mean of
///   `request_concurrency` the requests in flight on average.
///
/// A point per benchmark, from its successful requests: input and output tokens the means of
/// `prompt_token_count` and `output_token_count`, measured the mean of `output_tokens_per_second`.
/// Concurrency: `synchronous` 1 and `concurrent` its `streams`, the load GuideLLM held. `throughput`,
/// `constant`, `poisson` and `trace` hold a rate or no limit: the mean `request_concurrency`
/// measured, rounded, with the throughput scaled to it (`BenchmarkFile.Reader.atMeanInFlight`). A benchmark
/// without a successful request (a load level where every request failed) is left out with a note;
/// a report with none is refused.
enum GuideLLMReport {
    static let strategies = ["synchronous", "concurrent", "throughput", "constant", "poisson", "trace"]

    static func points(_ root: JSONNode, _ r: BenchmarkFile.Reader,
                       notes: inout [String]) throws(BenchmarkFileError) -> [CalibrationMeasurement] {
        let report = try r.object(root, "$")
        let expected = "expected the array of benchmarks `guidellm benchmark` writes"
        guard let list = report["benchmarks"] else { throw r.fail(report, "$.benchmarks", "missing; \(expected)") }
        guard let benchmarks = list.elements, !benchmarks.isEmpty else {
            throw r.fail(list, "$.benchmarks", "\(expected), found \(list.elements == nil ? list.quoted : "an empty array")")
        }
        var out: [CalibrationMeasurement] = []
        for (k, element) in benchmarks.enumerated() {
            if let point = try point(try r.object(element, "$.benchmarks[\(k)]"), "$.benchmarks[\(k)]", r, notes: &notes) {
                out.append(point)
            }
        }
        guard !out.isEmpty else {
            throw r.fail(list, "$.benchmarks", "expected a benchmark with a successful request, found none in \(benchmarks.count)")
        }
        return out
    }

    /// One benchmark's point; nil, with a note, when none of its requests succeeded.
    private static func point(_ b: JSONNode, _ at: String, _ r: BenchmarkFile.Reader,
                              notes: inout [String]) throws(BenchmarkFileError) -> CalibrationMeasurement? {
        // 0.4 and later: config (and metrics.request_totals); 0.2 and 0.3: args (and request_totals).
        let legacy = b["config"] == nil && b["args"] != nil
        let settings = legacy ? "args" : "config"
        guard b[settings] != nil else {
            throw r.fail(b, "\(at).config", "missing; expected an object (GuideLLM 0.4 and later write config, 0.2 and 0.3 args)")
        }
        let sAt = "\(at).\(settings).strategy"
        let strategy = try r.member(try r.member(b, settings, at), "strategy", "\(at).\(settings)")
        guard let type = strategy["type_"]?.string, strategies.contains(type) else {
            throw r.fail(strategy["type_"] ?? strategy, "\(sAt).type_",
                         "expected synchronous, concurrent, throughput, constant, poisson or trace, found \(strategy["type_"]?.quoted ?? "none")")
        }
        let metrics = try r.member(b, "metrics", at)
        let mAt = "\(at).metrics"
        let tAt = legacy ? "\(at).request_totals" : "\(mAt).request_totals"
        let totals = try r.member(legacy ? b : metrics, "request_totals", legacy ? at : mAt)
        let successful = try r.number(totals, "successful", tAt)
        guard successful >= 0, successful <= 1e12, successful == successful.rounded() else {
            throw r.fail(totals["successful"] ?? totals, "\(tAt).successful",
                         "expected a whole number of requests, 0 or more, found \(totals["successful"]?.quoted ?? "")")
        }
        guard successful > 0 else {
            notes.append(r.note(totals["successful"] ?? totals, "\(tAt).successful", "no request succeeded at this load (\(type)): left out of the fit"))
            return nil
        }
        /// The successful requests' summary of a metric, and its path.
        func succeeded(_ key: String) throws(BenchmarkFileError) -> (JSONNode, String) {
            (try r.member(try r.member(metrics, key, mAt), "successful", "\(mAt).\(key)"), "\(mAt).\(key).successful")
        }
        let (input, inputAt) = try succeeded("prompt_token_count")
        let (output, outputAt) = try succeeded("output_token_count")
        let (rate, rateAt) = try succeeded("output_tokens_per_second")
        let tokensPerSecond = try r.positive(rate, "mean", rateAt)
        let (concurrency, measured): (Int, Double)
        switch type {
        case "synchronous":
            (concurrency, measured) = (1, tokensPerSecond)
        case "concurrent":
            concurrency = try r.count(try r.number(strategy, "streams", sAt), strategy["streams"] ?? strategy, "\(sAt).streams")
            measured = tokensPerSecond
        default:
            let (inFlight, inFlightAt) = try succeeded("request_concurrency")
            (concurrency, measured) = try r.atMeanInFlight(inFlight, "mean", inFlightAt, tokensPerSecond: tokensPerSecond)
        }
        return CalibrationMeasurement(inputTokens: try r.tokens(input, "mean", inputAt), outputTokens: try r.tokens(output, "mean", outputAt),
                                      concurrency: concurrency, metric: .servingOutput, measured: measured)
    }
}
