import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// Every SVG the tool writes parses as XML, is SVG 1.1 with its text as text, and comes out the
/// same twice; the sweep's files are compared with golden copies.
@Suite("SVG charts and sweep files")
struct SVGTests {
    /// The names of the elements, the root's attributes and every piece of text of an XML document.
    final class Reader: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var rootAttributes: [String: String] = [:]
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if elements.isEmpty { rootAttributes = attributes }
            elements.append(name)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ svg: String) throws -> Reader {
        let parser = XMLParser(data: Data(svg.utf8))
        let reader = Reader()
        parser.delegate = reader
        #expect(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(reader.elements.first == "svg")
        #expect(reader.rootAttributes["version"] == "1.1" && reader.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(reader.elements.contains("title") && reader.elements.contains("desc") && reader.elements.contains("text"))
        #expect(!reader.elements.contains("script") && !reader.elements.contains("image"))
        return reader
    }

    /// The sweep of SweepTests' analytic case: API at $0.01 a request against one replica at y a GPU-hour.
    static let scenario = """
        { "version": 1, "name": "Analytic crossing & <friends>", "start": "2026-04", "months": 1,
          "workload": { "requests_per_month": 50000, "input_tokens_per_request": 0, "output_tokens_per_request": 1000 },
          "options": [
            { "id": "api", "type": "api", "label": "API \\"closed\\"", "prices": { "input_per_mtok": 1, "output_per_mtok": 10 } },
            { "id": "self", "type": "self_hosted", "label": "One replica", "gpu_hourly": 1,
              "throughput": { "output_tokens_per_second": 1e7, "input_tokens_per_second": 1e8 } } ] }
        """

    static func grid(_ x: String, _ y: String?, metric: SweepMetric) throws -> SweepGrid {
        let loaded = try ScenarioLoader.load(Array(scenario.utf8), file: "analytic.json")
        return try Sweep.run(loaded, x: try SweepAxis.parse(x, flag: "--x"),
                             y: try y.map { try SweepAxis.parse($0, flag: "--y") }, metric: metric, option: nil, threads: 2)
    }

    @Test func heatmapsForEveryMetric() throws {
        for metric in SweepMetric.allCases {
            let g = try Self.grid("workload.requests_per_month=1e4..1e6:30:log", "options.self.gpu_hourly=0.5..2:12", metric: metric)
            let svg = SweepChart.render(g)
            let reader = try Self.parse(svg)
            #expect(reader.text.contains("workload.requests_per_month") && reader.text.contains("options.self.gpu_hourly"))
            #expect(reader.text.contains("Analytic crossing & <friends>"))
            #expect(svg == SweepChart.render(try Self.grid("workload.requests_per_month=1e4..1e6:30:log", "options.self.gpu_hourly=0.5..2:12", metric: metric)))
        }
    }

    @Test func lineChartsForEveryMetric() throws {
        for metric in SweepMetric.allCases {
            let svg = SweepChart.render(try Self.grid("workload.requests_per_month=1e4..2e5:40", nil, metric: metric))
            let reader = try Self.parse(svg)
            #expect(reader.elements.contains("polyline"))
            #expect(reader.text.contains(metric == .cheapest ? "self cheapest from 72k" : metric == .savings ? "breakeven at 72k" : "Breakeven month"))
        }
    }

    @Test func tornadoCharts() throws {
        for name in ["team-chat", "team-chat-risk"] {
            let reader = try Self.parse(try #require(TornadoChart.render(try GoldenReportTests.result(name))))
            #expect(reader.text.contains("What moves the savings"))
        }
    }

    /// Every SVG file the repository holds (the committed reports, the sweeps, the golden copies):
    /// each parses as XML, is SVG 1.1 and holds no script or image.
    @Test func everyCommittedSVGParses() throws {
        let root = CLIPaths.packageRoot
        var files: [URL] = []
        for folder in ["reports", "reports/sweeps", "Tests/BreakevenReportsTests/Golden"] {
            let dir = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasSuffix(".svg") {
                files.append(dir.appendingPathComponent(name))
            }
        }
        #expect(files.count >= 27)
        for file in files {
            _ = try Self.parse(try String(contentsOf: file, encoding: .utf8))
        }
    }

    @Test func aSampledFrontierTableSaysWhatItLeavesOut() throws {
        // 32 GPU prices: 21 rows listed (the most a table holds), 11 left out.
        let tall = try Self.grid("workload.requests_per_month=1e4..2.5e5:5", "options.self.gpu_hourly=0.5..2:32", metric: .savings)
        let note = "The table lists 21 of the 32 values of `options.self.gpu_hourly`, evenly spaced with the first and the last, to stay readable: the 11 left out are in the chart and in [analytic.sweep.csv](analytic.sweep.csv).\n"
        #expect(SweepReport.leftOut(tall, csv: "analytic.sweep.csv") == note)
        let cheapest = SweepReport.render(try Self.grid("workload.requests_per_month=1e4..2.5e5:5", "options.self.gpu_hourly=0.5..2:32", metric: .cheapest),
                                          name: "analytic", command: "breakeven sweep")
        #expect(cheapest.contains("|\n\n" + note + "\n## Over the grid"))
        #expect(SweepReport.render(tall, name: "analytic", command: "breakeven sweep").contains("|\n\n" + note + "\n## Over the grid"))
        // 21 values fit: nothing left out, no note; nor for a line.
        #expect(SweepReport.leftOut(try Self.grid("workload.requests_per_month=1e4..2.5e5:5", "options.self.gpu_hourly=0.5..2:21", metric: .savings), csv: "x") == nil)
        #expect(SweepReport.leftOut(try Self.grid("workload.requests_per_month=1e4..2.5e5:5", nil, metric: .savings), csv: "x") == nil)
    }

    @Test func sweepFilesMatchTheirGoldenCopies() throws {
        let g = try Self.grid("workload.requests_per_month=1e4..2.5e5:25", "options.self.gpu_hourly=0.5..2:4", metric: .savings)
        let command = "breakeven sweep analytic.json --x workload.requests_per_month=1e4..2.5e5:25 --y options.self.gpu_hourly=0.5..2:4 --metric savings"
        try GoldenReportTests.compare(SweepReport.render(g, name: "analytic", command: command), golden: "analytic.sweep.md")
        try GoldenReportTests.compare(SweepCSV.render(g), golden: "analytic.sweep.csv")
        try GoldenReportTests.compare(SweepChart.render(g), golden: "analytic.sweep.svg")
        let line = try Self.grid("workload.requests_per_month=1e4..2.5e5:25", nil, metric: .cheapest)
        try GoldenReportTests.compare(SweepChart.render(line), golden: "analytic.sweep-1d.svg")
    }
}

enum CLIPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
