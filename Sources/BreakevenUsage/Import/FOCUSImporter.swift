import BreakevenCore

/// A FinOps FOCUS 1.2 (or later) cost and usage CSV, read through the columns the FOCUS
/// specification defines (FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec, `specification/columns`):
/// rows whose `ChargeCategory` is Usage and whose `ConsumedUnit` counts tokens in the
/// specification's UnitFormat ("Tokens", "1000 Tokens"), by `ChargePeriodStart` (to
/// `ChargePeriodEnd`), `ConsumedQuantity`, and the token kind named by `SkuMeter` or
/// `SkuPriceDetails`. The model is `ResourceName` (else `ResourceId`, else `ServiceName`). What
/// the usage cost is `EffectiveCost` (amortized, after discounts), else `BilledCost`, in
/// `BillingCurrency`. FOCUS counts no requests (a "Requests" meter may count tool calls, not
/// model requests); rows in other units (hours of provisioned throughput…) are left out.
enum FOCUSImporter {
    static let required = ["ChargePeriodStart", "ConsumedQuantity", "ConsumedUnit", "BilledCost"]

    /// Tokens per unit of "Tokens", "Token", "1000 Tokens"; nil for any other unit.
    static func tokensPerUnit(_ text: String) -> Int64? {
        let parts = text.trimmingWhitespace.split(separator: " ")
        guard let name = parts.last?.lowercased(), parts.count <= 2 else { return nil }
        var quantity: Int64 = 1
        if parts.count == 2 {
            guard let q = Int64(parts[0]), q > 0 else { return nil }
            quantity = q
        }
        return name == "token" || name == "tokens" ? quantity : nil
    }

    static func read(_ table: inout CSVTable, into sink: inout some UsageSink) throws {
        let start = table.required("ChargePeriodStart"), quantity = table.required("ConsumedQuantity")
        let unitColumn = table.required("ConsumedUnit"), billedCost = table.required("BilledCost")
        let end = table.column("ChargePeriodEnd"), effective = table.column("EffectiveCost")
        let category = table.column("ChargeCategory"), currency = table.column("BillingCurrency")
        let service = table.column("ServiceName"), resourceName = table.column("ResourceName"), resourceID = table.column("ResourceId")
        let meter = table.column("SkuMeter"), details = table.column("SkuPriceDetails"), subAccount = table.column("SubAccountId")
        while try table.next() {
            if let category, let value = table.optionalString(category), value != "Usage" {
                sink.skip("rows whose ChargeCategory is not Usage")
                continue
            }
            guard let per = tokensPerUnit(table.string(unitColumn)) else {
                sink.skip("rows measured in units other than tokens")
                continue
            }
            let from = try table.timestamp(start)
            let to = try end.map { try table.timestamp($0) } ?? BedrockCURImporter.defaultEnd(from)
            guard to > from else { throw table.error(end, "expected a time after ChargePeriodStart") }
            sink.cover(from: from, to: to)
            let amount = try table.number(quantity)
            guard amount >= 0 else { throw table.error(quantity, "expected a quantity ≥ 0, found \(table.quotedField(quantity))") }
            // A row's tokens obey the same ceiling as any count a file gives (a unit of 1e18
            // tokens would otherwise carry a quantity past what a count can hold).
            let tokens = amount * Double(per)
            guard tokens <= CSVTable.maxCount else {
                throw table.error(quantity, "expected at most 1e15 tokens in one row, found \(table.quotedField(quantity)) × \(per) tokens (ConsumedUnit) = \(Money.scientific(tokens))")
            }
            let cost = try table.optionalNumber(effective) ?? table.number(billedCost)
            let model = table.optionalString(resourceName) ?? table.optionalString(resourceID) ?? table.optionalString(service) ?? ""
            let dimensions = UsageDimensions([("ServiceName", table.optionalString(service)), ("ResourceId", table.optionalString(resourceID)),
                                              ("SubAccountId", table.optionalString(subAccount))])
            let money = try table.currency(currency)
            let description = [meter, details].compactMap { table.optionalString($0) }.joined(separator: " ")
            guard let kind = TokenKind(describedBy: description) else {
                throw table.error(meter ?? details, "cannot tell input from output tokens: SkuMeter and SkuPriceDetails name no input, output, cache read or cache write (found \"\(description)\")")
            }
            try sink.add(UsageBucket(start: from, seconds: to - from, model: model, dimensions: dimensions, batch: nil,
                                     usage: kind.usage(Int64(tokens.rounded()), billed: cost, currency: money), place: table.place))
        }
    }
}
