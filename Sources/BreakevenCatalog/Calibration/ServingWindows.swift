import BreakevenCore

/// A running vLLM deployment's own metrics, scraped by Prometheus, as calibration points: each
/// server's counters between consecutive samples give a window of served traffic, and windows at the
/// same number of requests running are pooled into one point.
///
/// The metrics (vllm-project/vllm, V1 `vllm/v1/metrics/loggers.py` `PrometheusStatLogger` at 005a810,
/// labels `model_name` and `engine`; V0 `vllm/engine/metrics.py` `Metrics` at 00c33e8, label
/// `model_name`): the counters `vllm:prompt_tokens_total` and `vllm:generation_tokens_total` (V1
/// declares them without `_total`, which prometheus_client adds when it exposes a counter), the counter
/// `vllm:request_success_total` of finished requests, one series per `finished_reason` (stop,
/// length, abort…: every finished request, whose tokens the token counters hold too), and the gauge
/// `vllm:num_requests_running`, the requests in the engine's batch. Prometheus adds `instance` and
/// `job` (and whatever its relabelling keeps, such as `pod`).
///
/// A server is a label set without `__name__` and `finished_reason` (an instance, a pod, an
/// engine of a data-parallel server): one replica. A window between two consecutive samples of a
/// server, one query step apart, gives Δprompt, Δgeneration, Δrequests finished (summed over the
/// reasons), Δt, and the requests running on average (the mean of the gauge's two samples). It is
/// left out when a sample is missing (or the step between is longer), NaN or infinite, a counter
/// went down (a restart), no request finished, or under 1 request was running. Windows at the same
/// rounded requests running are one load level, a point once it holds `minimumWindows` windows and
/// `minimumSeconds`: input and output tokens a request ΣΔprompt ÷ ΣΔrequests and ΣΔgeneration ÷
/// ΣΔrequests, the output throughput of a replica ΣΔgeneration ÷ ΣΔt scaled by the level ÷ the mean
/// running, as GuideLLM's rate levels are (`GuideLLMReport`): by Little's law tokens/s ÷ requests in
/// flight is each request's own rate, and the capacity model predicts for the level always running.
/// What is left out is said in located notes; a range without a level to calibrate from is refused.
enum ServingWindows {
    enum Metric: String, CaseIterable {
        case prompt = "vllm:prompt_tokens_total"
        case generation = "vllm:generation_tokens_total"
        case running = "vllm:num_requests_running"
        case finished = "vllm:request_success_total"
    }

    static let names = Set(Metric.allCases.map(\.rawValue))
    /// The one query that selects them all.
    static let query = #"{__name__=~"vllm:(prompt_tokens_total|generation_tokens_total|num_requests_running|request_success_total)"}"#
    /// A load level makes a point from 5 windows and 5 minutes (5 one-minute steps, 20 of 15 s): a few
    /// samples of a gauge are not a level the server held.
    static let minimumWindows = 5
    static let minimumSeconds = 300.0

    /// Why a window is left out, in the order the notes give them.
    enum Exclusion: CaseIterable {
        case missing, notANumber, reset, idle, underOne

        var words: String {
            switch self {
            case .missing: return "with a sample missing"
            case .notANumber: return "with a NaN or infinite sample"
            case .reset: return "across a counter reset"
            case .idle: return "with no request finished"
            case .underOne: return "with under 1 request running"
            }
        }
    }

    /// One server's series.
    struct Server {
        var key: String
        var prompt, generation, running: [Double: PrometheusRange.Sample]
        var finished: [[Double: PrometheusRange.Sample]]
        var times: [Double]

        /// A sample at `time` to locate a note at: the gauge's, else a counter's.
        func anchor(_ time: Double) -> PrometheusRange.Place? {
            ([running, prompt, generation] + finished).lazy.compactMap { $0[time]?.at }.first
        }
    }

    /// What pooled windows of a level add up to.
    struct Level {
        var windows = 0
        var seconds = 0.0, prompt = 0.0, generation = 0.0, requests = 0.0
        /// Σ mean running × Δt.
        var runningSeconds = 0.0
        var first: PrometheusRange.Place
    }

    /// Every server's windows: pooled by level, or counted by why they were left out.
    struct Pool {
        var levels: [Int: Level] = [:]
        var left: [Exclusion: (count: Int, first: PrometheusRange.Place)] = [:]
        var windows = 0
    }

