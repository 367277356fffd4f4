/// The figures of a bucket while a file is read: summed as records of the same key arrive
/// (a bill's input, output and cache lines of one hour; the requests of one hour).
struct BucketFigures: Sendable, Hashable {
    var batch: Bool?
    var requests: Int64?
    var usage: TokenUsage
    /// The last record summed in, named by a problem of the sum.
    var place: UsagePlace?

    init(_ b: UsageBucket) {
        batch = b.batch
        requests = b.requests
        usage = b.usage
        place = b.place
    }

    init(_ r: UsageRequest) {
        batch = r.batch
        requests = 1
        usage = r.usage
        place = r.place
    }

    /// Both together; a figure one side lacks is the other's (absent from both stays absent). A
    /// sum refused is placed at the record `o` came from: the one that takes it past the ceiling.
    func adding(_ o: BucketFigures, of span: String = "one hour and group", file: String) throws -> BucketFigures {
        var sum = self
        sum.batch = batch == o.batch ? batch : nil
        do {
            sum.requests = try UsageCeiling.sum(requests, o.requests, "requests", of: span, file: file)
            sum.usage = try usage.adding(o.usage, of: span, file: file)
        } catch let error as UsageImportError {
            throw error.at(o.place)
        }
        sum.place = o.place ?? place
        return sum
    }

    /// The amount in micro-units (money is stored as integers).
    func billedMicros(file: String) throws -> Int64? {
        guard let billed = usage.billed else { return nil }
        guard billed.isFinite, abs(billed) < 9e12 else {
            throw UsageImportError(file: file, "an amount of \(billed) cannot be stored").at(place)
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
