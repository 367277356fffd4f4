import Testing
@testable import BreakevenCore

/// `CostLines.lines` is the one list reports read; a component left out of it, of `total` or of
/// `+` would vanish from a report or a sum without the compiler saying so.
@Suite("Cost lines")
struct CostLinesTests {
    @Test func everyComponentIsALineInTheTotalAndTheSum() {
        #expect(Mirror(reflecting: CostLines()).children.count == CostLines.lines.count)
        #expect(Set(CostLines.lines.map(\.key)).count == CostLines.lines.count)
        // Component k holds 2^k: the total is 2^n − 1 only if each is counted once.
        var c = CostLines()
        for (k, line) in CostLines.lines.enumerated() { c[keyPath: line.amount] = Double(1 << k) }
        let n = CostLines.lines.count
        #expect(c.total == Double((1 << n) - 1))
        #expect((c + c).total == 2 * c.total)
        // One-time costs are the last line and the one the run rate leaves out.
        #expect(c.runRate == c.total - c.oneTime)
    }
}
