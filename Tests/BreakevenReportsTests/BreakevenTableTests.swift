import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// The breakeven table words a volume the same in its tokens and its requests column.
@Suite("Breakeven table")
struct BreakevenTableTests {
    /// Against an API at $2 / $8 per million, one at half those prices is cheaper at any volume
    /// (breakeven volume 0) and one at 1.5× never is: the requests column said "0" and "–" where
    /// the tokens column said "any volume" and "never".
    @Test func anyVolumeAndNeverInBothColumns() throws {
        let result = try WarningWordingTests.analysed(months: 1, requests: 1_000, gpu: """
            { "id": "half", "type": "api", "label": "Half price", "prices": { "input_per_mtok": 1, "output_per_mtok": 4 } },
            { "id": "dear", "type": "api", "label": "Dearer", "prices": { "input_per_mtok": 3, "output_per_mtok": 12 } }
            """)
        let table = MarkdownReport.breakeven(result)
        // 1,000 requests of 1,000 prompt and 100 output tokens: the API pays 1 Mtok × $2 + 0.1 × $8
        // = $2.80; half price $1.40 saves $1.40; 1.5× costs $4.20, $1.40 more.
        #expect(table.contains("| Half price | 1 | 1 | any volume | any volume | $1.40 |"))
        #expect(table.contains("| Dearer | never | never | never | never | -$1.40 |"))
    }
}

/// Every cost component reaches the cost breakdown and the monthly CSV: provisioned units were
/// missing from both, so their rows did not add up to the total.
@Suite("Cost components in reports")
struct CostComponentTests {
    /// January 2027 (744 hours): 15 units at $1 an hour are 15 × 744 = $11,160 of provisioned
    /// units; 1,000 requests of 1,000 prompt and 100 output tokens overflow to nothing (the units
    /// carry them), and the API alone costs 1 Mtok × $2 + 0.1 Mtok × $8 = $2.80.
    static func result() throws -> BreakevenResult {
        try WarningWordingTests.analysed(months: 1, requests: 1_000, gpu: """
            { "id": "ptu", "type": "provisioned", "label": "PTUs", "units": 15, "unit_price_per_hour": 1,
              "input_tokens_per_minute_per_unit": 2500, "min_units": 15 }
            """)
    }

    @Test func theBreakdownShowsProvisionedUnits() throws {
        let table = MarkdownReport.breakdown(try Self.result())
        #expect(table.contains("| Provisioned units | $0.00 | $11,160.00 |"))
        #expect(table.contains("| Total | $2.80 | $11,160.00 |"))
        // No machines, so no word on their resale.
        #expect(!table.contains("Hardware is negative"))
    }

    @Test func theMonthlyCSVsComponentsAddUpToTheTotal() throws {
        let rows = CSVReport.monthly(try Self.result()).split(whereSeparator: \.isNewline).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = try #require(rows.first)
        let components = header.indices.filter { header[$0].hasSuffix("_cost") && header[$0] != "total_cost" && header[$0] != "cumulative_cost" }
        #expect(components.map { header[$0] } == CostLines.lines.map { $0.key + "_cost" })
        let total = try #require(header.firstIndex(of: "total_cost"))
        #expect(rows.count == 3)
        for row in rows.dropFirst() {
            let sum = components.reduce(0.0) { $0 + (Double(row[$1]) ?? .nan) }
            #expect(abs(sum - (Double(row[total]) ?? .nan)) < 0.005, "\(row)")
        }
        #expect(rows.dropFirst().contains { $0[0] == "ptu" && $0[header.firstIndex(of: "provisioned_cost") ?? 0] == "11160.00" })
    }
}
