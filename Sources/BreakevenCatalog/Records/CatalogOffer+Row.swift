import BreakevenCore
import BreakevenStorage
import GRDB

/// An entry of a kind the catalog stores generically (provisioned capacity offers) is a row of
/// `catalog_entry`: its numbers and words as JSON objects under the language's key names, so that a
/// new option kind's offers need no table of their own.
extension CatalogOffer: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "catalog_entry"

    public init(row: Row) throws {
        let kind: String = try StoredRow(row, entry: "catalog entry")("kind")
        let r = try StoredRow(row, kind: kind, idColumn: "entry_id")
        self.init(kind: kind, id: try r("entry_id"), provider: try r("provider"),
                  effectiveFrom: try r.day("effective_from") { "effective date '\($0)' is not YYYY-MM-DD" },
                  values: try r.json("values_json"), words: try r.json("words_json"), source: try r("source"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["kind"] = kind
        container["entry_id"] = id
        container["provider"] = provider
        container["effective_from"] = effectiveFrom.description
        try container.encodeJSON(values, forColumn: "values_json")
        try container.encodeJSON(words, forColumn: "words_json")
        container["source"] = source
    }
}
