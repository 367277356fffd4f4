import BreakevenCore
import Foundation

/// Helicone's request log, one `HeliconeRequest` a record (Helicone/helicone
/// `packages/llm-mapper/types.ts`), in the forms teams export it:
/// - `npx @helicone/export` (`examples/export/typescript/index.ts`, `ExportWriter`): JSON Lines
///   (its default, `JSON.stringify(record)` a line), JSON (`[`, the records indented and joined by
///   `,`, `]`) or CSV (`HeliconeCSVImporter`). It pages through `POST /v1/request/query-clickhouse`
///   with `isCached: false` and writes each record as the API returned it, less `streamed_data`.
/// - That endpoint's responses saved as they come, one a file or one a line: `{"data":
///   [HeliconeRequest…], "error": null}`, or `{"data": null, "error": "…"}` when the query failed
///   (`valhalla/jawn/src/controllers/public/requestController.ts`, a `Result`;
///   docs.helicone.ai/rest/request/post-v1requestquery-clickhouse).
/// A file opening with `{` or `[` is JSON, any other a CSV.
///
/// The records are ClickHouse rows of `request_response_rmt`
/// (`valhalla/jawn/src/lib/stores/request/request.ts`, `getRequestsClickhouse`), reshaped by
/// `valhalla/jawn/src/managers/request/RequestManager.ts`: `request_id`, `request_created_at`
/// (rewritten to ISO 8601 in UTC, `…T09:15:02.123Z`), `model` (`model_override ?? request_model ??
/// response_model`, where `request_model` is the table's `model`: `calculateModel` in
/// `valhalla/jawn/src/utils/modelMapper.ts`, `modelOverride ?? responseModel ?? requestModel`, the
/// served model the dashboards group by), `provider`, `response_status`, `prompt_tokens`,
/// `prompt_cache_read_tokens`, `prompt_cache_write_tokens`, `completion_tokens`, `cost` (`cost /
/// COST_PRECISION_MULTIPLIER`: USD, `packages/cost/costCalc.ts`) and `cache_reference_id`. Counts
/// are JSON numbers (the OpenAPI schema) or strings of digits (ClickHouse's JSON quotes 64-bit
/// integers); both are read.
///
/// Helicone's token counts are disjoint: `prompt_tokens` are "the fresh, uncached tokens"
/// (`costOfPrompt` in `packages/cost/index.ts` prices cache writes and reads apart from them;
/// `valhalla/jawn/src/lib/shared/bodyProcessors/openaiBodyProcessor.ts` takes
/// `cached_tokens` out of OpenAI's `prompt_tokens`, `anthropicBodyProcessor.ts` keeps Anthropic's
/// `input_tokens` without the cache). So the whole prompt is prompt + cache reads + cache writes.
/// Reasoning tokens "are tracked separately and NOT included in completion tokens"
/// (`getCompletionTokens`, `valhalla/jawn/src/lib/handlers/HandlerContext.ts`): a record's
/// `reasoning_tokens` are added to the output. `prompt_audio_tokens`/`completion_audio_tokens` are
/// not read: the query leaves them out, and Helicone's newer usage path already counts audio in
/// `prompt_tokens` (`getPromptTokens`).
///
/// Left out and counted: Helicone cache hits, answered from Helicone's edge cache without a
/// provider call (docs.helicone.ai/features/advanced-usage/caching), which
/// `valhalla/jawn/src/lib/handlers/LoggingHandler.ts` logs with a `cache_reference_id` other than
/// `DEFAULT_UUID` and no tokens or cost; and requests without tokens, failed ones (a status
/// outside 2xx) named apart. A failed request with tokens (a cancelled stream, status -3) was
/// billed for them, and is kept.
enum HeliconeRequestImporter {
    /// `DEFAULT_UUID` (`packages/llm-mapper/types.ts`): the `cache_reference_id` of a request
    /// that was not served from Helicone's cache.
    static let notACacheHit = "00000000-0000-0000-0000-000000000000"
    static let cacheHits = "Helicone cache hits (served from Helicone's cache, not billed by the provider)"
    static let timeForm = "an ISO 8601 time such as 2026-01-01T09:15:02.123Z"

    static func read(path: String, into sink: inout some UsageSink, onChunk: (([UInt8]) -> Void)?) throws {
        var span = RequestSpan()
        if opensJSON(path) {
            for document in try UsageImporter.json(path, onChunk: onChunk).documents {
                try self.document(document, into: &sink, span: &span)
            }
        } else {
            var table = try CSVTable(path: path, required: HeliconeCSVImporter.required, onChunk: onChunk)
            try HeliconeCSVImporter.read(&table, into: &sink, span: &span)
        }
        span.cover(&sink)
    }

