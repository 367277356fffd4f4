import BreakevenCore
import Foundation
import GRDB

/// One row of `catalog_entry`: an entry of a kind the catalog stores generically (provisioned
/// capacity offers), its numbers and words as JSON objects under the language's key names, so
/// that a new option kind's offers need no table of their own.
struct CatalogOfferRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "catalog_entry"

    var kind: String
    var entryID: String
    var provider: String
    var effectiveFrom: String
    var valuesJSON: String
    var wordsJSON: String
    var source: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case kind
        case entryID = "entry_id"
        case provider
        case effectiveFrom = "effective_from"
        case valuesJSON = "values_json"
        case wordsJSON = "words_json"
        case source
    }
}

extension CatalogOffer {
    func record() throws -> CatalogOfferRecord {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return CatalogOfferRecord(kind: kind, entryID: id, provider: provider, effectiveFrom: effectiveFrom.description,
                                  valuesJSON: String(decoding: try encoder.encode(values), as: UTF8.self),
                                  wordsJSON: String(decoding: try encoder.encode(words), as: UTF8.self), source: source)
    }

    init(record r: CatalogOfferRecord) throws {
        guard let day = CalendarDay(r.effectiveFrom) else {
            throw CatalogError.invalidEntry(entry: "\(r.kind) \(r.entryID)", message: "effective date '\(r.effectiveFrom)' is not YYYY-MM-DD")
        }
        let decoder = JSONDecoder()
        self.init(kind: r.kind, id: r.entryID, provider: r.provider, effectiveFrom: day,
                  values: try decoder.decode([String: Double].self, from: Data(r.valuesJSON.utf8)),
                  words: try decoder.decode([String: String].self, from: Data(r.wordsJSON.utf8)), source: r.source)
    }
}
