import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// A scenario whose texts try everything: nothing reaches a report, a comment, an SVG or the
/// terminal raw. Control characters never get that far: the language rejects them.
@Suite("Hostile text")
struct HostileTextTests {
    static let name = "# Evil <!-- @octocat & co"
    static let label = "::warning::api | `tick` <b>bold</b> ![i](http://t.example/p.png) @someone evil"

    @Test func controlCharactersAreRejectedAndShownEscaped() throws {
        let dir = try Self.workspace(name: "Evil \u{1B}]0;title\u{7}", label: "api \u{202E}evil")
        let run = try CLI.run(["run", "evil.json", "--out", "out", "--no-history"], in: dir)
        #expect(run.status == 65)
        #expect(!run.stderr.contains("\u{1B}") && !run.stderr.contains("\u{7}") && !run.stderr.contains("\u{202E}"))
        #expect(run.stderr.contains("name: "), "\(run.stderr)")
        #expect(run.stderr.contains("options[0].label: "), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out").path))
    }

    @Test func theHTMLPageEscapesEverything() throws {
        let dir = try Self.workspace()
        let run = try CLI.run(["run", "evil.json", "--out", "out", "--format", "html", "--no-history"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        let html = try String(contentsOf: dir.appendingPathComponent("out/evil.html"), encoding: .utf8)
        #expect(XMLParser(data: Data(html.utf8)).parse())
        // The name and label are text: no element, comment or image of theirs.
        #expect(!html.contains("<b>") && !html.contains("<!--") && !html.contains("<img") && !html.contains("src="))
        #expect(html.contains("<title># Evil &lt;!-- @octocat &amp; co</title>"))
        #expect(html.contains("<h1># Evil &lt;!-- @octocat &amp; co</h1>"))
        #expect(html.contains("<td>::warning::api | `tick` &lt;b&gt;bold&lt;/b&gt; ![i](http://t.example/p.png) @someone evil</td>"))
    }

    /// diff-base.json with the name and the first option's label replaced.
    static func workspace(name: String = Self.name, label: String = Self.label) throws -> URL {
        let dir = try CLI.workspace(["evil.json": "diff-base.json"])
        let file = dir.appendingPathComponent("evil.json")
        var scenario = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var options = try #require(scenario["options"] as? [[String: Any]])
        scenario["name"] = name
        options[0]["label"] = label
        scenario["options"] = options
        try JSONSerialization.data(withJSONObject: scenario).write(to: file)
        return dir
    }

    @Test func reportsCommentsChartsAndTheTerminal() throws {
        let dir = try Self.workspace()
        let run = try CLI.run(["run", "evil.json", "--out", "out", "--format", "markdown,json", "--no-history"], in: dir)
        #expect(run.status == 0)
        // The terminal: escape sequences as text, no line starting with a workflow command.
        #expect(!run.stdout.contains("\u{1B}") && !run.stdout.contains("\u{7}") && !run.stdout.contains("\u{202E}"))
        #expect(run.stdout.hasPrefix("# Evil <!-- @octocat & co (12 months)\n"))
        #expect(run.stdout.split(separator: "\n").allSatisfy { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("::") })

        // Mermaid blocks are code: GitHub neither renders Markdown nor notifies anyone in them.
        let report = Self.outsideMermaid(try String(contentsOf: dir.appendingPathComponent("out/evil.md"), encoding: .utf8))
        #expect(report.hasPrefix("# \\# Evil &lt;!-- @octocat &amp; co\n"))
        #expect(!report.contains("<b>") && !report.contains("<!--") && !report.contains("![i]("))
        #expect(report.contains("| ::warning::api \\| \\`tick\\` &lt;b&gt;bold&lt;/b&gt; ![i\\](http://t.example/p.png) @someone evil | api |"))

        for chart in ["evil.cumulative.svg", "evil.monthly.svg", "evil.tornado.svg"] {
            let svg = try String(contentsOf: dir.appendingPathComponent("out/\(chart)"), encoding: .utf8)
            #expect(XMLParser(data: Data(svg.utf8)).parse(), "\(chart)")
            #expect(!svg.contains("<b>"))
        }

        let diff = try CLI.run(["diff", "evil.json", "evil.json", "--chart"], in: dir)
        #expect(diff.status == 0)
        #expect(diff.stdout.contains("### Cost diff: \\# Evil &lt;!-- @&#8203;octocat &amp; co\n"))
        #expect(!Self.outsideMermaid(diff.stdout).contains("@someone") && diff.stdout.contains("@&#8203;someone"))
        #expect(diff.stdout.contains(#"line "::warning::api | `tick` ‹b›bold‹/b› ![i](http://t.example/p.png) @someone evil, unchanged" ["#))
    }

    static func outsideMermaid(_ markdown: String) -> String {
        var inside = false
        return markdown.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line == "```mermaid" { inside = true }
            defer { if line == "```" { inside = false } }
            return !inside && line != "```"
        }.joined(separator: "\n")
    }
}
