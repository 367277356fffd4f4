/// OpenAI's Costs API: `GET /v1/organization/costs` pages, shaped like the usage endpoints'
/// (`{"object": "page", "data": [bucket…], "has_more", "next_page"}`, read by `BucketPages`
/// as `OpenAIUsageImporter` reads them), following the API reference's `CostsResult` (OpenAI's
/// OpenAPI spec: `object` "organization.costs.result", `amount` `{value, currency}` with the value a
/// number in the currency and the currency "lowercase ISO-4217 … e.g. usd", `line_item` and
/// `project_id` when grouped by them) and the cookbook "How to use the Usage API and Cost API"
/// (cookbook.openai.com/examples/completions_usage_api). The bucket width is 1d.
///
/// Spend only (`UsageFormat.carriesSpendOnly`). The model is named only inside `line_item`
/// (`group_by=line_item`), a label for people rather than a schema: the cookbook's table shows
/// "ft-gpt-4o-2024-08-06, input", "…, output" and "assistants api | file search". A line item is
/// taken as a model's only in the form "model, input", "model, cached input" or
/// "model, output"; anything else (tools, storage, a tier or surface prefix such as
/// "priority | …", an audio or image modality, a further qualifier) is left out and counted,
/// never guessed at.
enum OpenAICostImporter {
    static let resultObject = "organization.costs.result"
    static let ungrouped = "results without a line_item (request the costs with group_by=line_item to get each model)"
    static let notAModel = "line items not of the form \"model, input\", \"model, cached input\" or \"model, output\" (tools, storage, tiers, modalities)"
    /// A trillion in the bill's currency: far beyond any bill, within what the store holds.
    static let maxAmount = 1e12

    static func read(_ export: JSONExport, into sink: inout some UsageSink) throws {
        try BucketPages.read(export, page: "a costs page (an object with \"data\")", bucket: "a bucket", into: &sink,
                             document: OpenAIUsageImporter.isPage, span: OpenAIUsageImporter.span) { r, start, seconds, sink in
            try r.requireObject("a costs result")
            if let object = try r.string("object"), object != resultObject {
                throw r.error("object", "expected \"\(resultObject)\" (the costs endpoint), found \"\(object)\"")
            }
            guard let amount = r.child("amount"), amount.node.value != .null else { throw r.error(nil, "missing key \"amount\"") }
            try amount.requireObject("an amount (an object with value and currency)")
            guard let valueNode = amount.node["value"], valueNode.value != .null else { throw amount.error(nil, "missing key \"value\"") }
            guard let value = valueNode.number, value >= 0, value < maxAmount else {
                throw amount.error("value", "expected an amount ≥ 0 in the currency, found \(valueNode.quoted)")
            }
            let text = try amount.requiredString("currency")
            guard let currency = CurrencyCode.normalized(text) else {
                throw amount.error("currency", "expected an ISO 4217 currency code such as \"usd\", found \"\(text)\"")
            }
            let project = try r.string("project_id"), key = try r.string("api_key_id"), lineItem = try r.string("line_item")
            let dimensions = UsageDimensions([("project_id", project), ("api_key_id", key), ("line_item", lineItem)])
            guard let lineItem else {
                sink.skip(ungrouped)
                return
            }
            guard let model = model(lineItem) else {
                sink.skip(notAModel)
                return
            }
            try sink.add(UsageBucket(start: start, seconds: seconds, model: model, dimensions: dimensions, batch: nil, requests: nil,
                                     usage: TokenUsage(input: 0, output: 0, billed: value, currency: currency), place: r.place))
        }
    }

    /// The model of a line item "model, input", "model, cached input" or "model, output"; nil for
    /// any other form. The model is one word of letters, digits and `-._:` (no spaces, no `|`).
    static func model(_ lineItem: String) -> String? {
        let parts = lineItem.components(separatedBy: ", ")
        guard parts.count == 2, ["input", "cached input", "output"].contains(parts[1].lowercased()) else { return nil }
        let name = parts[0]
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-._:".contains($0)) }) else { return nil }
        return name
    }
}
