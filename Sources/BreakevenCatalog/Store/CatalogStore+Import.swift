import Foundation
import GRDB

extension CatalogStore {
    /// Imports LiteLLM's `model_prices_and_context_window.json` (chat and completion models) in one
    /// transaction. `name` is how errors name the file. A file that does not parse changes nothing.
    @discardableResult
    public func importLiteLLM(_ data: Data, named name: String, options: PriceImportOptions) throws -> ImportSummary {
        try apply(LiteLLMPriceFile.parse(data, named: name, observedOn: options.observedOn), options: options)
    }

    /// Imports genai-prices' `data.json` (v2: providers → models) in one transaction. `name` is how
    /// errors name the file. A file that does not parse changes nothing.
    @discardableResult
    public func importGenAIPrices(_ data: Data, named name: String, options: PriceImportOptions) throws -> ImportSummary {
        try apply(GenAIPriceFile.parse(data, named: name, observedOn: options.observedOn), options: options)
    }

    private func apply(_ file: ParsedPriceFile, options: PriceImportOptions) throws -> ImportSummary {
        try inImmediateTransaction { db in
            var summary = ImportSummary(entries: file.entries, skipped: file.skipped)
            var history = try PriceHistory.load(db)
            for observation in file.observations {
                summary.count(try history.apply(observation, unknownStart: options.unknownStart, in: db))
            }
            return summary
        }
    }
}
