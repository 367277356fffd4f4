import BreakevenCore

/// Langfuse's observations as its public API lists them: `GET /api/public/observations` pages
/// (`{"data": [Observation…], "meta": {"page", "limit", "totalItems", "totalPages"}}`), one page
/// a file or JSON Lines, as the API reference's Fern definitions in langfuse/langfuse write them
/// (`fern/apis/server/definition/legacy/observations-v1.yml` `ObservationsV1Views`;
/// `commons.yml` `Observation` and `ObservationsView`; `utils/pagination.yml` `MetaResponse`;
/// the server's `web/src/features/public-api/types/observations.ts` `APIObservation`): `id`,
/// `type` (`GENERATION`, `SPAN`, `EVENT`, `AGENT`, `TOOL`…), `startTime` (ISO 8601), `model`,
/// `name`, `environment`, `usageDetails` (a map of usage type to units), `costDetails` (a map
/// of cost type to USD, `total` their sum), and for older exports the deprecated `usage`
/// (`input`, `output`, `total`, `unit`) and `promptTokens`/`completionTokens`.
///
/// Usage types are disjoint: Langfuse takes the cached, cache-creation, audio… units out of
/// `input` into keys of their own (`input_cached_tokens`, `input_cache_creation`,
/// `input_cache_read`, `input_cache_write`, Anthropic's `cache_read_input_tokens`…; OpenAI's
/// `prompt_tokens_details.*` become `input_*` and are subtracted from `input`:
/// `packages/shared/src/server/ingestion/types.ts`, `otel/OtelIngestionProcessor.ts`), and
/// "summarizes all usage types that include the string input as input usage types, similarly
/// output" (langfuse.com/docs/model-usage-and-cost; the API's own `promptTokens` is that sum,
/// `reduceUsageOrCostDetails` in `observations_converters.ts`). So every prompt token is the
/// sum of the keys naming `input`, of which those naming a cache read are cached and those
/// naming a cache creation or write were written; output is the sum of the keys naming `output`.
///
/// Only generations with token usage are model calls; spans, events, tools… are passed over.
/// The v2 endpoint (`/api/public/v2/observations`, cursor pages) names the model
/// `providedModelName` and returns usage only when asked for: it is refused with a hint.
enum LangfuseObservationsImporter {
    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        var span = RequestSpan()
        for page in export.documents {
            try page.requireObject("an observations page (an object with \"data\")")
            if let meta = page.child("meta"), meta.node["cursor"] != nil {
                throw meta.error("cursor", "a page of /api/public/v2/observations (cursor pagination); export the v1 endpoint /api/public/observations, whose observations carry \"model\" and \"usageDetails\"")
            }
            for observation in try page.array("data", required: true) {
                guard let request = try self.request(observation, into: &sink) else { continue }
                try sink.add(request)
                span.add(request.time)
            }
        }
        span.cover(&sink)
    }

    static func request(_ o: JSONRecord, into sink: inout some UsageSink) throws -> UsageRequest? {
        try o.requireObject("an observation")
        guard let type = try o.string("type") else { throw o.error(nil, "missing key \"type\"") }
        guard type == "GENERATION" else { return nil }
        guard let usage = try tokens(o) else {
            sink.skip("generations without token usage")
            return nil
        }
        guard let id = try o.string("id"), !id.isEmpty else {
            throw o.error(nil, "missing key \"id\": an observation without an id cannot be told from another")
        }
        guard let model = try o.string("model"), !model.isEmpty else {
            if o.node["providedModelName"] != nil {
                throw o.error("providedModelName", "a /api/public/v2/observations observation; export the v1 endpoint /api/public/observations, whose observations carry \"model\"")
            }
            throw o.error("model", "a generation with token usage but no model (observation \"\(id)\")")
        }
        let time = try o.time("startTime", expected: "an ISO 8601 time such as 2026-01-01T09:15:02.123Z")
        let dimensions = UsageDimensions([("environment", try o.string("environment")), ("name", try o.string("name"))])
        return UsageRequest(id: id, time: time, model: model, dimensions: dimensions, usage: usage, place: o.place)
    }

    /// The generation's tokens from `usageDetails`, else the deprecated `usage`, else
    /// `promptTokens`/`completionTokens`; nil where none counts a token.
    static func tokens(_ o: JSONRecord) throws -> TokenUsage? {
        var usage: TokenUsage
        var inputKey = "usageDetails"
        if let details = o.child("usageDetails"), details.node.value != .null, details.node.members?.isEmpty != true {
            guard let members = details.node.members else { throw o.error("usageDetails", "expected an object of usage types to units, found \(details.node.quoted)") }
            usage = TokenUsage(input: 0, output: 0)
            for member in members {
                let key = member.key.lowercased()
                guard key.contains("input") || key.contains("output") else { continue }
                guard let n = try details.count(member.key) else { continue }
                if key.contains("input") {
                    usage.input = try add(usage.input, n, details, member.key)
                    if key.contains("cache_read") || key.contains("cached") {
                        usage.cachedInput = try add(usage.cachedInput, n, details, member.key)
                    } else if key.contains("cache_creation") || key.contains("cache_write") {
                        usage.cacheWrite = try add(usage.cacheWrite ?? 0, n, details, member.key)
                    }
                }
                if key.contains("output") { usage.output = try add(usage.output, n, details, member.key) }
            }
            if let total = try costTotal(details: o.child("costDetails")) {
                usage.billed = total
                usage.currency = "USD"
            }
        } else if let legacy = o.child("usage"), legacy.node.value != .null {
            try legacy.requireObject("a usage object {\"input\", \"output\", \"total\", \"unit\"}")
            usage = TokenUsage(input: try legacy.count("input") ?? 0, output: try legacy.count("output") ?? 0)
            inputKey = "usage.input"
        } else {
            usage = TokenUsage(input: try o.count("promptTokens") ?? 0, output: try o.count("completionTokens") ?? 0)
            inputKey = "promptTokens"
        }
        if usage.input == 0 {
            guard usage.output == 0 else {
                switch inputKey {
                case "usageDetails":
                    throw o.error("usageDetails", "a generation with output tokens but no input tokens (no usage type naming \"input\" above 0)")
                case "usage.input": throw o.error("usage", "a generation with usage.output but no usage.input")
                default: throw o.error(nil, "a generation with completionTokens but no promptTokens")
                }
            }
            return nil
        }
        // Langfuse's units: TOKENS, CHARACTERS, IMAGES, SECONDS… (`ModelUsageUnit`); only tokens are read.
        for holder in [o.child("usage"), o].compactMap({ $0 }) where holder.node.members != nil {
            if let unit = try holder.string("unit"), unit != "TOKENS" {
                throw holder.error("unit", "expected usage in TOKENS, found \"\(unit)\"")
            }
        }
        return usage
    }

    /// One more usage type's units, refused past what a count holds.
    static func add(_ a: Int64, _ b: Int64, _ details: JSONRecord, _ key: String) throws -> Int64 {
        let sum = a + b  // each ≤ 1e15 (`JSONRecord.count`), and so is `a`: no overflow
        guard Double(sum) <= CSVTable.maxCount else {
            throw details.error(key, "expected at most 1e15 tokens in one observation, found \(sum) with \"\(key)\"")
        }
        return sum
    }

    /// `costDetails.total` in USD: what Langfuse ingested or computed for the generation.
    static func costTotal(details: JSONRecord?) throws -> Double? {
        guard let details, details.node.value != .null else { return nil }
        try details.requireObject("an object of cost types to USD")
        guard let value = details.node["total"], value.value != .null else { return nil }
        guard let x = value.number, x >= 0, x.isFinite else {
            throw details.error("total", "expected a cost in USD ≥ 0, found \(value.quoted)")
        }
        return x
    }
}
