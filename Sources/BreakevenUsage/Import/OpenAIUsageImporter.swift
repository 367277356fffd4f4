/// OpenAI's Usage API, completions: `GET /v1/organization/usage/completions` pages
/// (`{"object": "page", "data": [bucket…], "has_more", "next_page"}`), following the API
/// reference's `UsageCompletionsResult` (OpenAI's OpenAPI spec, as generated into
/// oapicf/openapi-openai `docs/UsageCompletionsResult.md`) and the cookbook "How to use the
/// Usage API and Cost API" (cookbook.openai.com/examples/completions_usage_api).
///
/// A bucket has `start_time`/`end_time` (Unix seconds; any width: 1m, 1h, 1d) and `results`,
/// one per group; `input_tokens` includes the cached ones, and a group key the request did not
/// group by is null.
enum OpenAIUsageImporter {
    static let resultObject = "organization.usage.completions.result"

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        try BucketPages.read(export, page: "a usage page (an object with \"data\")", bucket: "a bucket", into: &sink,
                             document: isPage, span: span) { result, start, seconds, sink in
            try sink.add(try bucket(result, start: start, seconds: seconds))
        }
    }

    /// A page's `object`, where written, is "page" (the usage and costs endpoints' alike).
    static func isPage(_ page: JSONRecord) throws {
        if let object = try page.string("object"), object != "page" {
            throw page.error("object", "expected \"page\", found \"\(object)\"")
        }
    }

    /// A bucket's `start_time` and `end_time`, Unix seconds.
    static func span(_ bucket: JSONRecord) throws -> (Int64, Int64) {
        let start = try bucket.requiredCount("start_time")
        let end = try bucket.requiredCount("end_time")
        guard Timestamp.usable.contains(start) else {
            throw bucket.error("start_time", "expected Unix seconds \(Timestamp.usableText), found \(start)")
        }
        guard end > start else {
            throw bucket.error("end_time", "expected a time after start_time \(start), found \(end)")
        }
        guard end <= Timestamp.usable.upperBound else {
            throw bucket.error("end_time", "expected Unix seconds \(Timestamp.usableText), found \(end)")
        }
        return (start, end)
    }

    static func bucket(_ r: JSONRecord, start: Int64, seconds: Int64) throws -> UsageBucket {
        try r.requireObject("a usage result")
        if let object = try r.string("object"), object != resultObject {
            throw r.error("object", "expected \"\(resultObject)\" (the completions endpoint), found \"\(object)\"")
        }
        let input = try r.requiredCount("input_tokens")
        let cached = try r.count("input_cached_tokens") ?? 0
        guard cached <= input else {
            throw r.error("input_cached_tokens", "expected at most input_tokens (\(input)), which include the cached ones, found \(cached)")
        }
        let batch = try r.bool("batch")
        let dimensions = UsageDimensions([
            ("project_id", try r.string("project_id")), ("user_id", try r.string("user_id")),
            ("api_key_id", try r.string("api_key_id")), ("service_tier", try r.string("service_tier")),
            ("batch", batch.map { $0 ? "true" : "false" }),
        ])
        return UsageBucket(start: start, seconds: seconds, model: try r.string("model") ?? "", dimensions: dimensions, batch: batch,
                           requests: try r.requiredCount("num_model_requests"),
                           usage: TokenUsage(input: input, cachedInput: cached, output: try r.requiredCount("output_tokens")), place: r.place)
    }
}
