/// Anthropic's Admin API usage report: `GET /v1/organizations/usage_report/messages` pages
/// (`{"data": [{"starting_at", "ending_at", "results": […]}], "has_more", "next_page"}`), as
/// the API reference "Get Messages Usage Report" (platform.claude.com/docs/en/api/admin/
/// usage_report/retrieve_messages) documents them: RFC 3339 bucket bounds, and per result
/// `uncached_input_tokens`, `cache_read_input_tokens`, `cache_creation.ephemeral_5m_input_tokens`
/// and `…_1h_input_tokens`, `output_tokens`, and the group keys (`model`, `service_tier`,
/// `context_window`, `workspace_id`, `api_key_id`…), null when not grouped by.
///
/// The report counts no requests; batch traffic is the `batch` service tier.
enum AnthropicUsageImporter {
    static let groupKeys = ["workspace_id", "api_key_id", "service_tier", "context_window", "inference_geo", "speed",
                            "account_id", "service_account_id"]

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        try BucketPages.read(export, page: "a usage report page (an object with \"data\")", bucket: "a time bucket", into: &sink,
                             span: span) { result, start, seconds, sink in
            try sink.add(try bucket(result, start: start, seconds: seconds))
        }
    }

    /// A time bucket's `starting_at` and `ending_at` (the usage and cost reports' alike).
    static func span(_ bucket: JSONRecord) throws -> (Int64, Int64) {
        let start = try time(bucket, "starting_at")
        let end = try time(bucket, "ending_at")
        guard end > start else {
            throw bucket.error("ending_at", "expected a time after starting_at, found \(bucket.node["ending_at"]?.quoted ?? "")")
        }
        return (start, end)
    }

    static func time(_ r: JSONRecord, _ key: String) throws -> Int64 {
        try r.time(key, expected: "an RFC 3339 time such as 2025-08-01T00:00:00Z")
    }

    static func bucket(_ r: JSONRecord, start: Int64, seconds: Int64) throws -> UsageBucket {
        try r.requireObject("a usage result")
        let uncached = try r.requiredCount("uncached_input_tokens")
        let read = try r.count("cache_read_input_tokens") ?? 0
        var written: Int64 = 0
        if let creation = r.child("cache_creation"), creation.node.value != .null {
            try creation.requireObject("an object with ephemeral_5m_input_tokens and ephemeral_1h_input_tokens")
            written = (try creation.count("ephemeral_5m_input_tokens") ?? 0) + (try creation.count("ephemeral_1h_input_tokens") ?? 0)
        }
        let tier = try r.string("service_tier")
        var pairs: [(String, String?)] = []
        for key in groupKeys { pairs.append((key, try r.string(key))) }
        return UsageBucket(start: start, seconds: seconds, model: try r.string("model") ?? "", dimensions: UsageDimensions(pairs),
                           batch: tier.map { $0 == "batch" }, requests: nil,
                           usage: TokenUsage(input: uncached + read + written, cachedInput: read, cacheWrite: written,
                                             output: try r.requiredCount("output_tokens")), place: r.place)
    }
}
