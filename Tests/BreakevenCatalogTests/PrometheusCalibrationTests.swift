import Foundation
import Testing
@testable import BreakevenCatalog
@testable import BreakevenCore

/// `capacity calibrate --format prometheus`: Prometheus range-query answers of a vLLM deployment's
/// own metrics (`PrometheusRange`), pooled into a point per load level (`ServingWindows`). Each
/// window is one query step between two samples of a server; the sums below are worked by hand.
@Suite("Prometheus ranges of vLLM metrics")
struct PrometheusCalibrationTests {
    static let start = 1_796_292_000

    /// A series: its name, labels and values, a sample a minute from `start` (nil: none then).
    typealias Series = (name: String, labels: [String: String], values: [String?])

    /// The answer of `/api/v1/query_range` holding `series`, a series a line; the times `milliseconds` past the minute.
    static func body(_ series: [Series], milliseconds: String = "") -> String {
        let result = series.map { s in
            let labels = ([("__name__", s.name)] + s.labels.sorted { $0.key < $1.key }).map { "\"\($0.0)\": \"\($0.1)\"" }
            let values = s.values.enumerated().compactMap { k, v in v.map { "[\(start + 60 * k)\(milliseconds), \"\($0)\"]" } }
            return #"{"metric": {\#(labels.joined(separator: ", "))}, "values": [\#(values.joined(separator: ", "))]}"#
        }
        return "{\"status\": \"success\", \"data\": {\"resultType\": \"matrix\", \"result\": [\n" + result.joined(separator: ",\n") + "\n]}}"
    }

    /// A counter from 0 that grows by each delta in turn.
    static func counter(_ deltas: [Double]) -> [String?] {
        deltas.reduce(into: [0.0]) { $0.append(($0.last ?? 0) + $1) }.map { PrometheusRange.text($0) }
    }

    /// One server's four series: `windows` minutes each adding `prompt`, `generation` and `requests`
    /// (finished with "stop"), the gauge of requests running at each sample.
    static func server(_ instance: String = "10.0.0.1:8000", model: String = "m", prompt: Double = 24_000, generation: Double = 6_000,
                       requests: Double = 20, running: [Double]) -> [Series] {
        let windows = running.count - 1
        let labels = ["instance": instance, "job": "vllm", "model_name": model, "engine": "0"]
        return [("vllm:prompt_tokens_total", labels, counter(Array(repeating: prompt, count: windows))),
                ("vllm:generation_tokens_total", labels, counter(Array(repeating: generation, count: windows))),
                ("vllm:request_success_total", labels.merging(["finished_reason": "stop"]) { a, _ in a }, counter(Array(repeating: requests, count: windows))),
                ("vllm:num_requests_running", labels, running.map { PrometheusRange.text($0) })]
    }

    static func read(_ series: [Series], servedModel: String? = nil) throws -> (points: [CalibrationMeasurement], notes: [String]) {
        try BenchmarkFile.read([("r.json", Data(Self.body(series).utf8))], format: .prometheus, servedModel: servedModel)
    }

    static func error(_ text: String, servedModel: String? = nil) -> String {
        do {
            let reading = try BenchmarkFile.read([("r.json", Data(text.utf8))], format: .prometheus, servedModel: servedModel)
            return "no error: \(reading)"
        } catch {
            return error.description
        }
    }

    static func point(_ concurrency: Int, _ measured: Double, input: Double = 1_200, output: Double = 300) -> CalibrationMeasurement {
        CalibrationMeasurement(inputTokens: input, outputTokens: output, concurrency: concurrency, metric: .servingOutput, measured: measured)
    }

    @Test func fiveWindowsAtOneLevelArePooledIntoAPoint() throws {
        // Two requests running through five one-minute windows, each adding 24,000 prompt and 6,000 generated
        // tokens over 20 finished requests: 6,000 tokens ÷ 60 s = 100 tokens/s; 120,000 ÷ 100 = 1,200 input and
        // 30,000 ÷ 100 = 300 output tokens a request.
        let reading = try Self.read(Self.server(running: [2, 2, 2, 2, 2, 2]))
        #expect(reading.points == [Self.point(2, 100)])
        #expect(reading.notes == [])
        // A range from a time with milliseconds, as Prometheus writes it: the same windows.
        let late = Data(Self.body(Self.server(running: [2, 2, 2, 2, 2, 2]), milliseconds: ".781").utf8)
        #expect(try BenchmarkFile.read([("r.json", late)], format: .prometheus).points == [Self.point(2, 100)])
    }

