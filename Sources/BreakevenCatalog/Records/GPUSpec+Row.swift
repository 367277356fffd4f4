import BreakevenCore
import BreakevenStorage
import GRDB

/// A GPU is a row of `gpu`: datasheet figures, dense (no 2:4 sparsity).
extension GPUSpec: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "gpu"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "gpu", idColumn: "id")
        self.init(id: try r("id"), name: try r("name"), datasheet: try Datasheet(r, integerPeaks: true),
                  tdpWatts: try r.figure("tdp_watts", SpecBounds.watts),
                  source: try r("source"), retrievedOn: CalendarDay(try r("retrieved_on")))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        guard let retrievedOn else {
            throw CatalogError.invalidEntry(entry: "gpu \(id)", message: "no retrieval date (retrievedOn) for its source")
        }
        container["id"] = id
        container["name"] = name
        datasheet.encode(to: &container, integerPeaks: true)
        container["tdp_watts"] = tdpWatts
        container["source"] = source
        container["retrieved_on"] = retrievedOn.description
    }
}