    static func points(_ range: PrometheusRange, servedModel: String?,
                       notes: inout [String]) throws(BenchmarkFileError) -> [CalibrationMeasurement] {
        if let other = range.firstOther {
            notes.append(other.at.note("\(count(range.otherSeries, "series", "series")) of other metrics not read (the first \(other.name))"))
        }
        let series = try chosen(range, servedModel)
        for metric in Metric.allCases where !series.contains(where: { $0.name == metric.rawValue }) {
            throw range.result.fail("expected series of \(metric.rawValue), found none (select \(query))")
        }
        let servers = Self.servers(series)
        let pool = try Self.pool(servers, step: step(series))
        for why in Exclusion.allCases {
            guard let (n, at) = pool.left[why] else { continue }
            notes.append(at.note("\(count(n, "window", "windows")) \(why.words): left out of the fit, the first at this sample"))
        }
        var out: [CalibrationMeasurement] = []
        for (running, level) in pool.levels.sorted(by: { $0.key < $1.key }) {
            let held = "\(count(running, "request", "requests")) running held \(count(level.windows, "window", "windows")) (\(PrometheusRange.text(level.seconds)) s)"
            guard level.windows >= minimumWindows, level.seconds >= minimumSeconds else {
                notes.append(level.first.note("\(held), under the \(minimumWindows) windows and \(PrometheusRange.text(minimumSeconds)) s a load level needs: left out of the fit"))
                continue
            }
            guard level.generation > 0 else {
                notes.append(level.first.note("\(held) without an output token: left out of the fit"))
                continue
            }
            let input = level.prompt / level.requests, output = level.generation / level.requests
            guard input <= 1e12, output <= 1e12 else {
                throw level.first.fail("expected at most 1e12 tokens a request at \(held), found \(PrometheusRange.text(max(input, output)))")
            }
            // Little's law: the throughput at the level always running, from the mean that ran.
            let measured = level.generation / level.seconds * Double(running) / (level.runningSeconds / level.seconds)
            guard measured < 1e12 else { throw level.first.fail("expected under 1e12 output tokens a second at \(held), found \(PrometheusRange.text(measured))") }
            out.append(CalibrationMeasurement(inputTokens: input, outputTokens: output, concurrency: running, metric: .servingOutput, measured: measured))
        }
        guard out.isEmpty else { return out }
        guard !pool.levels.isEmpty else {
            let why = Exclusion.allCases.compactMap { e in pool.left[e].map { "\($0.count) \(e.words)" } }
            throw range.result.fail("expected a window with requests running and finishing, found none in \(count(pool.windows, "window", "windows")) "
                                    + "of \(count(servers.count, "server", "servers"))" + (why.isEmpty ? "" : " (\(why.joined(separator: ", ")))"))
        }
        let held = pool.levels.sorted { $0.key < $1.key }.map { "\($0.key) for \(count($0.value.windows, "window", "windows"))" }
        throw range.result.fail("expected a load level held for \(minimumWindows) windows and \(PrometheusRange.text(minimumSeconds)) s with output tokens, "
                                + "found requests running \(held.joined(separator: ", "))")
    }

    /// The query's step: the shortest time between two samples of a series (0 where none has two).
    private static func step(_ series: [PrometheusRange.Series]) -> Double {
        series.compactMap { s in zip(s.samples, s.samples.dropFirst()).map { seconds($0.time, $1.time) }.min() }.min() ?? 0
    }

    /// The time between two samples, to the millisecond Prometheus writes times in: two times near 1.8e9
    /// with different fractions differ by up to 2.4e-7 s more or less (1796292000.1 − 1796292000 =
    /// 0.10000014), which the step and a level's time would carry.
    private static func seconds(_ t0: Double, _ t1: Double) -> Double {
        ((t1 - t0) * 1000).rounded() / 1000
    }

    private static func pool(_ servers: [Server], step: Double) throws(BenchmarkFileError) -> Pool {
        var pool = Pool()
        for server in servers {
            for (t0, t1) in zip(server.times, server.times.dropFirst()) {
                pool.windows += 1
                switch try window(server, t0, t1, step: step) {
                case .left(let why, let at):
                    pool.left[why, default: (0, at)].count += 1
                case .pooled(let level, let running, let prompt, let generation, let requests, let at):
                    let seconds = Self.seconds(t0, t1)
                    var sum = pool.levels[level] ?? Level(first: at)
                    sum.windows += 1
                    sum.seconds += seconds
                    sum.prompt += prompt
                    sum.generation += generation
                    sum.requests += requests
                    sum.runningSeconds += running * seconds
                    pool.levels[level] = sum
                }
            }
        }
        return pool
    }

