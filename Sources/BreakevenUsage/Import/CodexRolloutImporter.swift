import BreakevenCore
import Foundation

/// OpenAI Codex CLI's session rollouts: `$CODEX_HOME/sessions/YYYY/MM/DD/rollout-<local time>-<session
/// id>.jsonl` (`CODEX_HOME` is `~/.codex` by default; archived sessions in `archived_sessions/`),
/// JSON Lines to which Codex appends a line as a session goes on. Recent versions may keep a rollout
/// compressed as `.jsonl.zst` (openai/codex@005c8184 `codex-rs/rollout/src/compression.rs`): not
/// read here; `zstd -d` gives the `.jsonl`. Since rust-v0.33.0 each line is a
/// `RolloutLine`: `timestamp` (UTC, milliseconds, stamped when the line is written), `type` and
/// `payload` (openai/codex@001cb8e2 `codex-rs/protocol/src/protocol.rs` `RolloutLine`,
/// `RolloutItem`; `codex-rs/core/src/rollout/recorder.rs` `JsonlWriter`). Read here:
/// - `session_meta`: `payload.id`, the session's id;
/// - `turn_context`: `payload.model` (`gpt-5-codex`, `gpt-5`…), the model of the turns after it;
/// - `event_msg` whose `payload.type` is `token_count`: `payload.info` (null in an event that
///   carries only `rate_limits`) with `total_token_usage`, the session's running total, and
///   `last_token_usage`, the response just added to it (`TokenUsageInfo::append_last_usage`), each a
///   `TokenUsage`: `input_tokens` (cached ones included: `non_cached_input` is input minus
///   cached), `cached_input_tokens`, `output_tokens` (reasoning included, as OpenAI bills it),
///   `reasoning_output_tokens` and `total_tokens` (input + output).
/// Every other line (messages, tool calls, reasoning, `compacted`, later types) is passed over.
///
/// Codex writes no request id, and writes the same token count more than once: the event is
/// re-emitted with its running total unchanged (ccusage/ccusage#884, #1288), a resumed session
/// appends to its own file, and a fork or a spawned sub-agent starts a file of its own with a copy
/// of the parent's lines — the parent's `session_meta` among them — restamped at the fork's time
/// (`InitialHistory::Forked`, persisted as-is: `codex-rs/core/src/codex.rs` `record_initial_history`;
/// ccusage/ccusage#1349, #1370). So a response is known by its session and the running total it
/// brought: the id of the latest `session_meta` before the event (a copied line follows the
/// parent's copied `session_meta`, as in the parent's own file) and the five figures of
/// `total_token_usage`. A repeated event has the same key and is
/// read once, at its first line; a new response moves the total. Its tokens are
/// `last_token_usage`, or, in a log without it, the running total less the session's previous one.
///
/// Older rollouts (before rust-v0.33.0: a bare header `{"id", "timestamp", "instructions"}` and
/// raw response items, no `payload`) hold no token counts: their lines are counted and passed
/// over. A log without a model before a token count (Codex before turn contexts were written) is
/// read as `gpt-5`, Codex's default then, as ccusage does, with a note. Codex meters no amounts
/// (a subscription's usage is paid by its fee), so none are stored. A last line cut short (the
/// session stopped while Codex wrote it) is left out with a note.
enum CodexRolloutImporter {
    static let rateLimitsOnly = "token counts without usage (rate limits only)"
    static let repeated = "token counts repeating a running total already read (a re-emitted or copied event, read once)"
    static let noNewTokens = "token counts adding no tokens"
    static let olderLayout = "lines of a rollout before Codex 0.33 (no token counts)"
    static let cutShort = "the last line is cut short (no newline follows it: the session stopped while Codex wrote it); left out"
    static let noTokenCounts = "no token counts in this log (a session that ended before a response, or a rollout before Codex 0.33); nothing imported"
    static let fallbackModel = "gpt-5"
    static let fallbackNote = "a token count before any turn_context names the model (a log of an early Codex version): read as gpt-5, Codex's default model then"

    static func read(path: String, into sink: inout some UsageSink, onChunk: (([UInt8]) -> Void)?) throws {
        let bytes = try UsageImporter.bytes(path, onChunk: onChunk)
        var rollout = Rollout()
        let cut = try JSONExport.eachLine(bytes, file: path, lastMayBeCut: true) { line in
            try rollout.read(line, into: &sink)
        }
        if let cut { sink.note(at: cut, cutShort) }
        if rollout.responses.values.isEmpty { sink.note(at: UsagePlace(line: 1, column: 1), noTokenCounts) }
        try sink.add(requests: rollout.responses.values)
    }

