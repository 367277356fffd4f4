@testable import BreakevenCore
@testable import BreakevenUsage
import Testing

/// A cost report gives the billed spend of the months whose traffic comes from an export without
/// amounts: tokens from `anthropic` or `openai`, billed from `anthropic-cost` or `openai-cost`.
struct BilledFromCostTests {
    static let january = CalendarMonth(year: 2026, month: 1)

    @Test func anthropicTokensAndCostReportBilledMeetInOneMonth() throws {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("anthropic-usage-report-2026-01.json"), format: .anthropic, name: "usage.json")
        _ = try store.importFile(Fixture.path("anthropic-cost-report.json"), format: .anthropicCost, name: "cost.json")
        let history = try store.history()
        let row = try #require(history.chosen(model: "claude-sonnet-4-20250514", month: BilledFromCostTests.january))
        // Traffic from the usage report: 1,500,000 + 200,123 + 4,000,000 + 3,000,000 prompt tokens,
        // 500,000 + 900,000 + 1,000,000 output tokens.
        #expect(row.format == .anthropic && row.figures.inputTokens == 8_700_123 && row.figures.outputTokens == 2_400_000)
        // Billed from the cost report: 450 + 6.00369 + 750 + 600 + 675 + 900 + 1,500 cents
        // = $48.75 + $0.060037 = $48.810037 (the web search's $10 is no model's).
        #expect(row.billedFrom == .anthropicCost && row.figures.currency == "USD")
        #expect((try #require(row.figures.billed) * 1e6).rounded() == 48_810_037)
        // The cost report is no traffic: it neither makes the month complete alone nor is a model's format.
        #expect(history.complete(BilledFromCostTests.january)?.formats == ["claude-sonnet-4-20250514": .anthropic])

        let summary = UsageSummary(history)
        #expect(summary.rows.count == 1)
        let line = try #require(summary.rows.first)
        #expect(line.format == .anthropic && line.billedFrom == .anthropicCost && line.otherFormats.isEmpty)
        #expect(line.sources.map(\.fileName) == ["usage.json"] && line.billedSources.map(\.fileName) == ["cost.json"])
        #expect(summary.notes.contains { $0.hasPrefix("billed: from a cost report") })
    }

    @Test func aCostReportAloneCompletesNoMonth() throws {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("anthropic-cost-report.json"), format: .anthropicCost)
        let history = try store.history()
        #expect(history.complete(BilledFromCostTests.january) == nil)
        #expect(history.chosen(model: "claude-sonnet-4-20250514", month: BilledFromCostTests.january) == nil)
        // Shown for what it is: spend without traffic, no tokens counted.
        let summary = UsageSummary(history)
        #expect(summary.rows.map(\.format) == [.anthropicCost])
        #expect(summary.notes.contains { $0.hasPrefix("anthropic-cost rows: spend of a model no imported usage export covers") })
        #expect(!summary.notes.contains { $0.contains("count no requests") })
    }

    @Test func fitWritesTheCostReportsAmountAsTheMonthsBilledActual() throws {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("openai-completions-2026-01.json"), format: .openai)
        _ = try store.importFile(Fixture.path("openai-costs.json"), format: .openaiCost)
        let fit = try WorkloadFit.fit(try store.history(), FitOptions())
        let actual = try #require(fit.workload["actuals"]?.elements?.first)
        // 5,000 + 7,000 requests; $0.50 + $1.00 + $5.00 + $7.50 + $7.00 = $21.00 billed.
        #expect(actual["requests"]?.number == 12_000)
        #expect(actual["billed"]?.number == 21)
    }

    /// Two sources covering January, one a traffic format, one a cost report.
    static func history(_ rows: [UsageMonth], traffic: UsageFormat, cost: UsageFormat) -> UsageHistory {
        let sources = [(1, traffic), (2, cost)].map { id, format in
            UsageSource(id: Int64(id), format: format, fileName: "\(format.rawValue).json", sha256: String(repeating: "0", count: 64),
                        coveredFrom: january.unixStart, coveredTo: january.unixEnd, records: 1)
        }
        return UsageHistory(sources: sources, months: rows, hours: [], sizes: [])
    }

    @Test func aTrafficExportsOwnAmountIsKept() throws {
        let history = BilledFromCostTests.history([
            FitTests.month("2026-01", requests: 10, input: 100, output: 10, format: .litellm, billed: 5),
            FitTests.month("2026-01", requests: nil, input: 0, output: 0, format: .openaiCost, billed: 9),
        ], traffic: .litellm, cost: .openaiCost)
        let row = try #require(history.chosen(model: "m", month: BilledFromCostTests.january))
        #expect(row.format == .litellm && row.figures.billed == 5 && row.billedFrom == nil)
    }

    @Test func costsInTwoCurrenciesGiveNoBilledAmount() throws {
        let store = try UsageStore.inMemory()
        _ = try store.importFile(Fixture.path("openai-completions-2026-01.json"), format: .openai)
        _ = try store.importFile(Fixture.path("openai-costs.json"), format: .openaiCost)
        let euros = try Fixture.write("""
            {"object": "page", "data": [{"object": "bucket", "start_time": 1767398400, "end_time": 1767484800, "results": [{"object": "organization.costs.result", "amount": {"value": 2.0, "currency": "eur"}, "line_item": "gpt-4o-2024-08-06, output", "project_id": "proj_abc"}]}], "has_more": false, "next_page": null}
            """, name: "euros.json")
        _ = try store.importFile(euros, format: .openaiCost)
        let row = try #require(try store.history().chosen(model: "gpt-4o-2024-08-06", month: BilledFromCostTests.january))
        // $21.00 and €2.00 do not add up.
        #expect(row.billedFrom == .openaiCost && row.figures.billed == nil)
    }
}
