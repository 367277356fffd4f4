/// An aligned table for the terminal: columns padded to the widest cell (counted in visible
/// characters, before any colour), the first left-aligned, numbers right-aligned.
struct TerminalTable {
    enum Align { case left, right }

    struct Cell {
        var text: String
        var style: TerminalStyle?

        /// Controls in `text` are escaped here, so a style is the only escape sequence a cell prints.
        init(_ text: String, _ style: TerminalStyle? = nil) {
            self.text = Terminal.visible(text)
            self.style = style
        }
    }

    var header: [String]
    var align: [Align]
    var rows: [[Cell]] = []

    init(_ columns: [(String, Align)]) {
        header = columns.map(\.0)
        align = columns.map(\.1)
    }

    /// Plain columns: those in `left` aligned left, the others right.
    init(_ header: [String], left: Set<Int> = [0]) {
        self.init(header.indices.map { (header[$0], left.contains($0) ? .left : .right) })
    }

    mutating func append(_ row: [Cell]) { rows.append(row) }

    mutating func append(_ row: [String]) { rows.append(row.map { Cell($0) }) }

    /// The table as the terminal shows it (coloured only where standard output is a terminal).
    var text: String { render(color: Terminal.colorsOnStandardOutput) }

    func render(color: Bool) -> String {
        let all = [header.map { Cell($0, .bold) }] + rows
        let widths = header.indices.map { c in all.map { c < $0.count ? $0[c].text.count : 0 }.max() ?? 0 }
        return all.map { row in
            header.indices.map { c in
                let cell = c < row.count ? row[c] : Cell("")
                let pad = String(repeating: " ", count: widths[c] - cell.text.count)
                let text = color ? (cell.style?.apply(cell.text) ?? cell.text) : cell.text
                return align[c] == .left ? text + pad : pad + text
            }.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
