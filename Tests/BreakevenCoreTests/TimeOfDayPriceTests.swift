import Testing
@testable import BreakevenCore

@Suite("Time-of-day prices weighted by the load shape")
struct TimeOfDayPriceTests {
    /// A model at $1 / $2 per million, half price from 00:00 to 12:00 UTC.
    static let catalog = CatalogSnapshot(modelPrices: [
        ModelPrice(id: "lab/model", provider: "lab", effectiveFrom: CalendarDay(year: 2026, month: 1, day: 1),
                   inputPerMTok: 1, outputPerMTok: 2,
                   timeOfDay: [TimeOfDayPrice(startHour: 0, endHour: 12, inputPerMTok: 0.5, outputPerMTok: 1)],
                   source: "test"),
    ])

    static func cost(shape: String) throws -> Double {
        let text = ScenarioText.document(
            workload: #"{ "requests_per_month": 1000000, "input_tokens_per_request": 1000, "output_tokens_per_request": 1000\#(shape) }"#,
            options: [#"{ "id": "m", "type": "api", "model": "lab/model" }"#])
        let s = try ScenarioLoader.load(Array(text.utf8), file: "t.json", catalog: catalog).scenario
        return Simulator.project(s).options[0].months[0].costs.api
    }

    @Test func flatDayPaysTheTimeWeightedPrice() throws {
        // Half the day at half price: input 0.75, output 1.5 → 1e9 × 0.75 + 1e9 × 1.5 per million = $2,250
        #expect(close(try Self.cost(shape: ""), 2_250))
    }

    @Test func loadInTheCheapWindowPaysLess() throws {
        // Weights 3 in hours 0–11 and 1 in 12–23: 36 of 48 parts of the load (75%) in the window.
        // input 0.75 × 0.5 + 0.25 × 1 = 0.625; output 1.25 → 1e3 × (0.625 + 1.25) = $1,875
        let weights = (Array(repeating: "3", count: 12) + Array(repeating: "1", count: 12)).joined(separator: ",")
        #expect(close(try Self.cost(shape: #", "load_shape": { "hourly": [\#(weights)] }"#), 1_875))
    }

    @Test func windowsMayWrapPastMidnightAndStartOffTheHour() {
        // DeepSeek's off-peak window 16:30–00:30 UTC: 30 minutes of hour 16, all of 17–23, 30 of hour 0.
        let w = TimeOfDayPrice(startHour: 16, endHour: 0, inputPerMTok: 0, outputPerMTok: 0, startMinute: 30, endMinute: 30)
        #expect(TimeOfDayWeighting.overlap(hour: 16, window: w) == 30)
        #expect(TimeOfDayWeighting.overlap(hour: 20, window: w) == 60)
        #expect(TimeOfDayWeighting.overlap(hour: 0, window: w) == 30)
        #expect(TimeOfDayWeighting.overlap(hour: 1, window: w) == 0)
    }
}
