/// The pull-request comment for a scenario that has no diff because its input is invalid: the
/// marker of its diff comment (so the bot updates this comment into the diff once the file is
/// fixed), then every problem exactly as `breakeven validate` prints it.
public enum InvalidScenarioComment {
    /// - Parameters:
    ///   - name: the marker's name, as for the diff (`--name`, or the file name).
    ///   - source: the scenario as the comment names it (`scenarios/x.json`).
    ///   - problems: compiler-style lines, `scenarios/x.json:14:7: error: options[1].gpu_hourly: …`.
    ///   - limit: the comment stays under this many UTF-16 code units (GitHub refuses over 65,536).
    public static func render(name: String, source: String, problems: [String], limit: Int = 65_000) -> String {
        let count = problems.count
        var head = DiffMarkdown.marker(name) + "\n"
        head += "### Cost diff: no diff for \(codeSpan(source))\n\n"
        head += "**No cost diff until \(count == 1 ? "this problem is" : "these \(count) problems are") fixed.**\n\n"
        var lines = problems
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(problems.joined(separator: "\n")) + 1))
        func text(_ shown: [String], cut: Int) -> String {
            var body = head + fence + "text\n" + shown.map { $0 + "\n" }.joined() + fence + "\n"
            if cut > 0 {
                body += "\n\(cut) more not shown: run `breakeven validate` on the file to see every problem.\n"
            }
            return body
        }
        // Lines are cut from the end until the comment fits (a rare scenario with thousands of errors).
        while !lines.isEmpty, text(lines, cut: count - lines.count).utf16.count > limit {
            lines.removeLast()
        }
        return text(lines, cut: count - lines.count)
    }

    /// A Markdown code span that holds any text: a fence longer than the text's longest run of
    /// backticks, padded when the text starts or ends with one (CommonMark 0.31 §6.1).
    static func codeSpan(_ text: String) -> String {
        let fence = String(repeating: "`", count: longestBacktickRun(text) + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") ? " " : ""
        return fence + pad + text + pad + fence
    }

    static func longestBacktickRun(_ text: String) -> Int {
        var longest = 0, run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }
}