    /// The five figures of a `TokenUsage`.
    struct Figures: Hashable {
        var input: Int64
        var cached: Int64
        var output: Int64
        var reasoning: Int64
        var total: Int64

        /// What a running total gained since `earlier` (a figure that fell, as after Codex filled
        /// the context window and restarted the total, gained nothing).
        func since(_ earlier: Figures?) -> Figures {
            guard let e = earlier else { return self }
            return Figures(input: max(0, input - e.input), cached: max(0, min(input - e.input, cached - e.cached)),
                           output: max(0, output - e.output), reasoning: max(0, reasoning - e.reasoning), total: max(0, total - e.total))
        }

        var key: String { "\(input),\(cached),\(output),\(reasoning),\(total)" }
    }

    /// What a file's lines tell as they are read: the session and model in force, and the
    /// responses found so far, each once.
    struct Rollout {
        var session: String?
        var model: String?
        var warnedFallback = false
        /// The latest running total of each session, for logs without `last_token_usage`.
        var totals: [String: Figures] = [:]
        var responses = LatestByKey<String, UsageRequest>()

        mutating func read(_ line: JSONRecord, into sink: inout some UsageSink) throws {
            try line.requireObject("a rollout line (an object with \"timestamp\", \"type\" and \"payload\")")
            guard let payload = line.child("payload") else {
                sink.skip(olderLayout)
                return
            }
            switch try line.requiredString("type") {
            case "session_meta":
                try payload.requireObject("session metadata (an object with \"id\")")
                session = try payload.requiredString("id")
            case "turn_context":
                try payload.requireObject("a turn context (an object with \"model\")")
                if let m = try payload.string("model"), !m.isEmpty { model = m }
            case "event_msg":
                try payload.requireObject("an event (an object with \"type\")")
                guard try payload.string("type") == "token_count" else { return }
                try tokenCount(line, payload, into: &sink)
            default:
                return
            }
        }

        mutating func tokenCount(_ line: JSONRecord, _ event: JSONRecord, into sink: inout some UsageSink) throws {
            guard let info = event.child("info"), info.node.value != .null else {
                sink.skip(rateLimitsOnly)
                return
            }
            try info.requireObject("token usage (an object with total_token_usage and last_token_usage)")
            guard let totalRecord = info.child("total_token_usage") else { throw info.error(nil, "missing key \"total_token_usage\"") }
            let total = try Figures(totalRecord)
            guard let session else {
                throw line.error(nil, "a token count before any session_meta line: the session it belongs to is unknown")
            }
            let last = try info.child("last_token_usage").flatMap { $0.node.value == .null ? nil : try Figures($0) }
            let added = last ?? total.since(totals[session])
            totals[session] = total
            guard added.input + added.output > 0 else {
                sink.skip(noNewTokens)
                return
            }
            let key = "\(session):\(total.key)"
            let time = try line.time("timestamp", expected: "an ISO 8601 time such as 2026-01-12T09:00:07.412Z")
            if model == nil && !warnedFallback {
                sink.note(at: line.place, fallbackNote)
                warnedFallback = true
            }
            let request = UsageRequest(id: key, time: time, model: model ?? fallbackModel,
                                       usage: TokenUsage(input: added.input, cachedInput: added.cached, output: added.output),
                                       place: line.place)
            // The first line of a response is kept: a repeat is a later re-emission or copy.
            if responses.keep(request, for: key, replaces: { _, _ in false }) { sink.skip(repeated) }
        }
    }
}

extension CodexRolloutImporter.Figures {
    /// A `TokenUsage` object (in an extension, so the memberwise init stays).
    init(_ r: JSONRecord) throws {
        try r.requireObject("token counts (an object with input_tokens and output_tokens)")
        self.init(input: try r.requiredCount("input_tokens"), cached: try r.count("cached_input_tokens") ?? 0,
                  output: try r.requiredCount("output_tokens"), reasoning: try r.count("reasoning_output_tokens") ?? 0,
                  total: try r.count("total_tokens") ?? 0)
        guard cached <= input else {
            throw r.error("cached_input_tokens", "expected at most input_tokens (\(input)), which count the cached ones, found \(cached)")
        }
    }
}
