/// One request from a per-request source (a LiteLLM spend log row, an OpenTelemetry span).
struct UsageRequest: Sendable, Hashable {
    /// The exporter's unique id (`request_id`; trace and span id): what makes a second import
    /// of the same request change nothing.
    var id: String
    /// Unix seconds, UTC.
    var time: Int64
    var model: String
    var dimensions: UsageDimensions = .none
    var batch: Bool?
    var usage: TokenUsage
    var place: UsagePlace?
}
