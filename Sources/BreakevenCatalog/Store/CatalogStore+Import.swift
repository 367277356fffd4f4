import BreakevenCore
import Foundation
import GRDB

extension CatalogStore {
    /// Imports LiteLLM's `model_prices_and_context_window.json` (chat and completion models) in one
    /// transaction. `name` is how errors name the file. A file that does not parse changes nothing.
    @discardableResult
    public func importLiteLLM(_ data: Data, named name: String, options: PriceImportOptions) throws -> ImportSummary {
        try inImmediateTransaction { db in
            try Self.apply(LiteLLMPriceFile.parse(data, named: name, observedOn: options.observedOn), origin: .liteLLM, options: options, in: db)
        }
    }

    /// Imports genai-prices' `data.json` (v2: providers → models) in one transaction. `name` is how
    /// errors name the file. A file that does not parse changes nothing.
    @discardableResult
    public func importGenAIPrices(_ data: Data, named name: String, options: PriceImportOptions) throws -> ImportSummary {
        try inImmediateTransaction { db in
            try Self.apply(GenAIPriceFile.parse(data, named: name, observedOn: options.observedOn), origin: .genAIPrices,
                           options: options, in: db)
        }
    }

    /// Imports both community files in one transaction (`catalog update`): both are parsed before
    /// anything is written, so either file failing changes nothing. genai-prices first, then LiteLLM,
    /// which by precedence only fills what genai-prices leaves out of the models both list.
    public func importPriceFiles(genAIPrices: (data: Data, name: String, options: PriceImportOptions),
                                 liteLLM: (data: Data, name: String, options: PriceImportOptions))
        throws -> (genAIPrices: ImportSummary, liteLLM: ImportSummary)
    {
        let genAI = try GenAIPriceFile.parse(genAIPrices.data, named: genAIPrices.name, observedOn: genAIPrices.options.observedOn)
        let lite = try LiteLLMPriceFile.parse(liteLLM.data, named: liteLLM.name, observedOn: liteLLM.options.observedOn)
        return try inImmediateTransaction { db in
            (try Self.apply(genAI, origin: .genAIPrices, options: genAIPrices.options, in: db),
             try Self.apply(lite, origin: .liteLLM, options: liteLLM.options, in: db))
        }
    }

    private static func apply(_ file: ParsedPriceFile, origin: PriceOrigin, options: PriceImportOptions, in db: Database) throws -> ImportSummary {
        var summary = ImportSummary(entries: file.entries, skipped: file.skipped)
        var history = try PriceHistory.load(db)
        // Rows, not observations, are counted: each row once, by the most it went through.
        var outcomes: [Int64: RowOutcome] = [:]
        var untracked: [RowOutcome] = []
        for observation in file.observations {
            let outcome = try history.apply(observation, origin: origin, options: options, in: db)
            if let row = history.lastTouched {
                outcomes[row] = max(outcomes[row] ?? outcome, outcome)
            } else {
                untracked.append(outcome)
            }
        }
        for outcome in outcomes.values.sorted() + untracked { summary.count(outcome) }
        return summary
    }
}
