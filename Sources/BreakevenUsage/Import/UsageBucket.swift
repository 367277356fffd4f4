/// Usage an exporter aggregated over a time bucket for one group: a result of an OpenAI or
/// Anthropic usage page, or the token lines of a bill for one hour or day.
struct UsageBucket: Sendable, Hashable {
    /// Unix seconds, UTC.
    public var start: Int64
    public var seconds: Int64
    public var model: String
    public var dimensions: UsageDimensions = .none
    /// nil where the export does not say whether the traffic was batch.
    public var batch: Bool?
    /// nil where the export counts no requests.
    public var requests: Int64?
    /// Every prompt token: uncached, cache reads and cache writes.
    public var inputTokens: Int64
    /// Prompt tokens read from the provider's cache (a part of `inputTokens`).
    public var cachedInputTokens: Int64 = 0
    /// Prompt tokens written to the cache (a part of `inputTokens`); nil where not exported.
    public var cacheWriteTokens: Int64?
    public var outputTokens: Int64
    /// What the export says was charged, in `currency`; nil where it carries no amounts.
    public var billed: Double?
    public var currency: String?
}
