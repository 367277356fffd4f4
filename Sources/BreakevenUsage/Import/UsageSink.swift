/// Where an importer puts what it reads: the database's import session, or a test's list.
protocol UsageSink {
    mutating func add(_ bucket: UsageBucket) throws
    mutating func add(_ request: UsageRequest) throws
    /// The time span the file covers (its first bucket's start to its last bucket's end), even
    /// where its buckets are empty: a month is complete only if some file covers all of it.
    mutating func cover(from start: Int64, to end: Int64)
    /// A record left out on purpose (a failed request, a tax line), counted by reason so that
    /// the import can say what it did not take.
    mutating func skip(_ reason: String)
    /// Something left out that a reader should find in the file (a log's last line cut short),
    /// printed as a located `note:`.
    mutating func note(at place: UsagePlace, _ message: String)
}

/// The hours a per-request file's requests fall in, from the hour of the first request to the
/// end of the last one's: what the file covers.
struct RequestSpan {
    private var first: Int64?
    private var last: Int64 = 0

    mutating func add(_ time: Int64) {
        first = min(first ?? time, time)
        last = max(last, time)
    }

    func cover(_ sink: inout some UsageSink) {
        if let first { sink.cover(from: first - first % 3600, to: last - last % 3600 + 3600) }
    }
}

extension UsageSink {
    /// A file's requests, once all are read (a session log's, kept once a response), and the hours
    /// they fall in as what the file covers.
    mutating func add(requests: some Sequence<UsageRequest>) throws {
        var span = RequestSpan()
        for request in requests {
            try add(request)
            span.add(request.time)
        }
        span.cover(&self)
    }
}
