import Foundation
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// The reports of a small fixture, compared byte for byte with files kept beside this test.
/// Re-record with `BREAKEVEN_RECORD=1 swift test --filter GoldenReportTests`.
@Suite("Golden reports")
struct GoldenReportTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// The result `run` makes of a fixture: the analysis, the tornado and (with an uncertainty
    /// block) the Monte Carlo trials.
    static func result(_ name: String = "team-chat") throws -> BreakevenResult {
        let bytes = try Data(contentsOf: folder.appendingPathComponent("\(name).json"))
        var loaded = try ScenarioLoader.load(Array(bytes), file: "\(name).json")
        // The executable puts the SHA-256 of the canonical form here; a fixed stand-in keeps
        // this test about rendering.
        loaded.scenario.digest = "0000000000000000000000000000000000000000000000000000000000000000"
        var result = BreakevenAnalysis.analyse(loaded.scenario, Simulator.project(loaded.scenario))
        UncertaintyAnalysis.analyse(&result, loaded, threads: 2)
        return result
    }

    static func compare(_ actual: String, golden name: String) throws {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["BREAKEVEN_RECORD"] != nil {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            Issue.record("\(name) differs from its golden file:\n\(LineDiff.unified(expected: expected, actual: actual))")
        }
    }

    @Test func markdown() throws {
        try Self.compare(MarkdownReport.render(try Self.result(), context: ReportContext(scenarioPath: "scenarios/team-chat.json", chartFilesName: "team-chat")),
                         golden: "team-chat.md")
    }

    @Test func monthlyCSV() throws {
        try Self.compare(CSVReport.monthly(try Self.result()), golden: "team-chat.monthly.csv")
    }

    @Test func summaryCSV() throws {
        try Self.compare(CSVReport.summary(try Self.result()), golden: "team-chat.summary.csv")
    }

    @Test func json() throws {
        try Self.compare(try JSONReport.render(try Self.result()), golden: "team-chat.result.json")
    }

    @Test func tornadoSVG() throws {
        try Self.compare(try #require(TornadoChart.render(try Self.result())), golden: "team-chat.tornado.svg")
    }

    @Test func uncertaintyMarkdown() throws {
        try Self.compare(MarkdownReport.render(try Self.result("team-chat-risk"), context: ReportContext(scenarioPath: "scenarios/team-chat-risk.json")),
                         golden: "team-chat-risk.md")
    }

    @Test func uncertaintyJSON() throws {
        try Self.compare(try JSONReport.render(try Self.result("team-chat-risk")), golden: "team-chat-risk.result.json")
    }

    @Test func uncertaintyTornadoSVG() throws {
        try Self.compare(try #require(TornadoChart.render(try Self.result("team-chat-risk"))), golden: "team-chat-risk.tornado.svg")
    }

    @Test func uncertaintyJSONRoundTrips() throws {
        let result = try Self.result("team-chat-risk")
        #expect(try JSONReport.decode(Data(try JSONReport.render(result).utf8)) == result)
    }

    @Test func jsonRoundTrips() throws {
        let result = try Self.result()
        let decoded = try JSONReport.decode(Data(try JSONReport.render(result).utf8))
        #expect(decoded == result)
    }

    @Test func renderingTwiceIsByteIdentical() throws {
        let a = try Self.result(), b = try Self.result()
        let context = ReportContext(scenarioPath: "x.json")
        #expect(MarkdownReport.render(a, context: context) == MarkdownReport.render(b, context: context))
        #expect(try JSONReport.render(a) == JSONReport.render(b))
        #expect(CSVReport.monthly(a) == CSVReport.monthly(b))
    }
}

/// A line diff good enough to show where a golden file and the output part ways.
/// The lines that differ between a golden file and the output, as a diff reads them: lines only in
/// the golden file with "-", lines only in the output with "+", each with its line number, so
/// that one inserted line shows as one line (as swift-argument-parser's `AssertEqualStrings` does).
enum LineDiff {
    static func unified(expected: String, actual: String, limit: Int = 40) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var changes: [(line: Int, order: Int, text: String)] = []
        for change in a.difference(from: e) {
            switch change {
            case .remove(let offset, let line, _): changes.append((offset + 1, 0, "-\(offset + 1): \(line)"))
            case .insert(let offset, let line, _): changes.append((offset + 1, 1, "+\(offset + 1): \(line)"))
            }
        }
        changes.sort { ($0.line, $0.order) < ($1.line, $1.order) }
        var out = changes.prefix(limit).map(\.text)
        if changes.count > limit { out.append("… and \(changes.count - limit) more changed lines") }
        return out.joined(separator: "\n")
    }
}

@Suite("The golden files' line diff")
struct LineDiffTests {
    @Test func anInsertedLineIsOneLine() {
        // One line added after the first: the three that follow are unchanged, not "moved".
        #expect(LineDiff.unified(expected: "a\nb\nc\nd", actual: "a\nx\nb\nc\nd") == "+2: x")
    }

    @Test func aChangedLineIsARemovalAndAnInsertion() {
        #expect(LineDiff.unified(expected: "a\nb\nc", actual: "a\nB\nc") == "-2: b\n+2: B")
    }

    @Test func aLongDiffIsCut() {
        let expected = (1...50).map(String.init).joined(separator: "\n")
        let text = LineDiff.unified(expected: expected, actual: "", limit: 3)
        // 50 lines removed and one empty line inserted: 51 changes, 3 shown.
        #expect(text == "-1: 1\n+1: \n-2: 2\n… and 48 more changed lines")
    }
}
