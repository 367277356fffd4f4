import Foundation
import Testing
@testable import BreakevenReports

/// Text a scenario supplies shows as written in Markdown, Mermaid and SVG, and can change
/// nothing around it.
@Suite("Escaping")
struct EscapingTests {
    @Test func markdownTextShowsAsWritten() {
        // A name ending in <!-- would hide the rest of a pull-request comment.
        #expect(MarkdownText.text("Support <!--") == "Support &lt;!--")
        #expect(MarkdownText.text("<img src=x onerror=alert(1)> & co") == "&lt;img src=x onerror=alert(1)&gt; &amp; co")
        #expect(MarkdownText.text("![pixel](http://t.example/p.png)") == "![pixel\\](http://t.example/p.png)")
        #expect(MarkdownText.text("[a][b] and []") == "[a\\][b] and []")
        #expect(MarkdownText.text("a `tick` and a \\ backslash") == "a \\`tick\\` and a \\\\ backslash")
        #expect(MarkdownText.text("two\nlines\r\tand\u{1B}[31m") == "two lines  and [31m")
        #expect(MarkdownText.text("right-to-left \u{202E}evil") == "right-to-left  evil")
        #expect(MarkdownText.text("@octocat") == "@octocat")
        #expect(MarkdownText.text("ask @octocat", mentions: true) == "ask @&#8203;octocat")
    }

    @Test func lineStartsThatWouldChangeTheDocument() {
        #expect(MarkdownText.text("# Heading") == "\\# Heading")
        #expect(MarkdownText.text("- item") == "\\- item")
        #expect(MarkdownText.text("* item") == "\\* item")
        #expect(MarkdownText.text("+ item") == "\\+ item")
        #expect(MarkdownText.text("1986. A fine year") == "1986\\. A fine year")
        #expect(MarkdownText.text("3) third") == "3\\) third")
        #expect(MarkdownText.text("===") == "\\===")
        #expect(MarkdownText.text("- - -") == "\\- - -")
        #expect(MarkdownText.text("~~~sh") == "\\~~~sh")
        #expect(MarkdownText.text("[ref]: http://e.example") == "\\[ref]: http://e.example")
        #expect(MarkdownText.text("> quoted") == "&gt; quoted")
        #expect(MarkdownText.text("    code block") == "code block")
        // Text that only looks alike is left as it is.
        #expect(MarkdownText.text("-0.3") == "-0.3")
        #expect(MarkdownText.text("#1 choice") == "#1 choice")
        #expect(MarkdownText.text("1.5 GPUs") == "1.5 GPUs")
    }

    @Test func codeSpansAndBlocksCannotBeClosedFromInside() {
        #expect(MarkdownText.code("options.self.gpu_hourly") == "`options.self.gpu_hourly`")
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.code("`edge``") == "``` `edge`` ```")
        #expect(MarkdownText.code("") == "` `")
        #expect(MarkdownText.code("x\ny") == "`x y`")
        #expect(MarkdownText.block("breakeven run 'a.json'", language: "sh") == "```sh\nbreakeven run 'a.json'\n```\n")
        #expect(MarkdownText.block("run '```x.json'", language: "sh") == "````sh\nrun '```x.json'\n````\n")
        #expect(MarkdownText.linkText("a [b] c") == "a \\[b\\] c")
        #expect(MarkdownText.linkTarget("my report (v2).svg") == "my%20report%20%28v2%29.svg")
    }

    @Test func mermaidStringsStayStrings() {
        #expect(MermaidXYChart.quoted(#"Say "hi" <b>"#) == #""Say 'hi' ‹b›""#)
        #expect(MermaidXYChart.quoted("two\nlines") == #""two lines""#)
    }

    @Test func svgTextIsAlwaysValidXML() throws {
        #expect(SVGDocument.escape(#"R&D <x> "q" 'a'"#) == "R&amp;D &lt;x&gt; &quot;q&quot; &apos;a&apos;")
        // Characters XML 1.0 forbids even escaped become the replacement character.
        #expect(SVGDocument.escape("bell\u{7} esc\u{1B} \u{FFFF}") == "bell\u{FFFD} esc\u{FFFD} \u{FFFD}")
        var svg = SVGDocument(width: 10, height: 10)
        svg.element("text", ["x": "1", "data-label": "a\"b<c>"], text: "\u{0}<!-- & -->\u{1B}[31m")
        let reader = try SVGTests.parse(svg.text(title: "t\u{8}", description: "d"))
        #expect(reader.text.contains("\u{FFFD}<!-- & -->\u{FFFD}[31m"))
    }
}
