import Foundation
import Testing
@testable import BreakevenCore

@Suite struct TrendTableCacheTests {
    /// A yearly trend of x is (1 + x)^(i/12) in month i: −20% a year is 0.8 after 12 months and
    /// 0.64 after 24 (0.8²).
    @Test func aTableHoldsTheTrendOfEachMonth() {
        let cache = TrendTableCache(months: 25)
        let table = cache.table(-0.2)
        #expect(table.count == 25)
        #expect(table[0] == 1)
        #expect(abs(table[12] - 0.8) < 1e-15)
        #expect(abs(table[24] - 0.64) < 1e-15)
    }

    /// More rates than slots, asked in turn and again: every table read back is the one of its
    /// rate, whichever slot a rate took or lost on the way (8 slots, 11 rates).
    @Test func aRateAskedAgainGetsItsOwnTableWhateverWasReplaced() {
        let cache = TrendTableCache(months: 36)
        let rates = (0..<11).map { -0.05 * Double($0) }
        for round in 0..<3 {
            for rate in (round == 1 ? rates.reversed() : rates) + [rates[0], rates[3]] {
                let expected = (0..<36).map { trendFactor(rate, month: $0) }
                #expect(cache.table(rate) == expected)
            }
        }
    }

    /// The most recently used rates stay: two rates used between every new one are never
    /// recomputed into another slot, so their tables stay the same storage.
    @Test func theRatesInUseKeepTheirSlots() {
        let cache = TrendTableCache(months: 12)
        let a = cache.table(0.1), b = cache.table(-0.1)
        for k in 1...20 {
            _ = cache.table(0.01 * Double(k))
            #expect(cache.table(0.1).withUnsafeBufferPointer { $0.baseAddress } == a.withUnsafeBufferPointer { $0.baseAddress })
            #expect(cache.table(-0.1).withUnsafeBufferPointer { $0.baseAddress } == b.withUnsafeBufferPointer { $0.baseAddress })
        }
    }
}
