import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BreakevenCore
@testable import BreakevenReports

/// `--format html`: one self-contained page per scenario that parses (as XML, so as HTML too),
/// whose links all lead somewhere on the page, and that fetches nothing.
@Suite("HTML pages")
struct HTMLReportTests {
    /// Every element, id and link of a page; nil if it does not parse.
    final class Page: NSObject, XMLParserDelegate {
        var names: [String] = []
        var ids: [String] = []
        var links: [String] = []
        var sources: [String] = []
        var text = ""

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            names.append(name)
            if let id = attributes["id"] { ids.append(id) }
            if let href = attributes["href"] { links.append(href) }
            if let src = attributes["src"] { sources.append(src) }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        static func parse(_ html: String) -> Page? {
            let parser = XMLParser(data: Data(html.utf8))
            let page = Page()
            parser.delegate = page
            return parser.parse() ? page : nil
        }
    }

    @Test func everyExamplePageParsesAndItsLinksLeadToItsSections() throws {
        for (file, result) in try ChartTests.results() {
            let html = HTMLReport.render(result, context: ReportContext(scenarioPath: "scenarios/\(file)"))
            let page = try #require(Page.parse(html), "\(file): not well-formed")
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n"))
            // Ids are unique, and every link points at one of them.
            #expect(Set(page.ids).count == page.ids.count, "\(file): \(page.ids)")
            #expect(!page.links.isEmpty)
            for link in page.links {
                #expect(link.hasPrefix("#") && page.ids.contains(String(link.dropFirst())), "\(file): \(link)")
            }
            // Self-contained: nothing to fetch, nothing to run.
            #expect(page.sources.isEmpty && !page.names.contains("script") && !page.names.contains("img") && !page.names.contains("link"), "\(file)")
            #expect(!html.contains("url(") && !html.contains("@import"), "\(file)")
            // The charts are inside: the two cost charts at least, drawn, not Mermaid code.
            #expect(page.names.filter { $0 == "svg" }.count >= 2, "\(file)")
            #expect(!html.contains("xychart-beta"), "\(file)")
            for o in result.options { #expect(page.text.contains(o.label), "\(file): \(o.label)") }
            #expect(page.text.contains("Verdict."))
        }
    }

    @Test func golden() throws {
        try GoldenReportTests.compare(HTMLReport.render(try GoldenReportTests.result("team-chat-risk"),
                                                        context: ReportContext(scenarioPath: "scenarios/team-chat-risk.json")),
                                      golden: "team-chat-risk.html")
    }

    @Test func inlineMarkdownBecomesEscapedHTML() {
        // Code spans are literal, escapes drop their backslash, entities stay, links keep their text.
        #expect(HTMLInline.html("**Verdict.** `a<b` \\| x &amp; y <i> [chart](x.svg) \\`t\\`")
                == "<strong>Verdict.</strong> <code>a&lt;b</code> | x &amp; y &lt;i&gt; chart `t`")
        // A code span of two backticks holds one; an unclosed one is text.
        #expect(HTMLInline.html("`` a`b `` and ` alone") == "<code>a`b</code> and ` alone")
        #expect(HTMLInline.html("\"quoted\" & 'single'") == "&quot;quoted&quot; &amp; &apos;single&apos;")
    }

    @Test func anInputPathMayWrapAtItsDots() {
        // A break opportunity after a dot a letter follows: the path's table column narrows to its
        // longest segment; a number keeps its decimal point, an escaped `&lt;` is left whole.
        #expect(HTMLInline.html("`options.self.gpu_hourly` at `0.5`, `a.&b`")
                == "<code>options.<wbr/>self.<wbr/>gpu_hourly</code> at <code>0.5</code>, <code>a.&amp;b</code>")
    }

    @Test func sectionIdsAreSlugs() {
        #expect(HTMLPage.slug("Cost breakdown") == "section-cost-breakdown")
        #expect(HTMLPage.slug("When to switch") == "section-when-to-switch")
        #expect(HTMLPage.slug("«»") == "section")
        #expect(HTMLPage.cells("| a | b \\| c | `d` |") == ["a", "b \\| c", "`d`"])
    }

    @Test func mermaidBarChartsAreDrawn() throws {
        let block = ["xychart-beta", "    title \"Savings, 3 trials\"", "    x-axis \"Savings, $M\" [\"-0.5\", \"0.5\"]",
                     "    y-axis \"Trials\" 0 --> 2", "    bar [1, 2]"]
        let chart = try #require(XYChartSVG(block))
        #expect(chart.title == "Savings, 3 trials")
        #expect(chart.categories == ["-0.5", "0.5"])
        #expect(chart.series.count == 1 && chart.series[0].bar && chart.series[0].values == [1, 2])
        let page = try #require(Page.parse(chart.svg))
        // Two bars, each with its count in a tooltip.
        #expect(page.names.filter { $0 == "rect" }.count == 3)
        #expect(page.text.contains("0.5: 2"))
    }
}
