/// Vertex AI's publisher models (Gemini, and partner models Google serves) as Cloud Monitoring
/// counts their traffic: `projects.timeSeries.list` responses
/// (`GET https://monitoring.googleapis.com/v3/projects/PROJECT/timeSeries`), saved as they come,
/// one a file, an array or JSON Lines of pages. A page is a `ListTimeSeriesResponse`
/// (`timeSeries`, `nextPageToken`, `executionErrors`, `unit`; proto3 JSON leaves out what is
/// empty, so a page without data is `{}`), each `TimeSeries` with `metric {type, labels}`,
/// `resource {type, labels}`, `metricKind`, `valueType` and `points` of
/// `{interval {startTime, endTime}, value {int64Value}}`, an int64 written as a string
/// (cloud.google.com/monitoring/api/ref_v3/rest/v3/TimeSeries; googleapis `google/monitoring/v3`).
///
/// Two metrics of the `aiplatform.googleapis.com/PublisherModel` resource are read, both DELTA
/// and INT64 (Google Cloud metrics, "aiplatform", cloud.google.com/monitoring/api/metrics_gcp_a_b):
/// `publisher/online_serving/token_count`, "Accumulated input/output token count", whose `type`
/// label is "Type of token (input/output)" (no cache reads are split off: the cached share is
/// unknown, `UsageFormat.splitsCachedInput`), and `publisher/online_serving/model_invocation_count`,
/// "Number of model invocations (prediction requests)", whose `response_code` other than 2xx is a
/// failed request, left out. The resource labels name the model: `publisher` and `model_user_id`
/// make `google/gemini-2.5-pro`, the catalog's and OpenRouter's name for it; `location`,
/// `model_version_id`, `resource_container` and `project_id` group it. The metrics' other labels
/// (`request_type`, `max_token_size`, `modality`, `source`, `method`…) are summed over, as the two
/// metrics share none a bucket could be split by. Series of other metrics are left out and counted.
///
/// A bucket is a point's interval, and the same hour must be the same bucket in every export: a
/// point must span one alignment period dividing a day, from a multiple of it since UTC midnight,
/// which `aggregation.perSeriesAligner=ALIGN_SUM` with `aggregation.alignmentPeriod=3600s` and an
/// `interval.endTime` on a whole hour gives (aligned points end at the interval's end). Raw points
/// and rates are refused with that request.
enum VertexMonitoringImporter {
    /// The two metrics read, by their type.
    enum Metric: String {
        case tokenCount = "aiplatform.googleapis.com/publisher/online_serving/token_count"
        case invocationCount = "aiplatform.googleapis.com/publisher/online_serving/model_invocation_count"
    }

