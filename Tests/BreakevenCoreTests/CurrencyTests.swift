import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// Amounts in the scenario's currency: its sign on every amount a report prints, and the
/// catalog's US-dollar prices converted at the scenario's usd_rate.
@Suite("Currencies")
struct CurrencyTests {
    @Test func amountsCarryTheCurrencysSign() {
        #expect(MoneyFormat.usd.amount(1234.5) == "$1,234.50")
        let euros = MoneyFormat(code: "EUR")
        #expect(euros.amount(-1234.5) == "-€1,234.50")
        #expect(euros.compact(2_500_000) == "€2.5M")
        #expect(euros.price(0.01234, decimals: 4) == "€0.0123")
        #expect(euros.per("Mtok") == "€/Mtok")
        #expect(euros.round(-500) == "-€500")
        #expect(euros.round(1500) == "€1.5k")
        // A code without a sign everyone reads alike: the code and a space.
        let francs = MoneyFormat(code: "CHF")
        #expect(francs.amount(1234.5) == "CHF 1,234.50")
        #expect(francs.compact(-3_400_000) == "-CHF 3.4M")
        #expect(francs.per("Mtok") == "CHF/Mtok")
        // Amounts as prose writes them, without sign or currency.
        #expect(["1.25M", "12.5M", "240k", "1.5k", "950", "3.50"] == [1_250_000, 12_500_000, 240_000, 1_500, 950, 3.5].map(Money.abbreviated))
    }

    @Test func aReportInEurosShowsNoDollarSign() throws {
        let text = ScenarioText.document(months: 12, workload: BreakevenTests.workload,
                                         options: [BreakevenTests.api, BreakevenTests.selfHosted], extra: #", "currency": "EUR""#)
        let loaded = try ScenarioLoader.load(Array(text.utf8), file: "x.json")
        let s = loaded.scenario
        let result = BreakevenAnalysis.analyse(s, Simulator.project(s))
        let markdown = MarkdownReport.render(result, context: ReportContext(scenarioPath: "x.json"))
        #expect(markdown.contains("amounts in EUR"))
        #expect(markdown.contains("€/Mtok, month 1"))
        #expect(!markdown.contains("$"), "a dollar sign in a report counted in euros")
        var charts = [ChartReport.cumulativeSVG(result), ChartReport.monthlySVG(result)]
        var withSensitivity = result
        withSensitivity.sensitivity = Tornado.analyse(loaded)
        charts.append(try #require(TornadoChart.render(withSensitivity)))
        for chart in charts { #expect(!chart.contains("$"), "a dollar sign in a chart counted in euros") }
        #expect(Verdict.sentences(result).contains("€"))
    }
}
