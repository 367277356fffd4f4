/// One section of a diff comment whose rows can be cut to fit GitHub's comment limit.
struct DiffBlock {
    var title: String
    /// Text before the rows (a table header).
    var intro: String
    var rows: [String]
    var outro = ""
    /// How the note names what was cut: "input changes".
    var noun: String
    /// Cut all or nothing (a chart).
    var cutWhole = false
    /// Lower ranks are cut first.
    var cutRank = 0
    /// The first rows that are never cut (failed guardrails).
    var protectedRows = 0

    var text: String {
        guard !rows.isEmpty || !intro.hasPrefix("|") else {
            return "#### \(title)\n\n(cut)\n\n"
        }
        return "#### \(title)\n\n" + intro + rows.joined() + outro + "\n"
    }

    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ") + " |\n"
    }

    static func length(_ s: String) -> Int { s.utf16.count }

    /// The head, then the blocks; if that is longer than `limit`, cuts in this order until it
    /// fits: the chart, input rows, warning rows, guardrail rows (failed ones stay), option rows (unchanged
    /// options sit last), and ends with a note that says what was cut.
    static func fit(head: String, blocks: [DiffBlock], limit: Int) -> String {
        var blocks = blocks
        let whole = head + blocks.map(\.text).joined()
        if length(whole) <= limit { return whole }
        // Room for the note itself.
        let budget = limit - 600
        var total = length(whole)
        var cuts: [String] = []
        let order = blocks.indices.sorted { (blocks[$0].cutRank, $0) < (blocks[$1].cutRank, $1) }
        for k in order where total > budget {
            let before = length(blocks[k].text)
            let count = blocks[k].rows.count
            if blocks[k].cutWhole {
                blocks[k].rows = []
                blocks[k].intro = ""
                blocks[k].outro = ""
                cuts.append(blocks[k].noun)
                total -= before
                continue
            }
            var kept = count
            var size = before
            while kept > blocks[k].protectedRows, total - (before - size) > budget {
                kept -= 1
                size -= length(blocks[k].rows[kept])
            }
            blocks[k].rows = Array(blocks[k].rows.prefix(kept))
            total -= before - length(blocks[k].text)
            if kept < count { cuts.append("\(count - kept) of \(count) \(blocks[k].noun)") }
        }
        let note = "_Cut to stay under GitHub's comment limit: " + cuts.joined(separator: "; ")
            + ". `breakeven diff --format json` gives everything._\n"
        return head + blocks.filter { !($0.cutWhole && $0.rows.isEmpty) }.map(\.text).joined() + note
    }
}
