import Testing
@testable import BreakevenReports

@Suite("RFC 4180 CSV")
struct CSVTests {
    @Test func quotesOnlyWhatNeedsIt() {
        var t = CSVTable(header: ["option", "label"])
        t.append(["gpu", #"Self-hosted, "8B""#])
        t.append(["api", "Closed API"])
        #expect(t.text == "option,label\r\ngpu,\"Self-hosted, \"\"8B\"\"\"\r\napi,Closed API\r\n")
    }

    @Test func summaryCarriesTheTrialsPercentilesAndOdds() throws {
        let rows = CSVReport.summary(try GoldenReportTests.result("team-chat-risk")).components(separatedBy: "\r\n")
        #expect(rows[0].hasSuffix(",total_cost_p10,total_cost_p50,total_cost_p90,npv_p10,npv_p50,npv_p90,savings_vs_baseline_p10,savings_vs_baseline_p50,savings_vs_baseline_p90,npv_savings_vs_baseline_p10,npv_savings_vs_baseline_p50,npv_savings_vs_baseline_p90,probability_cheapest,probability_breakeven,currency"))
        // The baseline has no savings or breakeven of its own: empty cells; its odds of being cheapest, 0.
        #expect(rows[1].hasSuffix(",51779.59,64006.43,76863.68,50523.34,62389.03,74827.77,,,,,,,0.0000,,USD"))
        // The same percentiles as the result's uncertainty block, to the cent (savings p10 11,150.12…);
        // savings in present value a little lower at each percentile (p50 25,627.65 < 26,513.58: later months discounted).
        #expect(rows[2].hasSuffix(",25878.29,37720.23,49866.38,25393.65,36952.40,48825.01,11150.12,26513.58,43783.47,10674.81,25627.65,42434.02,0.0000,0.9700,USD"))
        // Without an uncertainty block the columns stay, empty, so summaries of several scenarios stack.
        let plain = CSVReport.summary(try GoldenReportTests.result()).components(separatedBy: "\r\n")
        #expect(plain[1].hasSuffix(",,,,,,,,,,,,,,,USD"))
    }
}
