/// Anthropic's Admin API cost report: `GET /v1/organizations/cost_report` pages, shaped like the
/// usage report's (`{"data": [{"starting_at", "ending_at", "results": […]}], "has_more",
/// "next_page"}`, read by `BucketPages` with `AnthropicUsageImporter.span`), as the API reference "Get Cost Report"
/// (platform.claude.com/docs/en/api/admin/cost_report/retrieve) documents them. A result has
/// `amount`, "cost amount in lowest currency units (e.g. cents) as a decimal string" ("123.45" in
/// USD is $1.23), and `currency`, "currently always USD"; grouped by `description` it also has
/// `model`, `cost_type` (tokens, web_search, code_execution, session_usage), `token_type`,
/// `service_tier`, `context_window` and the `description` itself; grouped by `workspace_id`, the
/// workspace. The bucket width is 1d.
///
/// Spend only (`UsageFormat.carriesSpendOnly`): each result is a bucket with no tokens and its
/// amount. A result without a model is not a model's spend and is left out, counted: a non-token
/// cost (web search, code execution…; the docs give them no model), or any result of a report
/// not grouped by description, whose `cost_type` is then null too.
enum AnthropicCostImporter {
    static let groupKeys = ["workspace_id", "description", "cost_type", "token_type", "service_tier", "context_window", "inference_geo"]
    static let ungrouped = "results of a report not grouped by description (request it with group_by[]=description to get each model)"
    static let notAModel = "costs of no model (web search, code execution and other non-token costs)"

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        try BucketPages.read(export, page: "a cost report page (an object with \"data\")", bucket: "a time bucket", into: &sink,
                             span: AnthropicUsageImporter.span) { r, start, seconds, sink in
            try r.requireObject("a cost result")
            let amount = try dollars(r)
            var pairs: [(String, String?)] = []
            for key in groupKeys { pairs.append((key, try r.string(key))) }
            guard let model = try r.string("model"), !model.isEmpty else {
                sink.skip(try r.string("cost_type") == nil ? ungrouped : notAModel)
                return
            }
            try sink.add(UsageBucket(start: start, seconds: seconds, model: model, dimensions: UsageDimensions(pairs), batch: nil, requests: nil,
                                     usage: TokenUsage(input: 0, output: 0, billed: amount, currency: "USD"), place: r.place))
        }
    }

    /// The largest amount taken, in cents: a trillion dollars, far beyond any bill, and within what
    /// the store's micro-units hold.
    static let maxCents: Int64 = 100_000_000_000_000

    /// `amount` in dollars. The docs give it as a decimal string in the currency's lowest unit
    /// and name USD alone, whose lowest unit is the cent: a currency whose unit is not known here
    /// is refused rather than guessed. Read exactly to the micro-dollar (a ten-thousandth of a
    /// cent; the docs' example, "123.78912", has five decimals of a cent), rounded half up.
    static func dollars(_ r: JSONRecord) throws -> Double {
        let currency = try r.requiredString("currency")
        guard currency == "USD" else {
            throw r.error("currency", "expected \"USD\" (the only currency the cost report documents; its amounts are in cents), found \"\(currency)\"")
        }
        let text = try r.requiredString("amount")
        let expected = "expected a decimal string of cents ≥ 0 such as \"123.45\", found \"\(text)\""
        let digits = { (s: Substring) in !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, digits(whole), whole.count <= 15, parts.count == 1 || digits(parts[1]),
              let cents = Int64(whole), cents < maxCents else {
            throw r.error("amount", expected)
        }
        // Micro-dollars are ten-thousandths of a cent: the first four decimals, the fifth rounds.
        let fraction = parts.count == 2 ? Array(parts[1].utf8) : []
        var micros = cents * 10_000
        var scale: Int64 = 1000
        for digit in fraction.prefix(4) {
            micros += Int64(digit - 0x30) * scale
            scale /= 10
        }
        if fraction.count > 4, fraction[4] >= 0x35 { micros += 1 }
        return Double(micros) / 1_000_000
    }
}