    @Test func theThroughputIsScaledToTheLevelByLittlesLaw() throws {
        // The gauge alternates 3 and 4: each window has 3.5 running on average, which rounds to 4. 6,300 tokens a
        // minute is 105 tokens/s, 30 a request's own second; with 4 always running, 105 × 4 ÷ 3.5 = 120.
        let reading = try Self.read(Self.server(generation: 6_300, running: [3, 4, 3, 4, 3, 4]))
        #expect(reading.points == [Self.point(4, 120, output: 315)])
    }

    @Test func theWindowsOfSeveralServersArePooledAsReplicas() throws {
        // Server a holds 8 running for three windows at 6,000 tokens a minute, server b for two at 9,000: the
        // level has 5 windows and 300 s, 18,000 + 18,000 = 36,000 tokens ÷ 300 s = 120 tokens/s a replica.
        // Requests: 3 × 20 + 2 × 30 = 120; input (3 × 24,000 + 2 × 36,000) ÷ 120 = 1,200, output 36,000 ÷ 120 = 300.
        let series = Self.server("a:8000", running: [8, 8, 8, 8]) + Self.server("b:8000", prompt: 36_000, generation: 9_000, requests: 30, running: [8, 8, 8])
        #expect(try Self.read(series).points == [Self.point(8, 120)])
    }

