/// The tokens one record of an export counts and what the export says they were charged: what
/// a bucket and a request both carry, and what an import sums per hour and group.
struct TokenUsage: Sendable, Hashable {
    /// Every prompt token: uncached, cache reads and cache writes.
    var input: Int64
    /// Prompt tokens read from the provider's cache (a part of `input`).
    var cachedInput: Int64 = 0
    /// Prompt tokens written to the cache (a part of `input`); nil where not exported.
    var cacheWrite: Int64?
    var output: Int64
    /// What the export says was charged, in `currency`; nil where it carries no amounts.
    var billed: Double?
    var currency: String?

    /// Both together; a figure one side lacks is the other's (absent from both stays absent).
    /// Counts past `UsageCeiling` are refused, never wrapped or trapped.
    func adding(_ o: TokenUsage, of span: String, file: String) throws -> TokenUsage {
        if let a = currency, let b = o.currency, a != b {
            throw UsageImportError(file: file, "amounts in \(a) and \(b) for the same hour and group; one currency per group is expected")
        }
        return TokenUsage(input: try UsageCeiling.sum(input, o.input, "input tokens", of: span, file: file),
                          cachedInput: try UsageCeiling.sum(cachedInput, o.cachedInput, "cached input tokens", of: span, file: file),
                          cacheWrite: try UsageCeiling.sum(cacheWrite, o.cacheWrite, "cache write tokens", of: span, file: file),
                          output: try UsageCeiling.sum(output, o.output, "output tokens", of: span, file: file),
                          billed: billed.map { $0 + (o.billed ?? 0) } ?? o.billed, currency: currency ?? o.currency)
    }
}
