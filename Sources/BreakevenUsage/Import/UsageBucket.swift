/// Usage an exporter aggregated over a time bucket for one group: a result of an OpenAI or
/// Anthropic usage page, or the token lines of a bill for one hour or day.
struct UsageBucket: Sendable, Hashable {
    /// Unix seconds, UTC.
    var start: Int64
    var seconds: Int64
    var model: String
    var dimensions: UsageDimensions = .none
    /// nil where the export does not say whether the traffic was batch.
    var batch: Bool?
    /// nil where the export counts no requests.
    var requests: Int64?
    var usage: TokenUsage
    var place: UsagePlace?
}