    @Test func aLevelHeldUnderFiveWindowsIsLeftOutWithANote() throws {
        // Five windows at 2 running make a point; the gauge then climbs to 6 for four windows (and one at 4 between).
        let reading = try Self.read(Self.server(running: [2, 2, 2, 2, 2, 2, 6, 6, 6, 6, 6]))
        #expect(reading.points == [Self.point(2, 100)])
        #expect(reading.notes == [
            "r.json:5:258: note: $.data.result[3].values[6]: 4 requests running held 1 window (60 s), under the 5 windows and 300 s a load level needs: left out of the fit",
            "r.json:5:277: note: $.data.result[3].values[7]: 6 requests running held 4 windows (240 s), under the 5 windows and 300 s a load level needs: left out of the fit"])
        // No level held long enough: refused, with what was found.
        #expect(Self.error(Self.body(Self.server(running: [2, 2, 2, 6, 6]))) == "r.json:1:66: error: $.data.result: expected a load level held for 5 windows and 300 s with output tokens, found requests running 2 for 2 windows, 4 for 1 window, 6 for 1 window")
    }

    @Test func windowsThatCannotBeMeasuredAreCountedInNotes() throws {
        // Eleven samples of one server at 4 running, ten windows. Four windows of 6,000 tokens; the counters
        // reset at the sixth sample (the server restarted: every counter starts again); a NaN leaves out the two
        // windows it ends and starts; one more window of 6,000 tokens makes five at 4 running: 100 tokens/s.
        // Then a minute where no request finished as the gauge falls to 0, and one of 20 requests with it at 0.
        let labels = ["instance": "a:8000", "model_name": "m"]
        let series: [Series] = [
            ("vllm:prompt_tokens_total", labels, ["0", "24000", "48000", "72000", "96000", "24000", "48000", "72000", "96000", "96000", "120000"]),
            ("vllm:generation_tokens_total", labels, ["0", "6000", "12000", "18000", "24000", "6000", "NaN", "18000", "24000", "24000", "30000"]),
            ("vllm:request_success_total", labels.merging(["finished_reason": "stop"]) { a, _ in a },
             ["0", "20", "40", "60", "80", "20", "40", "60", "80", "80", "100"]),
            ("vllm:num_requests_running", labels, ["4", "4", "4", "4", "4", "4", "4", "4", "4", "0", "0"]),
        ]
        let reading = try Self.read(series)
        #expect(reading.points == [Self.point(4, 100)])
        #expect(reading.notes == [
            "r.json:3:242: note: $.data.result[1].values[6]: 2 windows with a NaN or infinite sample: left out of the fit, the first at this sample",
            "r.json:2:217: note: $.data.result[0].values[5]: 1 window across a counter reset: left out of the fit, the first at this sample",
            "r.json:5:278: note: $.data.result[3].values[9]: 1 window with no request finished: left out of the fit, the first at this sample",
            "r.json:5:297: note: $.data.result[3].values[10]: 1 window with under 1 request running: left out of the fit, the first at this sample"])
    }

    @Test func aRangeWithoutAUsableWindowIsRefusedWithItsCounts() {
        // Idle: the gauge at 0 and no request finished, then a counter reset.
        let labels = ["instance": "a:8000"]
        let idle = Self.body([("vllm:prompt_tokens_total", labels, ["10", "10", "0"]), ("vllm:generation_tokens_total", labels, ["5", "5", "0"]),
                              ("vllm:request_success_total", labels, ["1", "1", "0"]), ("vllm:num_requests_running", labels, ["0", "0", "0"])])
        #expect(Self.error(idle) == "r.json:1:66: error: $.data.result: expected a window with requests running and finishing, found none in 2 windows of 1 server (1 across a counter reset, 1 with no request finished)")
    }

    @Test func aSampleMissingOrAStepSkippedLeavesItsWindowsOut() throws {
        // The gauge misses its third sample (two windows without it); every series misses the eighth (a scrape
        // gap): the window across it spans two steps. The minutes 0 to 1, 3 to 6 and 8 to 9 remain: 5 windows.
        var series = Self.server(running: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])
        series[3].values[2] = nil
        for k in series.indices { series[k].values[7] = nil }
        let reading = try Self.read(series)
        #expect(reading.points == [Self.point(2, 100)])
        #expect(reading.notes == ["r.json:2:185: note: $.data.result[0].values[2]: 3 windows with a sample missing: left out of the fit, the first at this sample"])
    }

    @Test func aFinishedReasonsCounterThatStartsLaterCountsFromItsFirstWindow() throws {
        // vLLM V0 creates a finished_reason's series at its first request: "length" appears at the fourth sample.
        // The window it appears in is left out (one end missing); before, it adds nothing. 5 windows remain.
        var series = Self.server(running: [2, 2, 2, 2, 2, 2, 2])
        let length = series[2].labels.merging(["finished_reason": "length"]) { _, b in b }
        series.append(("vllm:request_success_total", length, [nil, nil, nil, "0", "0", "0", "0"]))
        let reading = try Self.read(series)
        #expect(reading.points == [Self.point(2, 100)])
        #expect(reading.notes == ["r.json:5:201: note: $.data.result[3].values[3]: 1 window with a sample missing: left out of the fit, the first at this sample"])
    }

    @Test func severalFilesAreOneRange() throws {
        // A query a file: the counters in one, the gauge in the other. The last minute is in both, with the same value.
        let series = Self.server(running: [2, 2, 2, 2, 2, 2])
        let counters = Data(Self.body(Array(series.prefix(3))).utf8)
        var gauge = series[3]
        gauge.values[0] = nil
        let first = Data(Self.body([(gauge.name, gauge.labels, [series[3].values[0], series[3].values[1]])]).utf8)
        let reading = try BenchmarkFile.read([("counters.json", counters), ("a.json", first), ("b.json", Data(Self.body([gauge]).utf8))], format: .prometheus)
        #expect(reading.points == [Self.point(2, 100)])
        // A time the files disagree on.
        gauge.values[1] = "3"
        #expect(throws: BenchmarkFileError(file: "b.json", location: SourceLocation(line: 2, column: 144), path: "$.data.result[0].values[0]",
                                           message: "expected 2, the value a.json gives this series at 1796292060, found 3")) {
            try BenchmarkFile.read([("counters.json", counters), ("a.json", first), ("b.json", Data(Self.body([gauge]).utf8))], format: .prometheus)
        }
    }

    @Test func oneModelIsReadOrChosen() throws {
        let two = Self.server("a:8000", model: "llama-8b", running: [2, 2, 2, 2, 2, 2])
            + Self.server("b:8000", model: "qwen-7b", generation: 9_000, running: [2, 2, 2, 2, 2, 2])
        #expect(Self.error(Self.body(two)) == #"r.json:6:119: error: $.data.result[4].metric.model_name: expected the series of one model, found "qwen-7b" beside "llama-8b": choose one with --model-name"#)
        #expect(try Self.read(two, servedModel: "qwen-7b").points == [Self.point(2, 150, output: 450)])
        #expect(Self.error(Self.body(two), servedModel: "mistral")
                == #"r.json:1:66: error: $.data.result: expected series of model_name "mistral" (--model-name), found "llama-8b", "qwen-7b""#)
    }

    @Test func theFixtureOfTwoServersGivesTwoPoints() throws {
        // prometheus-vllm-range.json: Llama 3.1 8B on two H100 servers, 14 one-minute samples from 10:00 UTC.
        // 8 running: 12 windows of 48,000 tokens and 160 requests, 2 with the gauge at 8 and 7 (7.5, rounded 8)
        // of 45,000 tokens and 150 requests (each request at 100 tokens/s). 666,000 tokens ÷ 840 s = 792.86,
        // × 8 ÷ (111 ÷ 14 running on average) = 800 tokens/s; 2,664,000 ÷ 2,220 = 1,200 input, 666,000 ÷ 2,220 = 300 output.
        // 16 running: 6 windows of 86,400 tokens and 288 requests: 1,440 tokens/s, 345,600 ÷ 288 = 1,200 and 300.
        let data = try Data(contentsOf: BenchmarkFileTests.fixtures.appendingPathComponent("prometheus-vllm-range.json"))
        let reading = try BenchmarkFile.read([("range.json", data)], format: .prometheus)
        #expect(reading.points.map(\.concurrency) == [8, 16])
        for (point, expected) in zip(reading.points, [Self.point(8, 800), Self.point(16, 1_440)]) {
            #expect(abs(point.inputTokens - expected.inputTokens) < 1e-9 && abs(point.outputTokens - expected.outputTokens) < 1e-9)
            #expect(abs(point.measured - expected.measured) < 1e-9, "\(point.measured) against \(expected.measured)")
        }
        // Server b misses its 10:04 scrape; server a idles, trickles 2 requests with the gauge at 0, restarts
        // (its counters reset at 10:03) and climbs from 8 to 16 running in one window.
        #expect(reading.notes == [
            "range.json:69:11: note: $.data.result[3].values[4]: 1 window with a sample missing: left out of the fit, the first at this sample",
            "range.json:86:11: note: $.data.result[4].values[3]: 1 window across a counter reset: left out of the fit, the first at this sample",
            "range.json:47:11: note: $.data.result[2].values[1]: 1 window with no request finished: left out of the fit, the first at this sample",
            "range.json:48:11: note: $.data.result[2].values[2]: 1 window with under 1 request running: left out of the fit, the first at this sample",
            "range.json:56:11: note: $.data.result[2].values[10]: 12 requests running held 1 window (60 s), under the 5 windows and 300 s a load level needs: left out of the fit"])
        let refused = try Data(contentsOf: BenchmarkFileTests.fixtures.appendingPathComponent("prometheus-error.json"))
        #expect(throws: BenchmarkFileError(file: "e.json", location: SourceLocation(line: 1, column: 11), path: "$.status",
                                           message: "Prometheus refused the query (bad_data): exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)")) {
            try BenchmarkFile.read([("e.json", refused)], format: .prometheus)
        }
    }

    @Test func answersThatAreNotWhatTheySeem() {
        let metric = #"{"__name__": "vllm:num_requests_running", "instance": "a"}"#
        func one(_ values: String) -> String { #"{"status": "success", "data": {"resultType": "matrix", "result": [{"metric": \#(metric), "values": \#(values)}]}}"# }
        #expect(Self.error(#"{"status": "success""#) == "r.json:1:21: error: $: not JSON: expected ',' or '}', found the end of the file")
        #expect(Self.error("[]") == "r.json:1:1: error: $: expected an object, found an array")
        #expect(Self.error(#"{"data": {}}"#) == #"r.json:1:1: error: $.status: missing; expected "success" or "error", as Prometheus's HTTP API answers"#)
        #expect(Self.error(#"{"status": "error"}"#) == "r.json:1:12: error: $.status: Prometheus refused the query: no error message")
        #expect(Self.error(#"{"status": "ok"}"#) == #"r.json:1:12: error: $.status: expected "success" or "error", found "ok""#)
        #expect(Self.error(#"{"status": "success", "data": {"resultType": "vector", "result": []}}"#)
                == #"r.json:1:46: error: $.data.resultType: expected "matrix", what /api/v1/query_range answers, found "vector""#)
        #expect(Self.error(#"{"status": "success", "data": {"resultType": "matrix", "result": {}}}"#)
                == "r.json:1:66: error: $.data.result: expected the array of series, found an object")
        #expect(Self.error(#"{"status": "success", "data": {"resultType": "matrix", "result": [{"metric": {"instance": "a"}, "values": []}]}}"#)
                == "r.json:1:78: error: $.data.result[0].metric.__name__: missing; expected the metric's name (query the series themselves, not rate() or sum() of them)")
        #expect(Self.error(#"{"status": "success", "data": {"resultType": "matrix", "result": [{"metric": {"__name__": 3}}]}}"#)
                == "r.json:1:91: error: $.data.result[0].metric.__name__: expected a label value as a string, found 3")
        #expect(Self.error(#"{"status": "success", "data": {"resultType": "matrix", "result": [{"metric": \#(metric)}]}}"#)
                == #"r.json:1:67: error: $.data.result[0].values: missing; expected the array of [time, "value"] samples"#)
        #expect(Self.error(one(#"[[1796292000]]"#)) == #"r.json:1:149: error: $.data.result[0].values[0]: expected a [time, "value"] pair, found an array of 1"#)
        #expect(Self.error(one(#"[["1796292000", "1"]]"#)) == #"r.json:1:150: error: $.data.result[0].values[0][0]: expected a Unix time in seconds, found "1796292000""#)
        #expect(Self.error(one(#"[[1796292000, "1"], [1796292000, "2"]]"#))
                == #"r.json:1:169: error: $.data.result[0].values[1][0]: expected a time after the sample before's, 1796292000, found 1796292000"#)
        #expect(Self.error(one(#"[[1796292000, 7]]"#)) == "r.json:1:162: error: $.data.result[0].values[0][1]: expected a number as a string, found 7")
        #expect(Self.error(one(#"[[1796292000, "0x1p3"]]"#)) == #"r.json:1:162: error: $.data.result[0].values[0][1]: expected a number as a string, found "0x1p3""#)
        #expect(Self.error(one(#"[[1796292000, "-3"]]"#)) == #"r.json:1:162: error: $.data.result[0].values[0][1]: expected a count, 0 or more, found "-3""#)
        // The gauge alone: the counters were not selected.
        #expect(Self.error(one(#"[[1796292000, "+Inf"], [1796292060.5, "1e+21"]]"#))
                == #"r.json:1:66: error: $.data.result: expected series of vllm:prompt_tokens_total, found none (select {__name__=~"vllm:(prompt_tokens_total|generation_tokens_total|num_requests_running|request_success_total)"})"#)
    }

    @Test func otherMetricsAreNotReadAndSaySo() throws {
        let series = Self.server(running: [2, 2, 2, 2, 2, 2]) + [("vllm:num_requests_waiting", ["instance": "10.0.0.1:8000"], ["0", "1"]),
                                                                 ("vllm:prompt_tokens_created", ["instance": "10.0.0.1:8000"], ["1.7e9"])]
        let reading = try Self.read(series)
        #expect(reading.points == [Self.point(2, 100)])
        #expect(reading.notes == ["r.json:6:25: note: $.data.result[4].metric.__name__: 2 series of other metrics not read (the first vllm:num_requests_waiting)"])
    }

    @Test func prometheusWritesItsValuesAsGoFormatsThem() {
        #expect(PrometheusRange.value("6000") == 6000)
        #expect(PrometheusRange.value("0.25") == 0.25)
        #expect(PrometheusRange.value("1e+21") == 1e21)
        #expect(PrometheusRange.value("+Inf") == .infinity)
        #expect(PrometheusRange.value("-Inf") == -.infinity)
        #expect(PrometheusRange.value("NaN")?.isNaN == true)
        for text in ["", "nan", "inf", "Infinity", "0x10", "1_000", " 1", "1,5"] { #expect(PrometheusRange.value(text) == nil, "\(text)") }
    }
}
