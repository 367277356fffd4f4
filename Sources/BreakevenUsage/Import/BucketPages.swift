/// The time-bucketed pages the providers' organization APIs answer with (OpenAI's usage and
/// costs endpoints, Anthropic's usage and cost reports): documents of `data[]` buckets, each with
/// its span and `results`. Each bucket's span is covered (a month is complete only if some file
/// covers it, empty buckets included), and `each` is given its results with the bucket's start
/// and width.
enum BucketPages {
    /// - Parameters:
    ///   - page, bucket: what a page and a bucket are called when they are not objects.
    ///   - document: a check of each page beyond being an object.
    ///   - span: a bucket's start and end, Unix seconds, refused unless the end is later.
    static func read<Sink: UsageSink>(_ export: JSONExport, page: String, bucket: String, into sink: inout Sink,
                                      document: (JSONRecord) throws -> Void = { _ in }, span: (JSONRecord) throws -> (Int64, Int64),
                                      _ each: (JSONRecord, Int64, Int64, inout Sink) throws -> Void) throws {
        for doc in export.documents {
            try doc.requireObject(page)
            try document(doc)
            for b in try doc.array("data", required: true) {
                try b.requireObject(bucket)
                let (start, end) = try span(b)
                sink.cover(from: start, to: end)
                for result in try b.array("results") {
                    try each(result, start, end - start, &sink)
                }
            }
        }
    }
}
