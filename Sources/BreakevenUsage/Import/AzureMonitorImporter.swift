/// Azure OpenAI (Azure AI Foundry) traffic as Azure Monitor counts it: the platform metrics of a
/// `Microsoft.CognitiveServices/accounts` resource, as the Metrics REST API returns them
/// (`GET https://management.azure.com/{resourceUri}/providers/Microsoft.Insights/metrics`,
/// azure-rest-api-specs `specification/monitor/resource-manager/Microsoft.Insights/stable/2024-02-01/metrics_API.json`,
/// `Response`: `timespan`, `interval`, `value[]` of `Metric` from
/// `specification/monitor/common-types/v2/commonMonitoringTypes.json`: `id`, `name {value,
/// localizedValue}`, `unit`, `errorCode`/`errorMessage`, `timeseries[]` of `metadatavalues[]`
/// (`{name {value}, value}`, a dimension the `$filter` split by) and `data[]` of `MetricValue`
/// (`timeStamp`, and `total`, `average`… as requested)), and as `az monitor metrics list` prints the
/// same response (azure-cli `command_modules/monitor/custom.py` returns the SDK's `Response`,
/// which `todict` writes with every absent aggregation as null, times as `isoformat()`
/// (`…+00:00`) and the `interval` duration as Python writes a `timedelta`, `1:00:00`). One a file,
/// an array or JSON Lines of responses.
///
/// Metrics read (Azure Monitor's supported metrics for Microsoft.CognitiveServices/accounts,
/// MicrosoftDocs/azure-monitor-docs `articles/azure-monitor/reference/supported-metrics/microsoft-cognitiveservices-accounts-metrics.md`),
/// all Count, Total (Sum): input tokens from `InputTokens` or `ProcessedPromptTokens`, output
/// tokens from `OutputTokens` or `GeneratedTokens`, requests from `ModelRequests` or
/// `AzureOpenAIRequests`, whose `StatusCode` other than 2xx is a failed request, left out. No
/// metric of an OpenAI model splits cached prompt tokens off (`AzureOpenAIContextTokensCacheMatchRate`
/// is a percentage), so the cached share is unknown (`UsageFormat.splitsCachedInput`). The model is
/// the `ModelName` dimension under the catalog's name for Azure (`azure/gpt-4o`, LiteLLM's key and
/// `litellm_provider`); the `ModelDeploymentName` dimension and the account (from the metric's
/// `id`) group it; other dimensions are summed over. Other metrics are left out and counted.
///
/// A bucket is a point's interval: the response's `interval` from the point's `timeStamp` (its
/// start), which must divide a day and start on a multiple of it since UTC midnight, so that the
/// same hour is the same bucket in every export. A point with no `total` and no other aggregation
/// is an interval in which nothing was reported: Azure Monitor calls it a missing ("null") value,
/// which its charts draw as zero for a sum (azure-monitor-docs `articles/azure-monitor/metrics/metrics-troubleshoot.md`,
/// "Chart shows dashed line"): no traffic, no bucket, the interval covered.
enum AzureMonitorImporter {
    /// The metrics read, by their name in the REST API; two count each figure.
    enum Metric: String, CaseIterable {
        case inputTokens = "InputTokens", processedPromptTokens = "ProcessedPromptTokens"
        case outputTokens = "OutputTokens", generatedTokens = "GeneratedTokens"
        case modelRequests = "ModelRequests", azureOpenAIRequests = "AzureOpenAIRequests"

        /// What the metric counts, as the figure of a successful point.
        var figure: MonitoringPoint.Figure {
            switch self {
            case .inputTokens, .processedPromptTokens: return .input
            case .outputTokens, .generatedTokens: return .output
            case .modelRequests, .azureOpenAIRequests: return .requests
            }
        }

        static func named(_ name: String) -> Metric? { allCases.first { $0.rawValue.lowercased() == name.lowercased() } }
    }

