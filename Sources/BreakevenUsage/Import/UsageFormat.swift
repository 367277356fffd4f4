/// The exports `usage import` reads, each exactly as its exporter documents it.
public enum UsageFormat: String, CaseIterable, Sendable, Hashable, Comparable {
    /// OpenAI Usage API, `/v1/organization/usage/completions` pages.
    case openai
    /// Anthropic Admin API, `/v1/organizations/usage_report/messages` pages.
    case anthropic
    /// LiteLLM's `LiteLLM_SpendLogs` table as `psql \copy … CSV HEADER` writes it.
    case litellm
    /// An OTLP/JSON trace export with the OpenTelemetry GenAI semantic conventions.
    case otel
    /// A FinOps FOCUS 1.2 (or later) cost and usage CSV.
    case focus
    /// An AWS CUR 2.0 CSV with Amazon Bedrock token line items.
    case bedrockCUR = "bedrock-cur"
    /// Langfuse's public API, `/api/public/observations` and `/api/public/v2/observations` pages
    /// (generations with token usage).
    case langfuse
    /// Helicone's request logs: `npx @helicone/export` JSON, JSON Lines or CSV, and
    /// `/v1/request/query-clickhouse` response pages.
    case helicone
    /// OpenRouter's activity, `GET /api/v1/activity` responses (a day × model × endpoint a row).
    case openrouter
    /// Claude Code's session transcripts (`~/.claude/projects/…/*.jsonl`): one API response a request.
    case claudeCode = "claude-code"
    /// OpenAI Codex CLI's session rollouts (`~/.codex/sessions/…/rollout-*.jsonl`): one response a
    /// request, known by its session and running token total.
    case codex
    /// Anthropic Admin API, `/v1/organizations/cost_report` pages: spend, no traffic.
    case anthropicCost = "anthropic-cost"
    /// OpenAI Costs API, `/v1/organization/costs` pages: spend, no traffic.
    case openaiCost = "openai-cost"
    /// Vertex AI publisher models' token and invocation counts, Cloud Monitoring
    /// `projects.timeSeries.list` responses (aligned per hour or day).
    case vertex
    /// Azure OpenAI (Azure AI Foundry) token and request counts, Azure Monitor metrics responses
    /// of a Cognitive Services account (`Microsoft.Insights/metrics`, or `az monitor metrics list`).
    case azureMonitor = "azure-monitor"

    /// The names `--format` takes, in the order help lists them.
    public static let names = allCases.map(\.rawValue).joined(separator: ", ")

    /// One row per request (deduplicated by request or span id, aggregated per hour on import),
    /// rather than buckets the exporter aggregated.
    var isPerRequest: Bool { self == .litellm || self == .otel || self == .langfuse || self == .helicone || self == .claudeCode
        || self == .codex }

    /// The extension of the files a directory of this format holds, for a format whose files are a
    /// tool's session logs (nil for exports, which are given as files). Such a directory is read
    /// whole (every file below it, in sorted order), and then covers the time from its first
    /// request to its last: a tool writes a log for each session only, so the hours between its
    /// sessions had no usage, not usage unknown (`UsageStore.recordDirectory`).
    public var logFileExtension: String? { self == .claudeCode || self == .codex ? "jsonl" : nil }

    /// Whether the export carries money only: a provider's cost report, no tokens and no requests.
    /// It is never a month's traffic (nor makes a month complete); it gives the billed spend of a
    /// month whose traffic comes from an export without amounts (`UsageHistory.chosen`).
    public var carriesSpendOnly: Bool { self == .anthropicCost || self == .openaiCost }

    /// Whether the export says which prompt tokens were read from a cache. OpenRouter's activity
    /// and Vertex AI's and Azure Monitor's token counts give prompt tokens whole (the cached ones
    /// inside, not split off): their cached share is unknown, not 0, and `summary` and `fit` say so.
    public var splitsCachedInput: Bool { self != .openrouter && self != .vertex && self != .azureMonitor && !carriesSpendOnly }

    /// Which source a month of a model is read from when several formats cover it (they describe
    /// the same traffic, so they are never added): per-request logs first, then the provider's
    /// own usage reports, then a gateway's daily activity (requests and tokens, no cache split),
    /// then bills; cost reports last (they are never chosen for traffic). A coding agent's
    /// transcripts (Claude Code's, Codex's) come after the gateways' logs, which carry what was billed for the same calls.
    var preference: Int {
        switch self {
        case .litellm: return 0
        case .otel: return 1
        case .langfuse: return 2
        case .helicone: return 3
        case .claudeCode: return 4
        case .codex: return 5
        case .openai: return 6
        case .anthropic: return 7
        case .vertex: return 8
        case .azureMonitor: return 9
        case .openrouter: return 10
        case .bedrockCUR: return 11
        case .focus: return 12
        case .anthropicCost: return 13
        case .openaiCost: return 14
        }
    }

    /// A small stable number for the request-id table (the names stay in every other table).
    var code: Int {
        switch self {
        case .openai: return 1
        case .anthropic: return 2
        case .litellm: return 3
        case .otel: return 4
        case .focus: return 5
        case .bedrockCUR: return 6
        case .langfuse: return 7
        case .helicone: return 8
        case .openrouter: return 9
        case .anthropicCost: return 10
        case .openaiCost: return 11
        case .claudeCode: return 12
        case .vertex: return 13
        case .codex: return 14
        case .azureMonitor: return 15
        }
    }

    public static func < (a: UsageFormat, b: UsageFormat) -> Bool { a.preference < b.preference }
}
