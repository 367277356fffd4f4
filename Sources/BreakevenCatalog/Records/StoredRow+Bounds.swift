import BreakevenCore
import BreakevenStorage

extension StoredRow {
    /// A number of `column` within `bounds`: a figure the capacity model divides by or multiplies
    /// (memory, bandwidth, heads…), held to the range a scenario may write for the same figure
    /// (`SpecBounds`), so that a 0 or a 1e300 in a damaged file is refused where it is read.
    func figure(_ column: String, _ bounds: NumberBounds) throws(DamagedRow) -> Double {
        let value: Double = try self(column)
        try check(bounds, value, column, found: "\(value)")
        return value
    }

    func figure(_ column: String, _ bounds: NumberBounds) throws(DamagedRow) -> Double? {
        let value: Double? = try self(column)
        if let value { try check(bounds, value, column, found: "\(value)") }
        return value
    }

    /// A whole number of `column` within `bounds`.
    func count(_ column: String, _ bounds: NumberBounds) throws(DamagedRow) -> Int {
        let value: Int = try self(column)
        try check(bounds, Double(value), column, found: "\(value)")
        return value
    }

    func count(_ column: String, _ bounds: NumberBounds) throws(DamagedRow) -> Int? {
        let value: Int? = try self(column)
        if let value { try check(bounds, Double(value), column, found: "\(value)") }
        return value
    }

    private func check(_ bounds: NumberBounds, _ value: Double, _ column: String, found: String) throws(DamagedRow) {
        guard bounds.contains(value) else { throw damaged("\(column): expected \(bounds.phrase), found \(found)") }
    }
}
