import Testing
@testable import BreakevenCore

@Suite("Percentiles, breakeven-month percentiles and histograms")
struct PercentilesTests {
    @Test func interpolatedBetweenOrderStatistics() throws {
        // 1…10: rank (n − 1)·p = 0.9 → 1.9; 4.5 → 5.5; 8.1 → 9.1; mean 5.5
        let p = try #require(Percentiles([7, 1, 10, 4, 2, 9, 3, 8, 6, 5]))
        #expect(close(p.p10, 1.9) && close(p.p50, 5.5) && close(p.p90, 9.1) && p.mean == 5.5)
        // Equal values give that value exactly, mean included.
        #expect(Percentiles(Array(repeating: 0.1, count: 1000)) == Percentiles(p10: 0.1, p50: 0.1, p90: 0.1, mean: 0.1))
        #expect(Percentiles([]) == nil)
    }

    @Test func breakevenMonthsWithNever() throws {
        // sorted: 2, 3, 3, 3, 4, 5, 6, never × 3. Nearest rank: p10 → rank 1 = 2; p50 → rank 5 = 4;
        // p90 → rank 9 = never. Mean over the seven that break even: 26 / 7.
        let m = try #require(MonthPercentiles([3, nil, 5, 4, nil, 2, 3, 3, nil, 6]))
        #expect(m.p10 == 2 && m.p50 == 4 && m.p90 == nil)
        #expect(close(m.mean, 26.0 / 7))
        #expect(MonthPercentiles([nil, nil]) == MonthPercentiles(p10: nil, p50: nil, p90: nil, mean: nil))
    }

    @Test func histogramBetweenTheFirstAndNinetyNinthPercentiles() throws {
        // 0…100: p1 = 1, p99 = 99, four bins of 24.5 from 1. Bin 1 holds 0 (below) and 1…25 (26);
        // 26…49 (24); 50…74 (25); 75…99 and 100 (above) (26).
        let h = try #require(Histogram((0...100).map(Double.init), bins: 4))
        #expect(h.lower == 1 && h.width == 24.5)
        #expect(h.counts == [26, 24, 25, 26])
        #expect(Histogram([5, 5, 5], bins: 20) == Histogram(lower: 5, width: 0, counts: [3]))
    }
}
