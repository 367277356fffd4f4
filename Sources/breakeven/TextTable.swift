import Foundation

/// Columns aligned for a terminal: the first left, numbers right.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns aligned left; the others align right.
    var leftColumns: Set<Int> = [0]

    init(_ header: [String], left: Set<Int> = [0]) {
        self.header = header
        self.leftColumns = left
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    var text: String {
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { c, cell in
                let pad = String(repeating: " ", count: max(0, widths[c] - cell.count))
                return leftColumns.contains(c) ? cell + pad : pad + cell
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
