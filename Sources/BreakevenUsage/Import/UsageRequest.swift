/// One request from a per-request source (a LiteLLM spend log row, an OpenTelemetry span).
struct UsageRequest: Sendable, Hashable {
    /// The exporter's unique id (`request_id`; trace and span id): what makes a second import
    /// of the same request change nothing.
    public var id: String
    /// Unix seconds, UTC.
    public var time: Int64
    public var model: String
    public var dimensions: UsageDimensions = .none
    public var batch: Bool?
    /// Every prompt token, cached ones included.
    public var inputTokens: Int64
    public var cachedInputTokens: Int64 = 0
    public var cacheWriteTokens: Int64?
    public var outputTokens: Int64
    public var billed: Double?
    public var currency: String?
}
