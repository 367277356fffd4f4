import Testing
@testable import BreakevenCore

@Suite struct CalendarMonthTests {
    @Test func parsesAndCountsRealDays() {
        #expect(CalendarMonth("2026-02")?.days == 28)
        #expect(CalendarMonth("2028-02")?.days == 29)  // divisible by 4, not by 100
        #expect(CalendarMonth("2100-02")?.days == 28)  // divisible by 100, not by 400
        #expect(CalendarMonth("2026-13") == nil)
        #expect(CalendarMonth("2026-1") == nil)
    }

    @Test func addsMonthsAcrossYears() {
        let start = CalendarMonth(year: 2026, month: 11)
        #expect(start.adding(months: 2).description == "2027-01")
        #expect(start.adding(months: 14).description == "2028-01")
        // 2026-01 + 1 month = February 2026: 28 days × 24 h = 672 h
        #expect(CalendarMonth(year: 2026, month: 1).adding(months: 1).hours == 672)
    }

    @Test func daysParseOnlyRealDates() {
        #expect(CalendarDay("2026-02-29") == nil)
        #expect(CalendarDay("2028-02-29")?.description == "2028-02-29")
        #expect(CalendarDay("2026-11-01")! < CalendarDay("2026-11-02")!)
    }
}
