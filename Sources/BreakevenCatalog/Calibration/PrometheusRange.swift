import BreakevenCore

/// The answer of Prometheus's range query, `GET /api/v1/query_range`, as a set of series: the metrics
/// of a running deployment that `ServingWindows` turns into calibration points.
///
/// The shape, from Prometheus's HTTP API reference (prometheus/prometheus `docs/querying/api.md`,
/// "Format overview", "Range queries" and "Range vectors"): `{"status": "success", "data":
/// {"resultType": "matrix", "result": [{"metric": {"__name__": NAME, LABEL: VALUE…}, "values":
/// [[UNIX_TIME, "VALUE"], …]}, …]}}`, or `{"status": "error", "errorType", "error"}` when the query
/// was refused. Times are seconds with up to three decimals and values are strings, as JSON has no
/// NaN or infinity (`util/jsonutil/marshal.go`: `MarshalTimestamp`; `MarshalFloat`, Go's
/// `strconv.AppendFloat`, writes "NaN", "+Inf" and "-Inf"). A range query answers a raw selector with
/// the series' own samples at each step (one step apart, none where the series was absent).
///
/// Only the series of `names` are read; the others are counted, to be named in a note. The series
/// of several files (a query each, or ranges one after another) are merged by their label sets: a
/// time two files both hold must carry the same value.
struct PrometheusRange {
    /// Where a value stood: its file, line and column, and JSON path.
    struct Place {
        var file: String
        var location: SourceLocation
        var path: String

        func fail(_ message: String) -> BenchmarkFileError {
            BenchmarkFileError(file: file, location: location, path: path, message: message)
        }

        /// What was left out on purpose, located as a refusal is.
        func note(_ message: String) -> String {
            Diagnostic.line(file: file, line: location.line, column: location.column, path: path, severity: .note, message)
        }
    }

    struct Sample {
        var time: Double
        /// NaN or infinite where Prometheus wrote "NaN", "+Inf" or "-Inf".
        var value: Double
        var at: Place
    }

    struct Series {
        /// `__name__`.
        var name: String
        /// The other labels.
        var labels: [String: String]
        /// In time order, one sample a time.
        var samples: [Sample]
        /// The series' `metric` object.
        var at: Place
        /// Where each label's value stands.
        var labelLocations: [String: SourceLocation]

        /// Where a label's value stands (the `metric` object where the series has none).
        func place(ofLabel label: String) -> Place {
            Place(file: at.file, location: labelLocations[label] ?? at.location, path: "\(at.path).\(label)")
        }
    }

    private(set) var series: [Series] = []
    /// The first file's `$.data.result`: where refusals about the whole range stand.
    private(set) var result = Place(file: "", location: .start, path: "$.data.result")
    /// Series of metrics not read, and the first of them.
    private(set) var otherSeries = 0
    private(set) var firstOther: (name: String, at: Place)?
    private var index: [String: Int] = [:]

    /// The series of `names` in each document, merged.
    init(_ documents: [(root: JSONNode, reader: BenchmarkFile.Reader)], names: Set<String>) throws(BenchmarkFileError) {
        for (root, r) in documents { try add(root, r, names: names) }
        for k in series.indices { try series[k].merge() }
    }

    private mutating func add(_ root: JSONNode, _ r: BenchmarkFile.Reader, names: Set<String>) throws(BenchmarkFileError) {
        let answer = try r.object(root, "$")
        guard let status = answer["status"] else { throw r.fail(answer, "$.status", "missing; expected \"success\" or \"error\", as Prometheus's HTTP API answers") }
        if status.string == "error" {
            let type = answer["errorType"]?.string.map { " (\($0))" } ?? ""
            throw r.fail(status, "$.status", "Prometheus refused the query\(type): \(answer["error"]?.string ?? "no error message")")
        }
        guard status.string == "success" else { throw r.fail(status, "$.status", "expected \"success\" or \"error\", found \(status.quoted)") }
        let data = try r.member(answer, "data", "$")
        guard let type = data["resultType"] else { throw r.fail(data, "$.data.resultType", "missing; expected \"matrix\"") }
        guard type.string == "matrix" else {
            throw r.fail(type, "$.data.resultType", "expected \"matrix\", what /api/v1/query_range answers, found \(type.quoted)")
        }
        guard let list = data["result"] else { throw r.fail(data, "$.data.result", "missing; expected the array of series") }
        guard let elements = list.elements else { throw r.fail(list, "$.data.result", "expected the array of series, found \(list.quoted)") }
        if result.file.isEmpty { result = Place(file: r.file, location: list.location, path: "$.data.result") }
        for (s, element) in elements.enumerated() {
            let at = "$.data.result[\(s)]"
            let metric = try r.member(try r.object(element, at), "metric", at)
            var labels: [String: String] = [:], labelLocations: [String: SourceLocation] = [:]
            for member in metric.members ?? [] {
                guard let value = member.value.string else {
                    throw r.fail(member.value, "\(at).metric.\(member.key)", "expected a label value as a string, found \(member.value.quoted)")
                }
                labels[member.key] = value
                labelLocations[member.key] = member.value.location
            }
            guard let name = labels.removeValue(forKey: "__name__") else {
                throw r.fail(metric, "\(at).metric.__name__", "missing; expected the metric's name (query the series themselves, not rate() or sum() of them)")
            }
            let place = Place(file: r.file, location: metric.location, path: "\(at).metric")
            guard names.contains(name) else {
                otherSeries += 1
                if firstOther == nil { firstOther = (name, Place(file: r.file, location: labelLocations["__name__"] ?? metric.location, path: "\(at).metric.__name__")) }
                continue
            }
            let samples = try Self.samples(element, at, r)
            let key = ([name] + labels.sorted { $0.key < $1.key }.flatMap { [$0.key, $0.value] }).joined(separator: "\u{0}")
            if let k = index[key] {
                series[k].samples += samples
            } else {
                index[key] = series.count
                series.append(Series(name: name, labels: labels, samples: samples, at: place, labelLocations: labelLocations))
            }
        }
    }

