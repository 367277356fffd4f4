import BreakevenCore
import BreakevenStorage
import GRDB

/// A GPU is a row of `gpu`: datasheet figures, dense (no 2:4 sparsity).
extension GPUSpec: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "gpu"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "gpu", idColumn: "id")
        let compute = SpecBounds.compute
        self.init(id: try r("id"), name: try r("name"), memoryGB: try r.figure("memory_gb", SpecBounds.memoryGB),
                  bandwidthTBps: try r.figure("bandwidth_tbps", SpecBounds.bandwidthTBps), bf16TFLOPS: try r.figure("bf16_tflops", compute),
                  fp8TFLOPS: try r.figure("fp8_tflops", compute), int8TOPS: try r.figure("int8_tops", compute),
                  int4TOPS: try r.figure("int4_tops", compute), fp4TFLOPS: try r.figure("fp4_tflops", compute),
                  tdpWatts: try r.figure("tdp_watts", SpecBounds.watts),
                  source: try r("source"), retrievedOn: CalendarDay(try r("retrieved_on")))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        guard let retrievedOn else {
            throw CatalogError.invalidEntry(entry: "gpu \(id)", message: "no retrieval date (retrievedOn) for its source")
        }
        container["id"] = id
        container["name"] = name
        container["memory_gb"] = memoryGB
        container["bandwidth_tbps"] = bandwidthTBps
        container["bf16_tflops"] = bf16TFLOPS
        container["fp8_tflops"] = fp8TFLOPS
        container["int8_tops"] = int8TOPS
        container["int4_tops"] = int4TOPS
        container["fp4_tflops"] = fp4TFLOPS
        container["tdp_watts"] = tdpWatts
        container["source"] = source
        container["retrieved_on"] = retrievedOn.description
    }
}
