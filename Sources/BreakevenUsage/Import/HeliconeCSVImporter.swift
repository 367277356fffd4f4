/// `npx @helicone/export --format csv` (Helicone/helicone `examples/export/typescript/index.ts`,
/// `ExportWriter.writeCSVHeader` and `convertToCSVRow`; the tool's README "Output Formats"): a
/// header of twelve columns, `response_id, response_created_at, response_status,
/// request_created_at, request_body, request_properties, request_user_id, model, prompt_tokens,
/// completion_tokens, latency, cost` (`cost_usd` in the tool's versions before its checkpointed
/// rewrite), then a row a request, every value quoted as `String(value)` and null written as an
/// empty field; the object columns are JSON with their quotes doubled twice, and are not read.
///
/// The CSV has no `request_id`, no cache counts, no provider and no `cache_reference_id`: its
/// requests are told apart by `response_id` (so a CSV and a JSON export of the same requests
/// are not recognized as the same), its prompt tokens are Helicone's uncached ones only (export
/// JSON Lines for traffic that reads or writes a prompt cache), and a cache hit, which Helicone
/// logs without tokens, is counted among the requests without tokens.
enum HeliconeCSVImporter {
    static let required = ["response_id", "request_created_at", "model", "prompt_tokens", "completion_tokens"]

    static func read(_ table: inout CSVTable, into sink: inout some UsageSink, span: inout RequestSpan) throws {
        let id = table.required("response_id"), created = table.required("request_created_at"), model = table.required("model")
        let prompt = table.required("prompt_tokens"), completion = table.required("completion_tokens")
        let status = table.column("response_status"), cost = table.column("cost") ?? table.column("cost_usd")
        while try table.next() {
            let tokens = HeliconeRequestImporter.Tokens(prompt: try table.optionalCount(prompt) ?? 0, cacheRead: 0, cacheWrite: nil,
                                                        completion: try table.optionalCount(completion) ?? 0, reasoning: 0)
            let code = try self.status(table, status)
            guard !tokens.isEmpty else {
                sink.skip(HeliconeRequestImporter.withoutTokens(status: code))
                continue
            }
            let responseID = table.string(id)
            guard !responseID.isEmpty else { throw table.error(id, "expected a response id, found an empty field") }
            let name = table.string(model)
            guard !name.isEmpty else { throw table.error(model, "a request with tokens but no model (response \"\(responseID)\")") }
            let time = try table.timestamp(created)
            var billed: Double?
            if let cost {
                billed = try table.optionalNumber(cost)
                if let b = billed, b < 0 { throw table.error(cost, "expected a cost in USD ≥ 0, found \(table.quotedField(cost))") }
            }
            try sink.add(UsageRequest(id: responseID, time: time, model: name, usage: tokens.usage(billed: billed), place: table.place))
            span.add(time)
        }
    }

    /// The HTTP status (Helicone's own codes are negative: -3 a cancelled stream); nil for an
    /// absent column or an empty field.
    static func status(_ table: CSVTable, _ column: Int?) throws -> Int? {
        guard let column, let text = table.optionalString(column) else { return nil }
        guard let code = Int(text.trimmingWhitespace), abs(code) < 1000 else {
            throw table.error(column, "expected an HTTP status such as 200, found \(table.quotedField(column))")
        }
        return code
    }
}