    /// A series' `values`, each `[time, "value"]`, in increasing time.
    private static func samples(_ element: JSONNode, _ at: String, _ r: BenchmarkFile.Reader) throws(BenchmarkFileError) -> [Sample] {
        guard let list = element["values"] else { throw r.fail(element, "\(at).values", "missing; expected the array of [time, \"value\"] samples") }
        guard let values = list.elements else { throw r.fail(list, "\(at).values", "expected the array of [time, \"value\"] samples, found \(list.quoted)") }
        var out: [Sample] = []
        out.reserveCapacity(values.count)
        for (k, pair) in values.enumerated() {
            let vAt = "\(at).values[\(k)]"
            guard let parts = pair.elements, parts.count == 2 else {
                throw r.fail(pair, vAt, "expected a [time, \"value\"] pair, found \(pair.elements.map { "an array of \($0.count)" } ?? pair.quoted)")
            }
            guard let time = parts[0].number, time >= 0, time < 1e11 else {
                throw r.fail(parts[0], "\(vAt)[0]", "expected a Unix time in seconds, found \(parts[0].quoted)")
            }
            if let last = out.last, time <= last.time {
                throw r.fail(parts[0], "\(vAt)[0]", "expected a time after the sample before's, \(Self.text(last.time)), found \(parts[0].quoted)")
            }
            guard let text = parts[1].string, let value = Self.value(text) else {
                throw r.fail(parts[1], "\(vAt)[1]", "expected a number as a string, found \(parts[1].quoted)")
            }
            guard !(value.isFinite && value < 0) else { throw r.fail(parts[1], "\(vAt)[1]", "expected a count, 0 or more, found \(parts[1].quoted)") }
            out.append(Sample(time: time, value: value, at: Place(file: r.file, location: pair.location, path: vAt)))
        }
        return out
    }

    /// A time or value as a message quotes it: 1796299260, 1796299260.5, NaN, +Inf.
    static func text(_ n: Double) -> String {
        if n.isNaN { return "NaN" }
        if n.isInfinite { return n > 0 ? "+Inf" : "-Inf" }
        return n == n.rounded() && abs(n) < 1e15 ? String(Int64(n)) : "\(n)"
    }

    /// A sample value as Prometheus writes it: a decimal or exponent number, "NaN", "+Inf" or "-Inf"
    /// (Swift's own parser would also take hexadecimal and "nan").
    static func value(_ text: String) -> Double? {
        switch text {
        case "NaN": return .nan
        case "+Inf": return .infinity
        case "-Inf": return -.infinity
        default:
            guard !text.isEmpty, text.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || "+-.eE".utf8.contains($0) }),
                  let n = Double(text), n.isFinite else { return nil }
            return n
        }
    }
}

extension PrometheusRange.Series {
    /// Samples of several files in time order; a time twice must carry the same value (NaN as NaN),
    /// and the first file's sample is kept.
    mutating func merge() throws(BenchmarkFileError) {
        guard samples.count > 1 else { return }
        let ordered = samples.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
        var kept: [PrometheusRange.Sample] = []
        kept.reserveCapacity(ordered.count)
        for sample in ordered {
            guard let last = kept.last, sample.time == last.time else {
                kept.append(sample)
                continue
            }
            guard sample.value == last.value || (sample.value.isNaN && last.value.isNaN) else {
                throw sample.at.fail("expected \(PrometheusRange.text(last.value)), the value \(last.at.file) gives this series at "
                                     + "\(PrometheusRange.text(sample.time)), found \(PrometheusRange.text(sample.value))")
            }
        }
        samples = kept
    }
}
