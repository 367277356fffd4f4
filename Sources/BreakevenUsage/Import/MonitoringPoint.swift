/// A point of a monitoring system's time series read as one figure of a usage bucket: Cloud
/// Monitoring's (`vertex`) and Azure Monitor's (`azure-monitor`) alike count tokens and requests
/// as series of points per interval, which are summed per interval, model and group.
struct MonitoringPoint {
    /// What a point counts; a series left out says why.
    enum Figure: Hashable { case input, output, requests, failedRequests, leftOut(String) }

    var key: ImportSession.Key
    var dimensions: UsageDimensions
    var figure: Figure
    var value: Int64
    var place: UsagePlace

    /// A point a file holds twice (overlapping responses, one saved twice) is taken from the later one.
    static let repeated = "points repeated by a later response in the file"

    /// A point's interval is a bucket only where the same hour is the same bucket in every
    /// export: one period that divides a day, from a multiple of it since UTC midnight.
    static func isAligned(start: Int64, seconds: Int64) -> Bool {
        seconds >= 60 && 86_400 % seconds == 0 && start % seconds == 0
    }

    /// The points summed per period, model and group: tokens by type, and requests where some
    /// request count falls in the bucket (else unknown, nil); a failed request's point is left
    /// out as `failed`.
    static func add(_ points: [MonitoringPoint], failed: String, file: String, into sink: inout some UsageSink) throws {
        var buckets: [UsageBucket] = []
        var index: [ImportSession.Key: Int] = [:]
        for p in points {
            sink.cover(from: p.key.start, to: p.key.start + p.key.seconds)
            let k = index[p.key] ?? buckets.count
            if k == buckets.count {
                index[p.key] = k
                buckets.append(UsageBucket(start: p.key.start, seconds: p.key.seconds, model: p.key.model, dimensions: p.dimensions, batch: nil,
                                           requests: nil, usage: TokenUsage(input: 0, cacheWrite: nil, output: 0), place: p.place))
            }
            let span = "one period of \(p.key.model)"
            switch p.figure {
            case .input: buckets[k].usage.input = try UsageCeiling.sum(buckets[k].usage.input, p.value, "input tokens", of: span, file: file)
            case .output: buckets[k].usage.output = try UsageCeiling.sum(buckets[k].usage.output, p.value, "output tokens", of: span, file: file)
            case .requests: buckets[k].requests = try UsageCeiling.sum(buckets[k].requests, p.value, "requests", of: span, file: file)
            case .failedRequests:
                buckets[k].requests = buckets[k].requests ?? 0
                sink.skip(failed)
            case .leftOut(let reason):
                // The importers leave such series out before they make points; said as they are, were one to arrive.
                sink.skip(reason)
            }
        }
        for bucket in buckets { try sink.add(bucket) }
    }
}
