import BreakevenCore

/// LiteLLM's `LiteLLM_SpendLogs` table exported with a header row, as
/// `psql -c "\copy \"LiteLLM_SpendLogs\" TO 'spend.csv' CSV HEADER"` writes it: one row per
/// request, columns as BerriAI/litellm `schema.prisma` declares them (`request_id` is the primary
/// key; `startTime` a timestamp without zone, in UTC; `spend` in US dollars; `metadata` JSON text).
/// Cached prompt tokens are in `metadata.usage_object` (the provider's usage, written by
/// `litellm/proxy/spend_tracking/spend_tracking_utils.py`): `prompt_tokens_details.cached_tokens`
/// (OpenAI style) or `cache_read_input_tokens` (Anthropic style), cache writes in
/// `cache_creation_input_tokens`. Columns may come in any order; others are ignored.
enum LiteLLMSpendLogImporter {
    static let required = ["request_id", "startTime", "model", "prompt_tokens", "completion_tokens"]

    static func read(_ table: inout CSVTable, into sink: inout some UsageSink) throws {
        let id = table.required("request_id"), start = table.required("startTime"), model = table.required("model")
        let prompt = table.required("prompt_tokens"), completion = table.required("completion_tokens")
        let spend = table.column("spend"), status = table.column("status"), metadata = table.column("metadata")
        let apiKey = table.column("api_key"), user = table.column("user"), team = table.column("team_id")
        let provider = table.column("custom_llm_provider")
        var span = RequestSpan()
        // Groups repeat row after row: each is made canonical once.
        var known: [[String?]: UsageDimensions] = [:]
        while try table.next() {
            if let status, table.reader.withField(status, { $0.elementsEqual("failure".utf8) }) {
                sink.skip("failed requests (status \"failure\")")
                continue
            }
            let time = try table.timestamp(start)
            let input = try table.count(prompt)
            var cached: Int64 = 0
            var written: Int64?
            if let metadata, !table.reader.isEmpty(metadata) {
                (cached, written) = try cacheTokens(table, metadata)
            }
            guard cached <= input else {
                throw table.error(metadata, "usage_object: cached prompt tokens (\(cached)) exceed prompt_tokens (\(input))")
            }
            let requestID = table.string(id)
            guard !requestID.isEmpty else { throw table.error(id, "expected a request id, found an empty field") }
            let groups = [apiKey, user, team, provider].map { table.optionalString($0) }
            let dimensions = known[groups] ?? {
                let d = UsageDimensions(zip(["api_key", "user", "team_id", "custom_llm_provider"], groups).map { ($0, $1) })
                known[groups] = d
                return d
            }()
            let usage = TokenUsage(input: input, cachedInput: cached, cacheWrite: written, output: try table.count(completion),
                                   billed: try table.optionalNumber(spend), currency: spend == nil ? nil : "USD")
            try sink.add(UsageRequest(id: requestID, time: time, model: table.string(model), dimensions: dimensions, usage: usage, place: table.place))
            span.add(time)
        }
        span.cover(&sink)
    }

    /// Cache reads and writes from the metadata's `usage_object`.
    static func cacheTokens(_ table: CSVTable, _ column: Int) throws -> (read: Int64, written: Int64?) {
        let node: JSONNode
        let text = table.reader.withField(column) { Array($0) }
        do {
            node = try JSONParser.parse(text)
        } catch {
            throw table.error(column, "expected JSON text, found invalid JSON (\(error.message) at character \(error.location.column) of line \(error.location.line) of the field)")
        }
        guard let usage = node["usage_object"], usage.value != .null else { return (0, nil) }
        func count(_ value: JSONNode?, _ path: String) throws -> Int64? {
            guard let value, value.value != .null else { return nil }
            guard let n = JSONRecord.count(value) else {
                throw table.error(column, "\(path): expected a whole number ≥ 0, found \(value.quoted)")
            }
            return n
        }
        let read = try count(usage["prompt_tokens_details"]?["cached_tokens"], "usage_object.prompt_tokens_details.cached_tokens")
            ?? count(usage["cache_read_input_tokens"], "usage_object.cache_read_input_tokens") ?? 0
        return (read, try count(usage["cache_creation_input_tokens"], "usage_object.cache_creation_input_tokens"))
    }
}
