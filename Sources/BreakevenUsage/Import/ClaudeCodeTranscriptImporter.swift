import BreakevenCore
import Foundation

/// Claude Code's session transcripts: `~/.claude/projects/<project>/<session>.jsonl` (also
/// `~/.config/claude/projects/` and `$CLAUDE_CONFIG_DIR/projects/`; a sub-agent's in
/// `<session>/subagents/agent-<id>.jsonl`), JSON Lines to which Claude Code appends an entry as a
/// session goes on: `user`, `assistant`, `progress`, `system`, `summary`, `file-history-snapshot`,
/// `queue-operation`… Only `assistant` entries hold API responses: `timestamp` (ISO 8601, UTC),
/// `requestId` (`req_…`), `isSidechain`, and `message` as the Messages API returned it: `id`
/// (`msg_…`), `model`, and `usage` with `input_tokens` (the uncached prompt),
/// `cache_creation_input_tokens` (split by `cache_creation.ephemeral_5m_input_tokens` and
/// `…_1h_input_tokens`), `cache_read_input_tokens`, `output_tokens`, `service_tier` and, in
/// Opus's fast mode, `speed`. As read by ccusage (ryoppippi/ccusage at 5816e640:
/// `rust/crates/ccusage/src/types.rs` `UsageEntry`, `src/adapter/claude/mod.rs`; before its Rust
/// port `apps/ccusage/src/adapter/claude/data-loader.ts` `usageDataSchema`) and as transcripts of
/// Claude Code 2.0.49 show them (jeremedia/claude-code-log-format `CLAUDE_CODE_LOG_FORMAT.md`).
///
/// A request is one API response, known by its `message.id` (`requestId` where a gateway wrote
/// none). Claude Code writes a response as one entry per content block (thinking, text, each tool
/// call), each with the response's id and usage as it streamed in: `output_tokens` grows from
/// entry to entry, the last holding the response's count (ccusage/ccusage#901, #938). Of a file's
/// entries of one response the one with the most tokens is read, as ccusage does since 31ea9b04.
/// A `/btw` side question's transcript repeats the parent's responses under new request ids,
/// marked `isSidechain` (ccusage/ccusage#913): within a file the parent's entry is read, and
/// across files the response's id is already known (ccusage counts a `message.id` and
/// `requestId` pair once, and such a replay not at all: the id alone counts each response once).
/// A resumed session's transcript repeats earlier responses too, by the same ids.
///
/// Left out: Claude Code's own `assistant` entries (model `<synthetic>`: an API error, an
/// interrupted request; no API call), entries without usage or tokens, and `progress` entries,
/// which echo a sub-agent's responses that its own transcript holds. `costUSD` (older versions)
/// is not read: it is Claude Code's estimate at API prices, not a bill — a subscription's usage
/// is paid by its flat fee, so the import carries no amounts. A last line cut short (no newline
/// after it: the session stopped while Claude Code wrote it) is left out with a note.
enum ClaudeCodeTranscriptImporter {
    static let synthetic = "messages Claude Code wrote itself (model <synthetic>: an API error or an interruption, no API call)"
    static let withoutUsage = "assistant entries without usage"
    static let withoutTokens = "responses without tokens"
    static let withoutID = "responses without message.id or requestId (cannot be told from their repeats)"
    static let cutShort = "the last line is cut short (no newline follows it: the session stopped while Claude Code wrote it); left out"

    static func read(path: String, into sink: inout some UsageSink, onChunk: (([UInt8]) -> Void)?) throws {
        let bytes = try UsageImporter.bytes(path, onChunk: onChunk)
        // The responses in the order first seen, each the entry read for it so far.
        var responses = LatestByKey<String, Response>()
        let cut = try JSONExport.eachLine(bytes, file: path, lastMayBeCut: true) { entry in
            guard let response = try self.response(entry, into: &sink) else { return }
            responses.keep(response, for: response.key) { new, kept in new.replaces(kept) }
        }
        if let cut { sink.note(at: cut, cutShort) }
        try sink.add(requests: responses.values.lazy.map(\.request))
    }

    /// One entry of a response: the request it gives, and what chooses among a response's entries.
    struct Response {
        var key: String
        var request: UsageRequest
        var tokens: Int64
        var sidechain: Bool

        /// The parent's entry over a side question's replay; else the entry further streamed.
        func replaces(_ kept: Response) -> Bool {
            kept.sidechain != sidechain ? kept.sidechain : tokens > kept.tokens
        }
    }

    /// An `assistant` entry with usage as a response; nil for any other entry (counted where it
    /// is an assistant's entry left out).
    static func response(_ e: JSONRecord, into sink: inout some UsageSink) throws -> Response? {
        try e.requireObject("a transcript entry (an object with \"type\")")
        guard try e.string("type") == "assistant" else { return nil }
        guard let message = e.child("message") else { throw e.error(nil, "missing key \"message\"") }
        try message.requireObject("a message (an object with \"usage\")")
        guard let usage = message.child("usage"), usage.node.value != .null else {
            sink.skip(withoutUsage)
            return nil
        }
        try usage.requireObject("an object of token counts")
        let model = try message.string("model") ?? ""
        if model == "<synthetic>" {
            sink.skip(synthetic)
            return nil
        }
        let uncached = try usage.requiredCount("input_tokens")
        let read = try usage.count("cache_read_input_tokens") ?? 0
        let written = try cacheWrites(usage)
        let output = try usage.requiredCount("output_tokens")
        // Each count is at most 1e15 (`JSONRecord.count`): no sum overflows.
        let tokens = uncached + read + (written ?? 0) + output
        guard tokens > 0 else {
            sink.skip(withoutTokens)
            return nil
        }
        let key: String
        if let id = try message.string("id"), !id.isEmpty {
            key = id
        } else if let request = try e.string("requestId"), !request.isEmpty {
            key = "requestId:" + request
        } else {
            sink.skip(withoutID)
            return nil
        }
        guard !model.isEmpty else { throw message.error(message.node["model"] == nil ? nil : "model", "a response with token usage but no model (\"\(key)\")") }
        let tier = try usage.string("service_tier")
        let dimensions = UsageDimensions([("service_tier", tier), ("speed", try usage.string("speed"))])
        let request = UsageRequest(id: key, time: try e.time("timestamp", expected: "an ISO 8601 time such as 2026-01-01T09:15:02.123Z"),
                                   model: model, dimensions: dimensions, batch: tier.map { $0 == "batch" },
                                   usage: TokenUsage(input: uncached + read + (written ?? 0), cachedInput: read, cacheWrite: written, output: output),
                                   place: e.place)
        return Response(key: key, request: request, tokens: tokens, sidechain: try e.bool("isSidechain") ?? false)
    }

    /// The prompt tokens written to the cache: `cache_creation_input_tokens`, the Messages API's
    /// total, else the sum of its split by time to live; nil where the entry gives neither.
    static func cacheWrites(_ usage: JSONRecord) throws -> Int64? {
        if let total = try usage.count("cache_creation_input_tokens") { return total }
        guard let split = usage.child("cache_creation"), split.node.value != .null else { return nil }
        try split.requireObject("an object with ephemeral_5m_input_tokens and ephemeral_1h_input_tokens")
        return (try split.count("ephemeral_5m_input_tokens") ?? 0) + (try split.count("ephemeral_1h_input_tokens") ?? 0)
    }
}