    static let otherMetric = "series of other metrics"
    static let otherTokenType = "token_count series of a type other than input and output"
    static let failed = "model invocations that failed (response_code not 2xx)"
    static let aggregation = "request aggregation.perSeriesAligner=ALIGN_SUM with aggregation.alignmentPeriod=3600s and interval.endTime on a whole hour"

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        // Each point of a series once, from the last response that holds it, in the order first read.
        var points = LatestByKey<String, MonitoringPoint>()
        var period: (seconds: Int64, path: String)?
        // Cloud Monitoring lists one metric type a call, so tokens and invocations come as two
        // responses; a bucket holds both, and a later import replaces a bucket whole.
        var firstInvocations: JSONRecord?, hasTokens = false
        for response in export.documents {
            for series in try self.series(response) {
                let (figure, labels) = try self.figure(series)
                if case .leftOut(let reason) = figure {
                    sink.skip(reason)
                    continue
                }
                if figure == .input || figure == .output { hasTokens = true } else if firstInvocations == nil { firstInvocations = series }
                let resource = try self.labels(series.child("resource"), "resource")
                guard let model = resource["model_user_id"], !model.isEmpty else {
                    throw series.error("resource", "expected the model in labels.model_user_id; group the series by resource.label.model_user_id")
                }
                let name = resource["publisher"].map { $0.isEmpty ? model : "\($0)/\(model)" } ?? model
                let dimensions = UsageDimensions(["location", "model_version_id", "resource_container", "project_id"].map { ($0, resource[$0]) })
                let identity = UsageDimensions(labels.map { ($0.key, $0.value) } + resource.map { ("resource." + $0.key, $0.value) }).text
                for point in try series.array("points") {
                    try point.requireObject("a point")
                    let (start, seconds) = try span(point, period: &period)
                    guard let value = point.child("value") else { throw point.error(nil, "missing key \"value\"") }
                    try value.requireObject("a typed value {\"int64Value\": …}")
                    let kept = MonitoringPoint(key: ImportSession.Key(start: start, seconds: seconds, model: name, dimensions: dimensions.text),
                                               dimensions: dimensions, figure: figure, value: try value.requiredCount("int64Value"), place: point.place)
                    if points.keep(kept, for: "\(figure) \(identity) \(start) \(seconds)") { sink.skip(MonitoringPoint.repeated) }
                }
            }
        }
        if let invocations = firstInvocations, !hasTokens {
            throw invocations.error("metric", "model_invocation_count without token_count: a bucket holds both, and alone these "
                                    + "would replace the tokens of the same hours an earlier import stored; save both metrics' "
                                    + "responses in one file (JSON Lines, a response a line)")
        }
        try MonitoringPoint.add(points.values, failed: failed, file: export.file, into: &sink)
    }

    /// A response's series; an error response, or one that says its data may be incomplete, is
    /// refused with what it says.
    static func series(_ response: JSONRecord) throws -> [JSONRecord] {
        try response.requireObject("a timeSeries.list response (an object with \"timeSeries\")")
        if let error = response.child("error"), error.node.value != .null {
            // Google APIs' error model: {"error": {"code", "message", "status"}} (cloud.google.com/apis/design/errors).
            let said = [error.node["code"].flatMap { $0.number == nil ? nil : $0.quoted }, error.node["status"]?.string,
                        error.node["message"]?.string.map { "\"\($0)\"" }].compactMap { $0 }.joined(separator: " ")
            throw response.error("error", "an error response\(said.isEmpty ? "" : " (\(said))"), not time series; save the response of a successful projects.timeSeries.list")
        }
        let known = ["timeSeries", "nextPageToken", "executionErrors", "unit"]
        if let members = response.node.members, !members.isEmpty, !members.contains(where: { known.contains($0.key) }) {
            throw response.error(nil, "expected a timeSeries.list response (\"timeSeries\", \"nextPageToken\"…), found an object with \(members.count == 1 ? "the key" : "the keys") \(members.prefix(3).map { "\"\($0.key)\"" }.joined(separator: ", "))")
        }
        if let errors = try response.array("executionErrors").first {
            throw errors.error(nil, "the response says its time series may be incomplete (executionErrors); query again and save a response without them")
        }
        return try response.array("timeSeries")
    }

    /// What a series' points count, and its metric labels.
    static func figure(_ series: JSONRecord) throws -> (MonitoringPoint.Figure, [String: String]) {
        try series.requireObject("a time series")
        guard let metric = series.child("metric") else { throw series.error(nil, "missing key \"metric\"") }
        try metric.requireObject("a metric {\"type\", \"labels\"}")
        let type = try metric.requiredString("type")
        guard let read = Metric(rawValue: type) else { return (.leftOut(otherMetric), [:]) }
        guard let kind = try series.string("metricKind") else { throw series.error(nil, "missing key \"metricKind\"") }
        guard kind == "DELTA" else {
            throw series.error("metricKind", "expected DELTA (counts per interval, as \(type.split(separator: "/").last ?? "") is), found \"\(kind)\"; \(aggregation)")
        }
        guard let valueType = try series.string("valueType") else { throw series.error(nil, "missing key \"valueType\"") }
        guard valueType == "INT64" else {
            throw series.error("valueType", "expected INT64 (whole counts), found \"\(valueType)\"; \(aggregation)")
        }
        let labels = try self.labels(metric, "metric")
        if read == .invocationCount {
            guard let code = labels["response_code"] else { return (.requests, labels) }
            return (code.hasPrefix("2") ? .requests : .failedRequests, labels)
        }
        switch labels["type"] {
        case "input": return (.input, labels)
        case "output": return (.output, labels)
        case nil: throw metric.error("labels", "expected the token type in labels.type (input or output); group the series by metric.label.type")
        default: return (.leftOut(otherTokenType), labels)
        }
    }

    /// A series' labels (strings); absent: none.
    static func labels(_ owner: JSONRecord?, _ what: String) throws -> [String: String] {
        guard let labels = owner?.child("labels"), labels.node.value != .null else { return [:] }
        guard let members = labels.node.members else { throw labels.error(nil, "expected the \(what)'s labels, an object of strings, found \(labels.node.quoted)") }
        var out: [String: String] = [:]
        for member in members { out[member.key] = try labels.string(member.key) }
        return out
    }

    /// A point's interval as a bucket: its start and width, refused unless aligned (see above),
    /// and unless of the same period as the file's first point (two periods over the same hours
    /// would count them twice).
    static func span(_ point: JSONRecord, period: inout (seconds: Int64, path: String)?) throws -> (Int64, Int64) {
        guard let interval = point.child("interval") else { throw point.error(nil, "missing key \"interval\"") }
        try interval.requireObject("an interval {\"startTime\", \"endTime\"}")
        let form = "an RFC 3339 time such as 2026-01-15T13:00:00Z"
        let start = try interval.time("startTime", expected: form), end = try interval.time("endTime", expected: form)
        let seconds = end - start
        guard MonitoringPoint.isAligned(start: start, seconds: seconds) else {
            let from = try interval.string("startTime") ?? "", to = try interval.string("endTime") ?? ""
            throw interval.error(nil, "expected a point of an aligned series (one alignment period that divides a day, from a multiple of it since UTC midnight), found \(from) to \(to); \(aggregation)")
        }
        if let period, period.seconds != seconds {
            throw interval.error(nil, "expected the alignment period of the file's first point (\(period.seconds) s at \(period.path)), found \(seconds) s; periods of two widths over the same hours would count them twice")
        }
        if period == nil { period = (seconds, point.path) }
        return (start, seconds)
    }
}
