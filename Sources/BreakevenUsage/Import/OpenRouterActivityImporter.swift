/// OpenRouter's activity, `GET https://openrouter.ai/api/v1/activity` ("Get user activity grouped
/// by endpoint", management key required), saved as it comes: one response a file, or one a line
/// (JSON Lines of several days' saves). Its shape is the OpenAPI document's (OpenRouterTeam/
/// typescript-sdk `.speakeasy/in.openapi.yaml`: `/activity`, `ActivityResponse`, `ActivityItem`,
/// `BadRequestResponse`; openrouter.ai/docs/api/api-reference/analytics/get-user-activity; the
/// SDK's `src/models/activityitem.ts` reads these snake_case keys before camel-casing them):
/// `{"data": [ActivityItem…]}` for the last 30 completed UTC days (one day with `?date=YYYY-MM-DD`),
/// one row a day, model and endpoint, each with every key required: `date`, `model` (the slug,
/// `openai/gpt-4.1`), `model_permaslug` (`openai/gpt-4.1-2025-04-14`), `endpoint_id`,
/// `provider_name`, `usage` ("Total cost in USD (OpenRouter credits spent)"),
/// `byok_usage_inference` ("BYOK inference cost in USD (external credits spent)"), `requests`,
/// `prompt_tokens`, `completion_tokens` and `reasoning_tokens`; `workspace_id` too with
/// `?group_by=workspace`, which splits rows per workspace. The schema does not close the object:
/// other keys are passed over. A failed call answers `{"error": {"code", "message"}}`.
///
/// A row is a bucket of its UTC day (86,400 s) for the model slug, the name the catalog gives
/// models (`openai/gpt-4.1`), grouped by provider, endpoint, permaslug and workspace. Prompt tokens
/// include the cached ones (`ChatUsage.prompt_tokens_details` in the same document;
/// openrouter.ai/docs/use-cases/usage-accounting), but the activity splits off no cache reads or
/// writes: they are 0 and unknown (nil), as in other exports without cache counts. "Reasoning
/// tokens are considered output tokens" (openrouter.ai/docs/use-cases/reasoning-tokens) and are a
/// part of `completion_tokens` (`ChatUsage.completion_tokens_details.reasoning_tokens`, with
/// `total_tokens` = prompt + completion; the item's own example, 25 of 125): output is the
/// completion tokens, and reasoning above them is refused. What the user paid, in USD, is
/// `usage` + `byok_usage_inference`: on a BYOK row `usage` is only OpenRouter's fee from the
/// credits, 5% of the usual price or none (openrouter.ai/docs/features/byok, /docs/faq), and the
/// inference itself was billed by the provider on the user's own key (usage accounting's
/// `cost_details.upstream_inference_cost`). Nothing says which traffic was batch.
///
/// Saves overlap (each holds 30 days): a row of a later save in the file replaces the earlier
/// save's row of that day and group, as a later file's does in the database. A response filtered
/// by `api_key_hash`, `user_id` or `workspace_id` says nothing of it: keep one kind of save for a
/// period. (The `openrouter_api` crate's `src/api/analytics.rs` sends `start_date`, `end_date`,
/// `sort` and `limit`, which the document does not have; it is not followed.)
enum OpenRouterActivityImporter {
    static let day: Int64 = 86_400
    static let dayForm = "a UTC date YYYY-MM-DD such as 2026-01-15"
    static let repeated = "rows repeated by a later save in the file"

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        // Each day and group once, from the last save that holds it, in the order first read.
        var buckets = LatestByKey<ImportSession.Key, UsageBucket>()
        for response in export.documents {
            var paths: [ImportSession.Key: String] = [:]
            for item in try items(response) {
                let bucket = try self.bucket(item)
                let key = ImportSession.Key(bucket)
                if let first = paths[key] {
                    throw item.error(nil, "the same date, model and endpoint as \(first); expected one row a day, model and endpoint in a response")
                }
                paths[key] = item.path
                sink.cover(from: bucket.start, to: bucket.start + day)
                if buckets.keep(bucket, for: key) { sink.skip(repeated) }
            }
        }
        for bucket in buckets.values { try sink.add(bucket) }
    }

    /// A response's rows; an error response is refused with what it says.
    static func items(_ response: JSONRecord) throws -> [JSONRecord] {
        try response.requireObject("an activity response (an object with \"data\")")
        if let error = response.node["error"], error.value != .null {
            let code = error["code"].flatMap { $0.number == nil ? nil : $0.quoted }
            let message = (error["message"]?.string ?? error.string).map { "\"\($0)\"" }
            let said = [code, message].compactMap { $0 }.joined(separator: " ")
            throw response.error("error", "an error response\(said.isEmpty ? "" : " (\(said))"), not activity; save the response of a successful GET /api/v1/activity (a management key is required)")
        }
        return try response.array("data", required: true)
    }

    static func bucket(_ r: JSONRecord) throws -> UsageBucket {
        try r.requireObject("an activity item")
        if r.node["promptTokens"] != nil {
            throw r.error("promptTokens", "the TypeScript SDK's camel-cased ActivityItem; save the REST response of GET /api/v1/activity, whose keys are snake_case (prompt_tokens)")
        }
        let start = try r.time("date", expected: dayForm)
        // Timestamp also reads a time of day; a row is a whole UTC day, written as a date alone.
        if let text = try r.string("date"), text.utf8.count != 10 { throw r.error("date", "expected \(dayForm), found \"\(text)\"") }
        let completion = try r.requiredCount("completion_tokens"), reasoning = try r.requiredCount("reasoning_tokens")
        guard reasoning <= completion else {
            throw r.error("reasoning_tokens", "expected at most completion_tokens (\(completion)), which include the reasoning ones, found \(reasoning)")
        }
        // Each at most 1e15 (`JSONRecord.usd`): the sum is exact enough and finite.
        let paid = try r.requiredUSD("usage") + r.requiredUSD("byok_usage_inference")
        let dimensions = UsageDimensions([
            ("provider_name", try r.requiredString("provider_name")), ("endpoint_id", try r.requiredString("endpoint_id")),
            ("model_permaslug", try r.requiredString("model_permaslug")), ("workspace_id", try r.string("workspace_id")),
        ])
        return UsageBucket(start: start, seconds: day, model: try r.requiredString("model"), dimensions: dimensions, batch: nil,
                           requests: try r.requiredCount("requests"),
                           usage: TokenUsage(input: try r.requiredCount("prompt_tokens"), cacheWrite: nil, output: completion,
                                             billed: paid, currency: "USD"), place: r.place)
    }
}
