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
}
