import Testing
@testable import BreakevenCore

/// Reports warn when a catalog price they use is older than 90 days at the scenario's as_of (issue 14).
@Suite("Stale catalog prices")
struct StalePriceTests {
    /// Read on 2026-06-01; in force since 2026-01-01.
    static let price = ModelPrice(id: "lab/model", provider: "lab", effectiveFrom: CalendarDay(year: 2026, month: 1, day: 1),
                                  inputPerMTok: 1, outputPerMTok: 2, source: "test", observedOn: CalendarDay(year: 2026, month: 6, day: 1))

    static func warnings(asOf: String) throws -> [Warning] {
        let text = ScenarioText.document(workload: #"{ "requests_per_month": 1000, "input_tokens_per_request": 100, "output_tokens_per_request": 10 }"#,
                                         options: [#"{ "id": "m", "type": "api", "label": "Lab model", "model": "lab/model" }"#],
                                         extra: #", "as_of": "\#(asOf)""#)
        let s = try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: CatalogSnapshot(modelPrices: [price])).scenario
        return BreakevenAnalysis.analyse(s, Simulator.project(s)).warnings.filter { $0.code == .stalePrice }
    }

    @Test func aPriceLastSeenMoreThan90DaysEarlierIsNamedWithItsDate() throws {
        // 2026-06-01 → 2026-10-01: 30 (June) + 31 (July) + 31 (August) + 30 (September) = 122 days.
        let warnings = try Self.warnings(asOf: "2026-10-01")
        #expect(warnings.count == 1)
        #expect(warnings.first?.option == "m")
        #expect(warnings.first?.figures.price == "lab/model" && warnings.first?.figures.lastSeen == "2026-06-01")
        #expect(warnings.first?.figures.days == 122 && warnings.first?.figures.asOf == "2026-10-01")
    }

    @Test func ninetyDaysIsNotYetStale() throws {
        // 2026-06-01 + 90 days = 2026-08-30 (30 + 31 + 29).
        #expect(try Self.warnings(asOf: "2026-08-30").isEmpty)
        #expect(try Self.warnings(asOf: "2026-08-31").count == 1)
    }

    @Test func daysCountAcrossYearsAndLeapDays() {
        #expect(CalendarDay(year: 2027, month: 12, day: 31).days(to: CalendarDay(year: 2028, month: 3, day: 1)) == 61) // 31 Jan + 29 Feb + 1
        #expect(CalendarDay(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CalendarDay(year: 2026, month: 3, day: 1).days(to: CalendarDay(year: 2026, month: 2, day: 1)) == -28)
    }
}

