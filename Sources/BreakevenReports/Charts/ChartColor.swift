/// A line colour with the name a legend sentence uses ("blue"), and a lighter tint for the
/// "before" lines of a diff chart.
struct ChartColor: Sendable, Hashable {
    var hex: String
    var name: String

    /// Ten colours that stay apart for common colour-vision deficiencies (Tableau 10); series
    /// past the tenth reuse them dashed in the SVG.
    static let palette: [ChartColor] = [
        ChartColor(hex: "#1f77b4", name: "blue"), ChartColor(hex: "#ff7f0e", name: "orange"),
        ChartColor(hex: "#2ca02c", name: "green"), ChartColor(hex: "#d62728", name: "red"),
        ChartColor(hex: "#9467bd", name: "purple"), ChartColor(hex: "#8c564b", name: "brown"),
        ChartColor(hex: "#e377c2", name: "pink"), ChartColor(hex: "#7f7f7f", name: "grey"),
        ChartColor(hex: "#bcbd22", name: "olive"), ChartColor(hex: "#17becf", name: "cyan"),
    ]

    static func at(_ index: Int) -> ChartColor { palette[index % palette.count] }

    /// The colour mixed half-way with white: "light blue".
    var light: ChartColor {
        let digits = Array(hex.dropFirst())
        var out = "#"
        for k in stride(from: 0, to: 6, by: 2) {
            let value = Int(String(digits[k...k + 1]), radix: 16) ?? 0
            let mixed = (value + 255 + 1) / 2
            out += (mixed < 16 ? "0" : "") + String(mixed, radix: 16)
        }
        return ChartColor(hex: out, name: "light " + name)
    }
}
