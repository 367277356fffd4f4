/// The figures of a bucket while a file is read: summed as records of the same key arrive
/// (a bill's input, output and cache lines of one hour; the requests of one hour).
struct BucketFigures: Sendable, Hashable {
    var batch: Bool?
    var requests: Int64?
    var input: Int64
    var cached: Int64
    var cacheWrite: Int64?
    var output: Int64
    var billed: Double?
    var currency: String?

    init(_ b: UsageBucket) {
        batch = b.batch
        requests = b.requests
        input = b.inputTokens
        cached = b.cachedInputTokens
        cacheWrite = b.cacheWriteTokens
        output = b.outputTokens
        billed = b.billed
        currency = b.currency
    }

    init(_ r: UsageRequest) {
        batch = r.batch
        requests = 1
        input = r.inputTokens
        cached = r.cachedInputTokens
        cacheWrite = r.cacheWriteTokens
        output = r.outputTokens
        billed = r.billed
        currency = r.currency
    }

    /// Both together; a figure one side lacks is the other's (absent from both stays absent).
    func adding(_ o: BucketFigures, file: String) throws -> BucketFigures {
        if let a = currency, let b = o.currency, a != b {
            throw UsageImportError(file: file, "amounts in \(a) and \(b) for the same hour and group; one currency per group is expected")
        }
        var sum = self
        sum.batch = batch == o.batch ? batch : nil
        sum.requests = BucketFigures.add(requests, o.requests)
        sum.input += o.input
        sum.cached += o.cached
        sum.cacheWrite = BucketFigures.add(cacheWrite, o.cacheWrite)
        sum.output += o.output
        sum.billed = BucketFigures.add(billed, o.billed)
        sum.currency = currency ?? o.currency
        return sum
    }

    static func add<T: AdditiveArithmetic>(_ a: T?, _ b: T?) -> T? {
        switch (a, b) {
        case (nil, nil): return nil
        default: return (a ?? .zero) + (b ?? .zero)
        }
    }

    /// The amount in micro-units (money is stored as integers).
    func billedMicros(file: String) throws -> Int64? {
        guard let billed else { return nil }
        guard billed.isFinite, abs(billed) < 9e12 else {
            throw UsageImportError(file: file, "an amount of \(billed) cannot be stored")
        }
        return Int64((billed * 1_000_000).rounded())
    }

    /// "1h", "1d", "1m", "90s".
    static func width(_ seconds: Int64) -> String {
        if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
