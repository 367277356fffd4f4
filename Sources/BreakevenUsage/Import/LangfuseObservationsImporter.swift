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
/// The v2 endpoint, `GET /api/public/v2/observations` (as langfuse/langfuse writes it at commit
/// 62751446149b702b419a9292ddfc2280cdf74b8c: `fern/apis/server/definition/observations.yml`
/// `getMany`, `ObservationsV2Response`, `ObservationsV2Meta`; `commons.yml` `ObservationV2`;
/// `packages/shared/src/domain/observation-field-groups.ts`; the handler
/// `web/src/pages/api/public/v2/observations/index.ts`; `convertObservationPartial` in
/// `packages/shared/src/server/repositories/observations_converters.ts`), pages by cursor:
/// `{"data": [ObservationV2…], "meta": {"cursor"}}`, the cursor there only while more pages
/// follow (the last page's meta is `{}`). Its observations carry `core` (`id`, `traceId`,
/// `startTime`, `endTime`, `projectId`, `parentObservationId`, `type`) and the field groups
/// requested with `fields=`, `core,basic` when none is: `basic` has `name` and `environment`,
/// `model` the model name, `internalModelId` and `modelParameters`, `usage` the same
/// `usageDetails` and `costDetails` as v1 (and `totalCost`, `usagePricingTierName`). Langfuse's
/// server writes the model name as `model`, from the same `provided_model_name` column as v1's
/// `model` (`web/src/__tests__/server/observations-api-v2.servertest.ts`, "field group
/// contract"); the API reference called it `providedModelName` until langfuse/langfuse#16946
/// renamed it, so both are read.
/// A generation of a v2 page without `usageDetails` or without a model key was fetched without
/// those groups: it is refused with the `fields=` that gives them, rather than read as no usage.
/// Both endpoints list the same observations by the same `id` (v2's `span_id as id`, the
/// observation id of v1), so a request imported from one is known when the other has it.
///
/// Only generations with token usage are model calls; spans, events, tools… are passed over.
enum LangfuseObservationsImporter {
    /// The list endpoint a page came from, and where its observations keep the model's name.
    enum Endpoint {
        /// `/api/public/observations`: every key of `APIObservation`, `meta` with `page`…`totalPages`.
        case v1
        /// `/api/public/v2/observations`: `meta` with a `cursor` or nothing; keys by field group.
        case v2

        /// The page's `meta` tells: v1's `MetaResponse` always has `page` and `totalPages`.
        init(_ page: JSONRecord) {
            guard let meta = page.node["meta"], meta.members != nil else { self = .v1; return }
            self = meta["cursor"] != nil || (meta["page"] == nil && meta["totalPages"] == nil) ? .v2 : .v1
        }

        /// The keys that may name the model, in the order they are read.
        var modelKeys: [String] { self == .v1 ? ["model"] : ["model", "providedModelName"] }
    }

    /// The `fields=` that gives every key the importer reads from a v2 page.
    static let v2Fields = "fields=core,basic,usage,model"

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        var span = RequestSpan()
        for page in export.documents {
            try page.requireObject("an observations page (an object with \"data\")")
            let endpoint = Endpoint(page)
            for observation in try page.array("data", required: true) {
                guard let request = try self.request(observation, endpoint, into: &sink) else { continue }
                try sink.add(request)
                span.add(request.time)
            }
        }
        span.cover(&sink)
    }

    /// A generation with token usage as a request, read the same from either endpoint but for
    /// where the model's name is; nil for anything else.
    static func request(_ o: JSONRecord, _ endpoint: Endpoint, into sink: inout some UsageSink) throws -> UsageRequest? {
        try o.requireObject("an observation")
        guard let type = try o.string("type") else { throw o.error(nil, "missing key \"type\"") }
        guard type == "GENERATION" else { return nil }
        if endpoint == .v2 {
            if o.node["usageDetails"] == nil { throw fieldGroupMissing(o, "usage", key: "usageDetails") }
            if !endpoint.modelKeys.contains(where: { o.node[$0] != nil }) { throw fieldGroupMissing(o, "model", key: "model") }
        }
        guard let usage = try tokens(o) else {
            sink.skip("generations without token usage")
            return nil
        }
        guard let id = try o.string("id"), !id.isEmpty else {
            throw o.error(nil, "missing key \"id\": an observation without an id cannot be told from another")
        }
        var model: String?
        for key in endpoint.modelKeys where model == nil {
            if let name = try o.string(key), !name.isEmpty { model = name }
        }
        guard let model else {
            let key = endpoint.modelKeys.first { o.node[$0] != nil } ?? "model"
            throw o.error(key, "a generation with token usage but no model (observation \"\(id)\")")
        }
        let time = try o.time("startTime", expected: "an ISO 8601 time such as 2026-01-01T09:15:02.123Z")
        let dimensions = UsageDimensions([("environment", try o.string("environment")), ("name", try o.string("name"))])
        return UsageRequest(id: id, time: time, model: model, dimensions: dimensions, usage: usage, place: o.place)
    }

    /// A v2 generation without a key of `group`: the page was fetched without that field group.
    static func fieldGroupMissing(_ o: JSONRecord, _ group: String, key: String) -> UsageImportError {
        o.error(nil, "a generation without \"\(key)\": this page of /api/public/v2/observations was fetched without the \(group) field group; fetch it again with \(v2Fields)")
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
