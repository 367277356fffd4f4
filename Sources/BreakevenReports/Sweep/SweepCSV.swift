import BreakevenCore

/// A sweep's grid as CSV (RFC 4180), one row per point: the axis values, the cheapest option,
/// the chosen option's savings and breakeven month, and every option's total.
public enum SweepCSV {
    public static func render(_ grid: SweepGrid) -> String {
        var header = [grid.x.path]
        if let y = grid.y { header.append(y.path) }
        header += ["cheapest", "\(grid.optionIDs[grid.optionIndex]).savings_vs_baseline", "\(grid.optionIDs[grid.optionIndex]).breakeven_month"]
        header += grid.optionIDs.map { "\($0).total_cost" }
        var table = CSVTable(header: header)
        for j in 0..<grid.ny {
            for i in 0..<grid.nx {
                var row = ["\(grid.xValues[i])"]
                if grid.y != nil { row.append("\(grid.yValues[j])") }
                guard grid.totals(i, j, option: 0).totalCost.isFinite else {
                    table.append(row + Array(repeating: "", count: header.count - row.count))
                    continue
                }
                row += [grid.optionIDs[grid.cheapest(i, j)], CSVReport.money(grid.savings(i, j)), grid.breakevenMonth(i, j).map(String.init) ?? ""]
                row += grid.optionIDs.indices.map { CSVReport.money(grid.totals(i, j, option: $0).totalCost) }
                table.append(row)
            }
        }
        return table.text
    }
}