    /// Whether the first byte past a byte order mark and white space opens JSON; a CSV opens
    /// with its header. A file that cannot be read goes to the JSON reader, which says so.
    static func opensJSON(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return true }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 4096) else { return true }
        let bytes = [UInt8](data)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard let first = bytes[start...].first(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) else { return true }
        return first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
    }

    /// A response page (an object with `data`) or one record of the export tool.
    static func document(_ d: JSONRecord, into sink: inout some UsageSink, span: inout RequestSpan) throws {
        try d.requireObject("a Helicone request or a /v1/request/query-clickhouse response (an object with \"data\")")
        let records: [JSONRecord]
        if d.node["data"] != nil {
            if let message = try d.string("error") {
                throw d.error("error", "a query that failed (\"\(message)\"), not requests; export the requests again")
            }
            records = try d.array("data", required: true)
        } else {
            records = [d]
        }
        for record in records {
            guard let request = try self.request(record, into: &sink) else { continue }
            try sink.add(request)
            span.add(request.time)
        }
    }

    /// One `HeliconeRequest`, or nil (counted) where it was no provider call.
    static func request(_ r: JSONRecord, into sink: inout some UsageSink) throws -> UsageRequest? {
        try r.requireObject("a Helicone request (a HeliconeRequest object)")
        guard let id = try r.string("request_id"), !id.isEmpty else {
            throw r.error(nil, "missing key \"request_id\": expected a Helicone request or a query response (an object with \"data\")")
        }
        if let reference = try r.string("cache_reference_id"), !reference.isEmpty, reference != notACacheHit {
            sink.skip(cacheHits)
            return nil
        }
        let tokens = Tokens(prompt: try r.count("prompt_tokens") ?? 0, cacheRead: try r.count("prompt_cache_read_tokens") ?? 0,
                            cacheWrite: try r.count("prompt_cache_write_tokens"), completion: try r.count("completion_tokens") ?? 0,
                            reasoning: try r.count("reasoning_tokens") ?? 0)
        let status = try self.status(r)
        guard !tokens.isEmpty else {
            sink.skip(withoutTokens(status: status))
            return nil
        }
        var model: String?
        for key in ["model", "model_override", "response_model", "request_model"] where model == nil {
            if let name = try r.string(key), !name.isEmpty { model = name }
        }
        guard let model else { throw r.error("model", "a request with tokens but no model (request \"\(id)\")") }
        let time = try r.time("request_created_at", expected: timeForm)
        // `costUSD`: what the older `/v1/request/query` computed in its place.
        let cost = try r.usd("cost") ?? r.usd("costUSD")
        return UsageRequest(id: id, time: time, model: model, dimensions: UsageDimensions([("provider", try r.string("provider"))]),
                            usage: tokens.usage(billed: cost), place: r.place)
    }

    static func status(_ r: JSONRecord) throws -> Int? {
        guard let value = r.node["response_status"], value.value != .null else { return nil }
        guard let x = value.number, x == x.rounded(), abs(x) < 1000 else {
            throw r.error("response_status", "expected an HTTP status such as 200, found \(value.quoted)")
        }
        return Int(x)
    }

    /// Why a request without tokens is left out: it failed (a status outside 2xx), or it was no
    /// model call (a logged tool or event; in a CSV also a cache hit, which it cannot tell).
    static func withoutTokens(status: Int?) -> String {
        if let status, !(200..<300).contains(status) { return "failed requests without tokens (status other than 2xx)" }
        return "requests without tokens (logged tools and events; cache hits in a CSV)"
    }

    /// A request's tokens in Helicone's disjoint counts.
    struct Tokens {
        var prompt: Int64
        var cacheRead: Int64
        var cacheWrite: Int64?
        var completion: Int64
        var reasoning: Int64

        var isEmpty: Bool { prompt == 0 && cacheRead == 0 && (cacheWrite ?? 0) == 0 && completion == 0 && reasoning == 0 }

        /// Every prompt token with its cached and written parts, and the output. Each count is at
        /// most 1e15 (`JSONRecord.count`, `CSVTable.count`): no sum overflows.
        func usage(billed: Double?) -> TokenUsage {
            TokenUsage(input: prompt + cacheRead + (cacheWrite ?? 0), cachedInput: cacheRead, cacheWrite: cacheWrite,
                       output: completion + reasoning, billed: billed, currency: billed == nil ? nil : "USD")
        }
    }
}
