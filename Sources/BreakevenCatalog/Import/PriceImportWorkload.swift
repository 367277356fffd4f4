import BreakevenCore
import Foundation

/// The full-file import as a benchmark workload: each file into a fresh in-memory catalog, the way
/// `breakeven catalog import` would run it. The caller times the calls (only the executable and
/// benchmarks read clocks).
///
/// ```swift
/// let start = ContinuousClock.now
/// let summary = try PriceImportWorkload.importLiteLLM(data)
/// print(summary, ContinuousClock.now - start)
/// ```
public enum PriceImportWorkload {
    /// LiteLLM 1.110.2's copy, as kept in the project's shared data folder.
    public static let liteLLMObservedOn = CalendarDay(year: 2026, month: 11, day: 1)
    /// genai-prices commit 47df840a.
    public static let genAIPricesObservedOn = CalendarDay(year: 2026, month: 8, day: 21)

    public static func importLiteLLM(_ data: Data, observedOn: CalendarDay = liteLLMObservedOn) throws -> ImportSummary {
        try CatalogStore.inMemory().importLiteLLM(data, named: "model_prices_and_context_window.json",
                                                  options: PriceImportOptions(observedOn: observedOn))
    }

    public static func importGenAIPrices(_ data: Data, observedOn: CalendarDay = genAIPricesObservedOn) throws -> ImportSummary {
        try CatalogStore.inMemory().importGenAIPrices(data, named: "data.json", options: PriceImportOptions(observedOn: observedOn))
    }
}
