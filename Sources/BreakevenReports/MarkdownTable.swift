import Foundation

/// A GitHub-flavoured Markdown table; cells with '|' are escaped.
struct MarkdownTable {
    enum Align { case left, right }

    var header: [String]
    var align: [Align]
    var rows: [[String]] = []

    init(_ columns: [(String, Align)]) {
        header = columns.map(\.0)
        align = columns.map(\.1)
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    var text: String {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n"
        }
        let rule = "|" + align.map { $0 == .right ? "---:|" : "---|" }.joined() + "\n"
        return line(header) + rule + rows.map(line).joined()
    }
}