    /// The series of the model chosen by `--model-name`, or of the one model the range holds.
    private static func chosen(_ range: PrometheusRange, _ servedModel: String?) throws(BenchmarkFileError) -> [PrometheusRange.Series] {
        func model(_ s: PrometheusRange.Series) -> String { s.labels["model_name"] ?? "" }
        var models: [String] = []
        for s in range.series where !models.contains(model(s)) { models.append(model(s)) }
        if let servedModel {
            let series = range.series.filter { model($0) == servedModel }
            guard !series.isEmpty else {
                throw range.result.fail("expected series of model_name \"\(servedModel)\" (--model-name), found "
                                        + (models.isEmpty ? "no vLLM series" : models.map { "\"\($0)\"" }.joined(separator: ", ")))
            }
            return series
        }
        if models.count > 1, let second = range.series.first(where: { model($0) == models[1] }) {
            throw second.place(ofLabel: "model_name").fail("expected the series of one model, found \"\(models[1])\" beside \"\(models[0])\": choose one with --model-name")
        }
        return range.series
    }

    /// The servers, in the order of their labels.
    private static func servers(_ series: [PrometheusRange.Series]) -> [Server] {
        var byKey: [String: Server] = [:]
        for s in series {
            let key = s.labels.filter { $0.key != "finished_reason" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            var server = byKey[key] ?? Server(key: key, prompt: [:], generation: [:], running: [:], finished: [], times: [])
            let samples = Dictionary(s.samples.map { ($0.time, $0) }, uniquingKeysWith: { first, _ in first })
            switch Metric(rawValue: s.name) {
            case .prompt: server.prompt = samples
            case .generation: server.generation = samples
            case .running: server.running = samples
            case .finished: server.finished.append(samples)
            case nil: continue
            }
            server.times += s.samples.map(\.time)
            byKey[key] = server
        }
        return byKey.values.sorted { $0.key < $1.key }.map { server in
            var s = server
            s.times = Array(Set(s.times)).sorted()
            return s
        }
    }

    enum Window {
        case left(Exclusion, PrometheusRange.Place)
        /// A window's level (its mean running, rounded), mean running, tokens and requests, and its gauge's sample.
        case pooled(level: Int, running: Double, prompt: Double, generation: Double, requests: Double, at: PrometheusRange.Place)
    }

    /// The window of `server` from `t0` to `t1`, or why it is left out.
    static func window(_ server: Server, _ t0: Double, _ t1: Double, step: Double) throws(BenchmarkFileError) -> Window {
        let anchor = server.anchor(t1) ?? server.anchor(t0) ?? PrometheusRange.Place(file: "", location: .start, path: "")
        guard seconds(t0, t1) <= step * 1.5,
              let p0 = server.prompt[t0], let p1 = server.prompt[t1], let g0 = server.generation[t0], let g1 = server.generation[t1],
              let r0 = server.running[t0], let r1 = server.running[t1] else { return .left(.missing, anchor) }
        // Each finished reason's counter at both ends; one that has no sample at either had not started.
        var counters = [(p0, p1), (g0, g1)]
        for reason in server.finished {
            switch (reason[t0], reason[t1]) {
            case (nil, nil): continue
            case (let f0?, let f1?): counters.append((f0, f1))
            default: return .left(.missing, anchor)
            }
        }
        let samples = counters.flatMap { [$0.0, $0.1] } + [r0, r1]
        if let bad = samples.first(where: { !$0.value.isFinite }) { return .left(.notANumber, bad.at) }
        if let reset = counters.first(where: { $0.1.value < $0.0.value }) { return .left(.reset, reset.1.at) }
        let requests = counters.dropFirst(2).reduce(0.0) { $0 + $1.1.value - $1.0.value }
        guard requests > 0 else { return .left(.idle, anchor) }
        let running = (r0.value + r1.value) / 2
        guard running >= 1 else { return .left(.underOne, r1.at) }
        guard running <= 1e6 else {
            let high = r0.value > r1.value ? r0 : r1
            throw high.at.fail("expected at most 1,000,000 requests running, found \(PrometheusRange.text(high.value))")
        }
        return .pooled(level: Int(running.rounded()), running: running, prompt: p1.value - p0.value, generation: g1.value - g0.value,
                       requests: requests, at: r1.at)
    }

    private static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}
