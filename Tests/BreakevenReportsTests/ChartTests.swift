import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import BreakevenCatalog
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// The charts: SVG files that parse as XML and hold only what a browser needs (no scripts,
/// images or external fonts), golden files for the fixture, and the axis arithmetic.
@Suite("Charts")
struct ChartTests {
    static let scenarios = GoldenReportTests.folder.deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    /// Every example scenario and the golden fixture.
    static func results() throws -> [(String, BreakevenResult)] {
        var files = try FileManager.default.contentsOfDirectory(atPath: scenarios.path)
            .filter { $0.hasSuffix(".json") && $0 != "scenario.schema.json" }.sorted()
            .map { scenarios.appendingPathComponent($0) }
        files.append(GoldenReportTests.folder.appendingPathComponent("team-chat.json"))
        return try files.map { url in
            let loaded = try ScenarioLoader.load(Array(try Data(contentsOf: url)), file: url.lastPathComponent,
                                                 catalog: try CatalogStore.seed())
            return (url.lastPathComponent, BreakevenAnalysis.analyse(loaded.scenario, Simulator.project(loaded.scenario)))
        }
    }

    /// Collects the elements of an XML document; nil if it does not parse.
    final class Elements: NSObject, XMLParserDelegate {
        var names: [String] = []
        var attributes: [[String: String]] = []
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            names.append(name)
            self.attributes.append(attributes)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        static func parse(_ svg: String) -> Elements? {
            let parser = XMLParser(data: Data(svg.utf8))
            let elements = Elements()
            parser.delegate = elements
            return parser.parse() ? elements : nil
        }
    }

