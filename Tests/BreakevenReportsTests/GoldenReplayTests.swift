@testable import BreakevenCore
@testable import BreakevenReports
import Foundation
import Testing

/// The reports of a fixture with actual months: the Replay section, the CSV rows of the months
/// that happened, and `options[].replay` in the JSON. Re-record with
/// `BREAKEVEN_RECORD=1 swift test --filter GoldenReplayTests`.
@Suite("Golden reports of replayed months")
struct GoldenReplayTests {
    static func result() throws -> BreakevenResult { try GoldenReportTests.result("team-chat-actuals") }

    @Test func replaySection() throws {
        let md = MarkdownReport.render(try Self.result(), context: ReportContext(scenarioPath: "scenarios/team-chat-actuals.json"))
        let start = try #require(md.range(of: "## Replay\n"))
        let end = try #require(md.range(of: "\n## ", range: start.upperBound..<md.endIndex))
        try GoldenReportTests.compare(String(md[start.lowerBound..<end.lowerBound]) + "\n", golden: "team-chat-actuals.replay.md")
    }

    @Test func monthlyCSVStartsWithTheActualMonths() throws {
        try GoldenReportTests.compare(CSVReport.monthly(try Self.result()), golden: "team-chat-actuals.monthly.csv")
    }

    @Test func jsonRoundTripsWithReplays() throws {
        let result = try Self.result()
        // February: 1.4e9 uncached × $2 + 1.4e9 cached × $0.50 + 5.6e8 output × $8 = 2,800 + 700 + 4,480 = 7,980.
        #expect(result.options[0].replay?.months.first?.totalCost == 7980)
        #expect(try JSONReport.decode(Data(try JSONReport.render(result).utf8)) == result)
    }
}
