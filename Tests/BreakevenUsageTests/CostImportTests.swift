@testable import BreakevenUsage
import Testing

/// The providers' cost reports (`anthropic-cost`, `openai-cost`): amounts only, by model.
struct CostImportTests {
    /// 2026-01-01 and 2026-01-15 (+ 14 × 86,400), Unix seconds.
    static let jan1: Int64 = 1_767_225_600, jan15: Int64 = 1_768_435_200

    @Test func anthropicCostsAreCentsOfAModelADay() throws {
        let sink = try ListSink.read(.anthropicCost, Fixture.path("anthropic-cost-report.json"))
        // Seven token costs of claude-sonnet-4; the web search cost has no model.
        #expect(sink.buckets.count == 7 && sink.skipped == [AnthropicCostImporter.notAModel: 1])
        #expect(sink.buckets.allSatisfy {
            $0.model == "claude-sonnet-4-20250514" && $0.seconds == 86_400 && $0.requests == nil && $0.batch == nil
                && $0.usage.input == 0 && $0.usage.output == 0 && $0.usage.currency == "USD"
        })
        #expect(sink.buckets.map(\.start) == [CostImportTests.jan1, CostImportTests.jan1, CostImportTests.jan1, CostImportTests.jan1,
                                              CostImportTests.jan1, CostImportTests.jan15, CostImportTests.jan15])
        // Cents: "450" is $4.50; "6.00369" is 200,123 cache reads × $0.30/M = $0.0600369, to the
        // micro-dollar $0.060037 (the fifth decimal of a cent, 9, rounds up); "900.0" is $9.
        #expect(sink.buckets.map { Int64((($0.usage.billed ?? -1) * 1e6).rounded()) }
                    == [4_500_000, 60_037, 7_500_000, 6_000_000, 6_750_000, 9_000_000, 15_000_000])
        // Each token type, tier and description is its own bucket (the report's groups).
        #expect(Set(sink.buckets.map { ImportSession.Key($0) }).count == 7)
        #expect(sink.buckets[1].dimensions.text.contains(#""token_type":"cache_read_input_tokens""#))
        #expect(sink.buckets[0].place?.path == "data[0].results[0]" && sink.buckets[0].place?.line == 5)
        // All of January: 31 daily buckets, most of them empty.
        let covered = try #require(sink.covered)
        #expect(covered == (CostImportTests.jan1, CostImportTests.jan1 + 31 * 86_400))
    }

    @Test func anAnthropicReportNotGroupedByDescriptionIsLeftOutAndSaysHow() throws {
        let path = try Fixture.write("""
            {"data": [{"starting_at": "2026-01-01T00:00:00Z", "ending_at": "2026-01-02T00:00:00Z", "results": [{"amount": "123.45", "currency": "USD", "context_window": null, "cost_type": null, "description": null, "model": null, "service_tier": null, "token_type": null, "workspace_id": null}]}], "has_more": false, "next_page": null}
            """, name: "ungrouped.json")
        let sink = try ListSink.read(.anthropicCost, path)
        #expect(sink.buckets.isEmpty && sink.skipped == [AnthropicCostImporter.ungrouped: 1])
        let store = try UsageStore.inMemory()
        let summary = try store.importFile(path, format: .anthropicCost, name: "ungrouped.json")
        #expect(summary.text == "ungrouped.json (anthropic-cost): no model costs found; left out: \(AnthropicCostImporter.ungrouped): 1")
    }

    @Test func openAICostsNameTheModelInTheLineItem() throws {
        let sink = try ListSink.read(.openaiCost, Fixture.path("openai-costs.json"))
        // Five line items of gpt-4o; web search and file search are no model's tokens.
        #expect(sink.buckets.count == 5 && sink.skipped == [OpenAICostImporter.notAModel: 2])
        #expect(sink.buckets.allSatisfy { $0.model == "gpt-4o-2024-08-06" && $0.usage.currency == "USD" && $0.usage.input == 0 })
        // Dollars, not cents: 200,000 uncached × $2.50/M, 800,000 cached × $1.25/M, 500,000 output × $10/M.
        #expect(sink.buckets.map(\.usage.billed) == [0.5, 1.0, 5.0, 7.5, 7.0])
        #expect(sink.buckets[1].dimensions.text == #"{"line_item":"gpt-4o-2024-08-06, cached input","project_id":"proj_abc"}"#)
        let covered = try #require(sink.covered)
        #expect(covered == (CostImportTests.jan1, CostImportTests.jan1 + 31 * 86_400))
    }

    @Test func onlyTheThreeDocumentedLineItemFormsNameAModel() {
        #expect(OpenAICostImporter.model("gpt-4o-2024-08-06, input") == "gpt-4o-2024-08-06")
        #expect(OpenAICostImporter.model("gpt-5-mini-2025-08-07, cached input") == "gpt-5-mini-2025-08-07")
        #expect(OpenAICostImporter.model("gpt-4.1-2025-04-14, Output") == "gpt-4.1-2025-04-14")
        // The cookbook's fine-tuned line item names the model as OpenAI bills it.
        #expect(OpenAICostImporter.model("ft-gpt-4o-2024-08-06, input") == "ft-gpt-4o-2024-08-06")
        for item in ["web search tool calls", "assistants api | file search", "priority | gpt-5, output, long context",
                     "gpt-audio-mini-2025-12-15 audio, input", "gpt-4o, image", ", input", "gpt-4o,input"] {
            #expect(OpenAICostImporter.model(item) == nil, "\(item)")
        }
    }

    @Test func anOpenAICostReportWithoutLineItemsIsLeftOutAndSaysHow() throws {
        let path = try Fixture.write("""
            {"object": "page", "data": [{"object": "bucket", "start_time": 1767225600, "end_time": 1767312000, "results": [{"object": "organization.costs.result", "amount": {"value": 0.06, "currency": "usd"}, "line_item": null, "project_id": null}]}], "has_more": false, "next_page": null}
            """, name: "costs.json")
        let sink = try ListSink.read(.openaiCost, path)
        #expect(sink.buckets.isEmpty && sink.skipped == [OpenAICostImporter.ungrouped: 1])
    }

    @Test func reimportingACostReportChangesNothing() throws {
        let store = try UsageStore.inMemory()
        for (file, format, buckets) in [("anthropic-cost-report.json", UsageFormat.anthropicCost, 7), ("openai-costs.json", .openaiCost, 5)] {
            let first = try store.importFile(Fixture.path(file), format: format, name: file)
            #expect(first.bucketsAdded == buckets)
            let again = try store.importFile(Fixture.path(file), format: format, name: file)
            #expect(again.bucketsUnchanged == buckets && again.changedNothing)
        }
        // A later report with another amount for one line changes that bucket alone.
        let later = try Fixture.write("""
            {"object": "page", "data": [{"object": "bucket", "start_time": 1767225600, "end_time": 1767312000, "results": [{"object": "organization.costs.result", "amount": {"value": 0.75, "currency": "usd"}, "line_item": "gpt-4o-2024-08-06, input", "project_id": "proj_abc"}]}], "has_more": false, "next_page": null}
            """, name: "later.json")
        let changed = try store.importFile(later, format: .openaiCost)
        #expect(changed.bucketsChanged == 1 && changed.bucketsAdded == 0)
    }

    // MARK: Refusals

    func refusal(_ format: UsageFormat, _ text: String, name: String = "costs.json") throws -> String? {
        let path = try Fixture.write(text, name: name)
        return importError(as: name) { _ = try ListSink.read(format, path) }
    }

    static func anthropicPage(_ result: String) -> String {
        #"{"data": [{"starting_at": "2026-01-01T00:00:00Z", "ending_at": "2026-01-02T00:00:00Z", "results": ["# + result + "]}]}"
    }

    @Test func anAnthropicAmountThatIsNotADecimalStringOfCentsIsRefused() throws {
        #expect(try refusal(.anthropicCost, CostImportTests.anthropicPage(#"{"amount": 123.45, "currency": "USD", "model": "m"}"#))
                == "costs.json:1:111: error: data[0].results[0].amount: expected a string or null, found 123.45")
        #expect(try refusal(.anthropicCost, CostImportTests.anthropicPage(#"{"amount": "-5", "currency": "USD", "model": "m"}"#))
                == #"costs.json:1:111: error: data[0].results[0].amount: expected a decimal string of cents ≥ 0 such as "123.45", found "-5""#)
        #expect(try refusal(.anthropicCost, CostImportTests.anthropicPage(#"{"amount": "1.2e3", "currency": "USD", "model": "m"}"#))
                == #"costs.json:1:111: error: data[0].results[0].amount: expected a decimal string of cents ≥ 0 such as "123.45", found "1.2e3""#)
    }

    @Test func anAnthropicCostInAnotherCurrencyOrWithoutOneIsRefused() throws {
        #expect(try refusal(.anthropicCost, CostImportTests.anthropicPage(#"{"amount": "5", "currency": "EUR", "model": "m"}"#))
                == #"costs.json:1:128: error: data[0].results[0].currency: expected "USD" (the only currency the cost report documents; its amounts are in cents), found "EUR""#)
        #expect(try refusal(.anthropicCost, CostImportTests.anthropicPage(#"{"amount": "5", "model": "m"}"#))
                == #"costs.json:1:100: error: data[0].results[0]: missing key "currency""#)
    }

    @Test func anOpenAIAmountMustBeANumberInACurrency() throws {
        func page(_ amount: String) -> String {
            #"{"object": "page", "data": [{"object": "bucket", "start_time": 1767225600, "end_time": 1767312000, "results": [{"object": "organization.costs.result", "amount": "#
                + amount + #", "line_item": "gpt-4o, input"}]}]}"#
        }
        #expect(try refusal(.openaiCost, page(#"{"value": "0.06", "currency": "usd"}"#))
                == #"costs.json:1:172: error: data[0].results[0].amount.value: expected an amount ≥ 0 in the currency, found "0.06""#)
        #expect(try refusal(.openaiCost, page(#"{"value": 0.06, "currency": "US dollars"}"#))
                == #"costs.json:1:190: error: data[0].results[0].amount.currency: expected an ISO 4217 currency code such as "usd", found "US dollars""#)
        #expect(try refusal(.openaiCost, page("0.06"))
                == "costs.json:1:162: error: data[0].results[0].amount: expected an amount (an object with value and currency), found 0.06")
        #expect(try refusal(.openaiCost, page(#"{"currency": "usd"}"#))
                == #"costs.json:1:162: error: data[0].results[0].amount: missing key "value""#)
    }

    @Test func aUsageResultInACostsFileIsRefused() throws {
        #expect(try refusal(.openaiCost, """
            {"object": "page", "data": [{"object": "bucket", "start_time": 1767225600, "end_time": 1767312000, "results": [
              {"object": "organization.usage.completions.result", "input_tokens": 10, "output_tokens": 2, "num_model_requests": 1}]}]}
            """) == #"costs.json:2:14: error: data[0].results[0].object: expected "organization.costs.result" (the costs endpoint), found "organization.usage.completions.result""#)
    }
}