    @Test func everyExampleChartIsValidSelfContainedSVG() throws {
        for (file, result) in try Self.results() {
            for (k, svg) in [ChartReport.cumulativeSVG(result), ChartReport.monthlySVG(result)].enumerated() {
                let parsed = try #require(Elements.parse(svg), "\(file): not well-formed XML")
                #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""))
                #expect(parsed.names.first == "svg")
                // Self-contained: no scripts, images, links, styles or fonts to fetch.
                #expect(Set(parsed.names).isSubset(of: ["svg", "title", "desc", "rect", "text", "g", "line", "polyline", "circle", "polygon"]), "\(file)")
                #expect(!svg.contains("href") && !svg.contains("url(") && !svg.contains("@font-face"), "\(file)")
                // One line per option; on the cumulative chart one marker per option that breaks even
                // (and one in the legend); the monthly chart marks no breakeven.
                #expect(parsed.names.filter { $0 == "polyline" }.count == result.options.filter { !$0.months.isEmpty }.count, "\(file)")
                let breakingEven = result.options.filter { $0.id != result.baseline && $0.breakevenMonth != nil }.count
                #expect(parsed.names.filter { $0 == "circle" }.count == (k == 0 ? 2 * breakingEven : 0), "\(file)")
                // Text is text: every label is in the file.
                for o in result.options { #expect(parsed.text.contains(o.label), "\(file): \(o.label)") }
                #expect(parsed.text.contains(MonthAxis.label(result.scenario.start)))
            }
        }
    }

    @Test func goldenSVG() throws {
        let result = try GoldenReportTests.result()
        try GoldenReportTests.compare(ChartReport.cumulativeSVG(result), golden: "team-chat.cumulative.svg")
        try GoldenReportTests.compare(ChartReport.monthlySVG(result), golden: "team-chat.monthly.svg")
    }

    @Test func labelsWithQuotesAndAmpersandsAreEscaped() throws {
        // The fixture's label is: Self-hosted, "8B", on L40S
        let svg = ChartReport.cumulativeSVG(try GoldenReportTests.result())
        #expect(svg.contains("Self-hosted, &quot;8B&quot;, on L40S"))
        #expect(SVGDocument.escape("R&D <lab> 'x'") == "R&amp;D &lt;lab&gt; &apos;x&apos;")
        #expect(MermaidXYChart.quoted(#"Self-hosted, "8B""#) == #""Self-hosted, '8B'""#)
    }

    @Test func ticksForDegenerateRangesNeitherTrapNorGiveNaN() {
        // Ends near the largest double: the span overflows unless divided first. 2 × 1.5e308 / 5
        // = 6e307 → a step of 1e308 (residual 6 rounds up to 10); -2e308 … 2e308 would overflow,
        // so the ends are the data's own multiples of the step, finite.
        let vast = NiceTicks(-1.5e308, 1.5e308)
        #expect(vast.ticks.allSatisfy(\.isFinite) && vast.ticks.count >= 2)
        // A denormal span: the ends themselves.
        let tiny = NiceTicks(Double.leastNonzeroMagnitude, 2 * Double.leastNonzeroMagnitude)
        #expect(tiny.ticks.allSatisfy(\.isFinite) && tiny.upper > tiny.lower)
        // Not numbers at all: an axis from 0, not a trap.
        let nan = AxisScale(values: [.nan, .infinity], money: .usd)
        #expect(nan.ticks.allSatisfy(\.isFinite) && nan.max > nan.min)
        // A range on one value: padded by 10% (5 ± 0.5 → steps of 0.2 from 4.4 to 5.6).
        #expect(NiceTicks(5, 5).ticks.count == 7)
    }

    @Test func niceTicks() {
        // 0 … 4.3M in about 5 steps: 0.86M rounds up to 1M.
        let money = AxisScale(values: [0, 4_300_000], money: .usd)
        #expect(money.ticks == [0, 1e6, 2e6, 3e6, 4e6, 5e6])
        #expect(money.ticks.map(money.label) == ["$0", "$1M", "$2M", "$3M", "$4M", "$5M"])
        // −1,200 … 9,000: 10,200 / 5 = 2,040 → 2,500; from −2,500 to 10,000.
        let negative = AxisScale(values: [-1_200, 9_000], money: .usd)
        #expect(negative.ticks.map(negative.label) == ["-$2.5k", "$0", "$2.5k", "$5k", "$7.5k", "$10k"])
        // All zero: a unit range, not a division by zero.
        #expect(AxisScale(values: [0, 0], money: .usd).ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        // About 8 labels at most, on calendar months from the first: 36 months every 6 (Jan, Jul).
        let axis = MonthAxis(start: CalendarMonth(year: 2027, month: 1), months: 36)
        #expect(axis.ticks == [1, 7, 13, 19, 25, 31])
        #expect(axis.ticks.map(axis.label) == ["Jan 2027", "Jul 2027", "Jan 2028", "Jul 2028", "Jan 2029", "Jul 2029"])
        #expect(MonthAxis(start: CalendarMonth(year: 2026, month: 11), months: 8).ticks.map(MonthAxis(start: CalendarMonth(year: 2026, month: 11), months: 8).label)
                == ["Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027", "Apr 2027", "May 2027", "Jun 2027"])
        #expect(MonthAxis(start: CalendarMonth(year: 2026, month: 1), months: 240).ticks == Array(stride(from: 1, through: 240, by: 60)))
        #expect(MonthAxis(start: CalendarMonth(year: 2026, month: 1), months: 1).ticks == [1])
    }

    @Test func lightColoursForBeforeLines() {
        // #1f77b4 half-way to white: (31 + 256) / 2 = 143 = 8f, (119 + 256) / 2 = 187 = bb, (180 + 256) / 2 = 218 = da.
        #expect(ChartColor.at(0).light == ChartColor(hex: "#8fbbda", name: "light blue"))
        #expect(ChartColor.at(10) == ChartColor.at(0))
    }

    @Test func mermaidChartOfTheFixture() throws {
        let chart = LineChart.cumulative(try GoldenReportTests.result())
        let block = MermaidChart.render(chart)
        #expect(block.hasPrefix("```mermaid\n%%{init: {\"themeVariables\": {\"xyChart\": {\"plotColorPalette\": \"#1f77b4, #ff7f0e, #2ca02c\"}}}}%%\nxychart-beta\n"))
        #expect(block.contains("    x-axis \"Month (1 = Apr 2026)\" 1 --> 6\n"))
        #expect(block.contains("    y-axis \"Cumulative cost (USD, thousands)\" 0 --> 80\n"))
        #expect(MermaidChart.legend(chart) == """
            | Line | Option | Breakeven |
            |---|---|---|
            | blue | Closed API | baseline |
            | orange | Self-hosted, "8B", on L40S | breaks even in month 2 (May 2026) |
            | green | Office GPU box | breaks even in month 2 (May 2026) |

            """)
    }
}
