/// An AWS Data Exports CUR 2.0 CSV, Amazon Bedrock's token lines, read as "Understanding your
/// Amazon Bedrock Cost and Usage Report data" (Bedrock user guide) describes them: one line item
/// per token kind, whose `line_item_usage_type` ends in `-input-tokens`, `-output-tokens`,
/// `-cache-read-input-token-count` or `-cache-write-input-token-count` (or carries
/// `-mantle-input-tokens-…`), with `line_item_usage_start_date`, `line_item_usage_amount`
/// (tokens), `line_item_unblended_cost` and `line_item_resource_id`. The usage type reads
/// REGION-MODEL-KIND[-TIER]: `USE1-Claude3.5Sonnet-input-tokens`. CUR counts no requests;
/// other line items (EC2, tax, credits) are left out.
enum BedrockCURImporter {
    static let required = ["line_item_usage_start_date", "line_item_usage_type", "line_item_usage_amount", "line_item_unblended_cost"]

    /// Markers of each token kind in a usage type, cache kinds first (they also say "input").
    static let markers: [(String, TokenKind)] = [
        ("-cache-read-input-token-count", .cacheRead), ("-cache-write-input-token-count", .cacheWrite),
        ("-mantle-input-tokens", .input), ("-mantle-output-tokens", .output),
        ("-input-tokens", .input), ("-output-tokens", .output),
    ]

    /// Line item types that are usage (priced on demand, or under a discount or savings plan).
    static let usageLineTypes: Set<String> = ["Usage", "DiscountedUsage", "SavingsPlanCoveredUsage"]

    /// A line without an end: an hour, or a day when it starts at midnight (daily reports).
    static func defaultEnd(_ start: Int64) -> Int64 {
        start % 86_400 == 0 ? start + 86_400 : start + 3600
    }

    /// (region, model, kind, tier) of a Bedrock token usage type; nil for any other usage type.
    static func parse(usageType: String) -> (region: String, model: String, kind: TokenKind, tier: String)? {
        for (marker, kind) in markers {
            guard let range = usageType.range(of: marker) else { continue }
            let head = usageType[..<range.lowerBound]
            let tail = usageType[range.upperBound...].drop { $0 == "-" }
            var region = "", model = Substring(head)
            // The region code: capitals and digits before the first hyphen (USE1, EUC1, APS2).
            if let dash = head.firstIndex(of: "-"), head[..<dash].allSatisfy({ $0.isUppercase || $0.isNumber }) {
                region = String(head[..<dash])
                model = head[head.index(after: dash)...]
            }
            guard !model.isEmpty else { return nil }
            return (region, String(model), kind, String(tail))
        }
        return nil
    }

    static func read(_ table: inout CSVTable, into sink: inout some UsageSink) throws {
        let start = table.required("line_item_usage_start_date"), type = table.required("line_item_usage_type")
        let amount = table.required("line_item_usage_amount"), cost = table.required("line_item_unblended_cost")
        let end = table.column("line_item_usage_end_date"), resource = table.column("line_item_resource_id")
        let lineType = table.column("line_item_line_item_type"), currency = table.column("line_item_currency_code")
        let account = table.column("line_item_usage_account_id")
        while try table.next() {
            guard let item = parse(usageType: table.string(type)) else {
                sink.skip("line items that are not Bedrock token usage")
                continue
            }
            if let lineType, let value = table.optionalString(lineType), !usageLineTypes.contains(value) {
                sink.skip("Bedrock line items that are not usage (\(value))")
                continue
            }
            let from = try table.timestamp(start)
            let to = try end.map { try table.timestamp($0) } ?? defaultEnd(from)
            guard to > from else { throw table.error(end, "expected a time after line_item_usage_start_date") }
            sink.cover(from: from, to: to)
            let tokens = try table.number(amount)
            guard tokens >= 0 else { throw table.error(amount, "expected a token count ≥ 0, found \(table.quotedField(amount))") }
            let dimensions = UsageDimensions([("region", item.region), ("tier", item.tier),
                                              ("line_item_resource_id", table.optionalString(resource)),
                                              ("line_item_usage_account_id", table.optionalString(account))])
            let usage = item.kind.usage(Int64(tokens.rounded()), billed: try table.number(cost),
                                        currency: try table.currency(currency))
            try sink.add(UsageBucket(start: from, seconds: to - from, model: item.model, dimensions: dimensions,
                                     batch: item.tier.lowercased().contains("batch"), usage: usage, place: table.place))
        }
    }
}
