/// One request from a per-request source (a LiteLLM spend log row, an OpenTelemetry span).
struct UsageRequest: Sendable, Hashable {
    /// The exporter's unique id (`request_id`; trace and span id): what makes a second import
    /// of the same request change nothing.
    public var id: String
    /// Unix seconds, UTC.
    public var time: Int64
    public var model: String
    public var dimensions: UsageDimensions
    public var batch: Bool?
    /// Every prompt token, cached ones included.
    public var inputTokens: Int64
    public var cachedInputTokens: Int64
    public var cacheWriteTokens: Int64?
    public var outputTokens: Int64
    public var billed: Double?
    public var currency: String?

    public init(id: String, time: Int64, model: String, dimensions: UsageDimensions = .none, batch: Bool? = nil,
                inputTokens: Int64, cachedInputTokens: Int64 = 0, cacheWriteTokens: Int64? = nil, outputTokens: Int64,
                billed: Double? = nil, currency: String? = nil) {
        self.id = id
        self.time = time
        self.model = model
        self.dimensions = dimensions
        self.batch = batch
        self.inputTokens = inputTokens
        self.cachedInputTokens = cachedInputTokens
        self.cacheWriteTokens = cacheWriteTokens
        self.outputTokens = outputTokens
        self.billed = billed
        self.currency = currency
    }
}