    static let otherMetric = "metrics other than token and request counts"
    static let failed = "request counts of failed requests (StatusCode not 2xx)"
    static let query = "request aggregation=Total with interval=PT1H (or P1D) and a timespan on whole hours"
    static let split = "$filter=ModelDeploymentName eq '*' and ModelName eq '*'"

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        // Each point of a series once, from the last response that holds it, in the order first read.
        var points = LatestByKey<String, MonitoringPoint>()
        var period: (seconds: Int64, line: Int)?
        // The metric each figure is read from, and where it was first found.
        var sources: [MonitoringPoint.Figure: (metric: Metric, record: JSONRecord)] = [:]
        for response in export.documents {
            var seconds: Int64?
            for metric in try metrics(response) {
                try metric.requireObject("a metric {\"name\", \"timeseries\"…}")
                guard let name = metric.child("name") else { throw metric.error(nil, "missing key \"name\"") }
                try name.requireObject("a name {\"value\", \"localizedValue\"}")
                let value = try name.requiredString("value")
                guard let read = Metric.named(value) else {
                    sink.skip(otherMetric)
                    continue
                }
                if let code = try metric.string("errorCode"), code != "Success" {
                    let said = try metric.string("errorMessage").map { ": \"\($0)\"" } ?? ""
                    throw metric.error("errorCode", "the query of \(value) failed (\(code)\(said)); query it again and save a response whose metrics say \"Success\"")
                }
                if let first = sources[read.figure], first.metric != read {
                    throw name.error("value", "\(read.rawValue) counts what \(first.metric.rawValue) (at \(first.record.path)) counts; "
                                     + "request one of them, as both would count the same tokens or requests twice")
                }
                if sources[read.figure] == nil { sources[read.figure] = (read, metric) }
                let account = try metric.string("id").flatMap(accountName)
                for series in try metric.array("timeseries", required: true) {
                    let dimensions = try self.dimensions(series)
                    guard let model = dimensions["modelname"], let deployment = dimensions["modeldeploymentname"] else {
                        // The supported-metrics reference lists no ModelName dimension for these two.
                        let instead = read == .processedPromptTokens || read == .generatedTokens
                            ? " (\(read.rawValue) has no ModelName: request InputTokens and OutputTokens)" : ""
                        throw series.error(nil, "expected the ModelName and ModelDeploymentName dimensions in metadatavalues; "
                                           + "split the series by both: \(split)\(instead)")
                    }
                    var figure = read.figure
                    if figure == .requests, let status = dimensions["statuscode"], !status.hasPrefix("2") { figure = .failedRequests }
                    let group = UsageDimensions([("account", account), ("deployment", deployment)])
                    let identity = UsageDimensions(dimensions.map { ($0.key, $0.value) } + [("metric", read.rawValue), ("account", account)]).text
                    for point in try series.array("data") {
                        try point.requireObject("a metric value {\"timeStamp\", \"total\"}")
                        let start = try point.time("timeStamp", expected: "an ISO 8601 time such as 2026-01-15T10:00:00Z")
                        let width = try seconds ?? interval(response, period: &period)
                        seconds = width
                        guard MonitoringPoint.isAligned(start: start, seconds: width) else {
                            throw point.error("timeStamp", "expected the start of an interval of \(width) s from UTC midnight, found "
                                              + "\"\(try point.string("timeStamp") ?? "")\"; \(query)")
                        }
                        guard let total = try total(point) else {
                            sink.cover(from: start, to: start + width)
                            continue
                        }
                        // A failed request's zero counts no request: nothing to leave out.
                        if figure == .failedRequests && total == 0 { continue }
                        let kept = MonitoringPoint(key: ImportSession.Key(start: start, seconds: width, model: "azure/\(model)", dimensions: group.text),
                                                   dimensions: group, figure: figure, value: total, place: point.place)
                        if points.keep(kept, for: "\(identity) \(start) \(width)") { sink.skip(MonitoringPoint.repeated) }
                    }
                }
            }
        }
        try requireEveryFigure(sources)
        try MonitoringPoint.add(points.values, failed: failed, file: export.file, into: &sink)
    }

    /// A bucket holds tokens and requests, and a later import replaces a bucket whole: a figure
    /// missing from the file would replace the same hours' stored one with nothing.
    static func requireEveryFigure(_ sources: [MonitoringPoint.Figure: (metric: Metric, record: JSONRecord)]) throws {
        if let requests = sources[.requests], sources[.input] == nil && sources[.output] == nil {
            throw requests.record.error("name", "\(requests.metric.rawValue) without token counts: a bucket holds both, and alone these "
                                        + "would replace the tokens of the same hours an earlier import stored; request InputTokens, "
                                        + "OutputTokens and \(requests.metric.rawValue) and save the responses in one file")
        }
        for (has, lacks, wanted) in [(MonitoringPoint.Figure.input, "output", "OutputTokens"), (.output, "input", "InputTokens")] {
            if let found = sources[has], sources[has == .input ? .output : .input] == nil {
                throw found.record.error("name", "\(found.metric.rawValue) without \(wanted): a bucket holds both, and its \(lacks) "
                                         + "tokens would be stored as 0; request \(wanted) in the same query")
            }
        }
    }

    /// A response's metrics; an error response is refused with what it says.
    static func metrics(_ response: JSONRecord) throws -> [JSONRecord] {
        try response.requireObject("a metrics response (an object with \"value\")")
        // An error: Azure Resource Manager's {"error": {"code", "message"}} (the spec's `default`
        // response), or {"code", "message"} bare, as the metrics service answers (Azure/azure-sdk-for-net#29584).
        let wrapped = response.child("error").flatMap { $0.node.value == .null ? nil : $0 }
        if let error = wrapped ?? (response.node["value"] == nil && response.node["code"]?.string != nil ? response : nil) {
            let said = [error.node["code"]?.string, error.node["message"]?.string.map { "\"\($0)\"" }].compactMap { $0 }.joined(separator: " ")
            throw response.error(wrapped == nil ? "code" : "error", "an error response\(said.isEmpty ? "" : " (\(said))"), not metrics; save the response of a successful metrics query")
        }
        guard response.node["value"] != nil else {
            let keys = response.node.members?.prefix(3).map { "\"\($0.key)\"" } ?? []
            if keys.isEmpty { throw response.error(nil, "missing key \"value\"") }
            throw response.error(nil, "expected a metrics response (\"timespan\", \"interval\", \"value\"), found an object with "
                                 + "\(keys.count == 1 ? "the key" : "the keys") \(keys.joined(separator: ", "))")
        }
        return try response.array("value", required: true)
    }

    /// A series' dimensions, by lowercased name (the API answers a `$filter` on `ModelName` with
    /// `modelname`, as the REST examples' `Tier` comes back `tier`).
    static func dimensions(_ series: JSONRecord) throws -> [String: String] {
        try series.requireObject("a time series {\"metadatavalues\", \"data\"}")
        var out: [String: String] = [:]
        for entry in try series.array("metadatavalues") {
            try entry.requireObject("a dimension {\"name\": {\"value\"}, \"value\"}")
            guard let name = entry.child("name") else { throw entry.error(nil, "missing key \"name\"") }
            try name.requireObject("a name {\"value\", \"localizedValue\"}")
            out[try name.requiredString("value").lowercased()] = try entry.string("value") ?? ""
        }
        return out
    }

    /// A point's `total`, a whole count; nil where nothing was reported. A point that carries
    /// another aggregation and no total is refused: an average or a maximum is no count.
    static func total(_ point: JSONRecord) throws -> Int64? {
        if let total = try point.count("total") { return total }
        let others = ["average", "minimum", "maximum", "count"].filter { point.node[$0].map { $0.value != .null } ?? false }
        guard others.isEmpty else {
            throw point.error(nil, "expected the total (a sum of tokens or requests), found only \(others.joined(separator: ", ")); \(query)")
        }
        return nil
    }

    /// The response's `interval` in seconds, refused unless of the file's first width (two widths
    /// over the same hours would count them twice).
    static func interval(_ response: JSONRecord, period: inout (seconds: Int64, line: Int)?) throws -> Int64 {
        guard let text = try response.string("interval") else { throw response.error(nil, "missing key \"interval\"; \(query)") }
        guard let seconds = duration(text), seconds > 0 else {
            throw response.error("interval", "expected an ISO 8601 duration such as PT1H or P1D, found \"\(text)\"; \(query)")
        }
        let line = response.child("interval")?.place.line ?? 0
        if let period, period.seconds != seconds {
            throw response.error("interval", "expected the interval of the file's first response (\(period.seconds) s, line \(period.line)), "
                                 + "found \(seconds) s; intervals of two widths over the same hours would count them twice")
        }
        if period == nil { period = (seconds, line) }
        return seconds
    }

    /// Seconds of an ISO 8601 duration of days, hours, minutes and seconds (`PT1H`, `P1D`), or of
    /// the `[D day[s], ]H:MM:SS` Python writes for a `timedelta` (the CLI's `1:00:00`).
    static func duration(_ text: String) -> Int64? {
        if text.hasPrefix("P") {
            var seconds: Int64 = 0, number = "", inTime = false
            for c in text.dropFirst() {
                if c.isASCII && c.isNumber { number.append(c); continue }
                if c == "T" && !inTime && number.isEmpty { inTime = true; continue }
                guard let n = Int64(number), n < 1_000_000 else { return nil }
                switch (c, inTime) {
                case ("D", false): seconds += n * 86_400
                case ("H", true): seconds += n * 3600
                case ("M", true): seconds += n * 60
                case ("S", true): seconds += n
                default: return nil
                }
                number = ""
            }
            return number.isEmpty && text != "P" && text != "PT" ? seconds : nil
        }
        var rest = Substring(text), days: Int64 = 0
        if let comma = rest.firstIndex(of: ",") {
            let words = rest[..<comma].split(separator: " ")
            guard words.count == 2, words[1] == "day" || words[1] == "days", let d = Int64(words[0]), d < 1_000_000 else { return nil }
            days = d
            rest = rest[rest.index(after: comma)...].drop { $0 == " " }
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let h = Int64(parts[0]), let m = Int64(parts[1]), let s = Int64(parts[2]),
              parts[1].count == 2, parts[2].count == 2, (0..<24).contains(h), (0..<60).contains(m), (0..<60).contains(s) else { return nil }
        return days * 86_400 + h * 3600 + m * 60 + s
    }

    /// The account a metric's `id` names (`…/providers/Microsoft.CognitiveServices/accounts/NAME/providers/Microsoft.Insights/metrics/…`).
    static func accountName(_ id: String) -> String? {
        let parts = id.split(separator: "/")
        guard let k = parts.firstIndex(where: { $0.lowercased() == "accounts" }), k + 1 < parts.count else { return nil }
        return String(parts[k + 1])
    }
}
