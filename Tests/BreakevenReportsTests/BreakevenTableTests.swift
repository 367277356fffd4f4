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
