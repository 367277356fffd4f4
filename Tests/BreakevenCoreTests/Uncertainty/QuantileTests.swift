import Testing
@testable import BreakevenCore

/// The two quantile definitions every percentile in the reports goes through (Hyndman & Fan 1996).
@Suite struct QuantileTests {
    @Test func interpolatesBetweenOrderStatisticsAsNumpyDoes() {
        // [0.1, 0.2, 0.3, 0.4]: median at rank 3 × 0.5 = 1.5 → 0.25; p90 at 2.7 → 0.3 + 0.7 × 0.1 = 0.37
        // (numpy.percentile([0.1, 0.2, 0.3, 0.4], 90) = 0.37).
        #expect(abs(Quantile.interpolated([0.1, 0.2, 0.3, 0.4], 0.5) - 0.25) < 1e-12)
        #expect(abs(Quantile.interpolated([0.1, 0.2, 0.3, 0.4], 0.9) - 0.37) < 1e-12)
        // The ends are the extremes; one value is every quantile.
        #expect(Quantile.interpolated([1, 2, 3, 4], 0) == 1 && Quantile.interpolated([1, 2, 3, 4], 1) == 4)
        #expect(Quantile.interpolated([7], 0.9) == 7)
    }

    @Test func besideAnInfiniteValueTheOrderStatisticIsTaken() {
        // Capacity accuracy counts an unpredicted point as an infinite error. [0.1, 0.2, ∞]: p90 at
        // rank 2 × 0.9 = 1.8 lies between 0.2 and ∞ → ∞ (the formula would give NaN); the median, at
        // rank 1 exactly, is 0.2 (0 × ∞ would be NaN); p25 at rank 0.5 → 0.1 + 0.5 × 0.1 = 0.15.
        #expect(Quantile.interpolated([0.1, 0.2, .infinity], 0.9) == .infinity)
        #expect(Quantile.interpolated([0.1, 0.2, .infinity], 0.5) == 0.2)
        #expect(abs(Quantile.interpolated([0.1, 0.2, .infinity], 0.25) - 0.15) < 1e-12)
        #expect(Quantile.interpolated([], 0.5).isNaN)
    }

    @Test func nearestRankIsTheSmallestRankCoveringTheShare() {
        // 10 trials: p10 → rank 1, p50 → rank 5, p90 → rank 9; 4 trials: p90 → ⌈3.6⌉ = 4, p10 → ⌈0.4⌉ = 1.
        #expect([0.1, 0.5, 0.9].map { Quantile.nearestRank($0, of: 10) } == [1, 5, 9])
        #expect(Quantile.nearestRank(0.9, of: 4) == 4 && Quantile.nearestRank(0.1, of: 4) == 1)
        #expect(Quantile.nearestRank(0, of: 4) == 1 && Quantile.nearestRank(1, of: 4) == 4)
    }
}
