import BreakevenCore

/// A complete month of the selection as `fit` uses it: each model read from its chosen format,
/// requests counted (or derived from prompt tokens where the export counts none).
struct FitMonth: Sendable {
    var month: CalendarMonth
    var requests = 0.0
    var input = 0.0
    var cached = 0.0
    var output = 0.0
    /// nil where some model's batch traffic is unknown.
    var batchRequests: Double? = 0
    /// nil where some model's export has no cache writes.
    var cacheWrite: Double? = 0
    /// nil where some model's export carries no amounts (or amounts in two currencies).
    var billed: Double? = 0
    var currency: String?
    /// Whether some requests were derived from prompt tokens.
    var derived = false
    var formats: Set<UsageFormat> = []
    var files: Set<String> = []
    /// The narrowest bucket among the rows (seconds).
    var finestBucket: Int64 = .max

    init(month: CalendarMonth) {
        self.month = month
    }

    var requestsPerDay: Double { requests / Double(month.days) }

    /// Adds a model's row; `tokensPerRequest` counts its requests when the export has none.
    mutating func add(_ row: UsageMonth, tokensPerRequest: Double?, files names: [String]) {
        let f = row.figures
        let counted = f.requests.map(Double.init)
        let r = counted ?? (tokensPerRequest.map { $0 > 0 ? Double(f.inputTokens) / $0 : 0 } ?? 0)
        derived = derived || counted == nil
        requests += r
        input += Double(f.inputTokens)
        cached += Double(f.cachedInputTokens)
        output += Double(f.outputTokens)
        // Batch requests where counted; else the batch share of tokens applied to the requests.
        let batch: Double? = f.batchRequests.map(Double.init) ?? (f.batchTokens.map { f.tokens > 0 ? r * Double($0) / Double(f.tokens) : 0 })
        batchRequests = batchRequests.flatMap { b in batch.map { b + $0 } }
        cacheWrite = cacheWrite.flatMap { w in f.cacheWriteTokens.map { w + Double($0) } }
        if currency == nil || currency == f.currency, let amount = f.billed {
            billed = billed.map { $0 + amount }
            currency = f.currency
        } else {
            billed = nil
        }
        formats.insert(row.format)
        files.formUnion(names)
        finestBucket = min(finestBucket, row.finestBucket)
    }
}
