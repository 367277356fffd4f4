import BreakevenCore
import BreakevenStorage
import GRDB

/// A GPU is a row of `gpu`: datasheet figures, dense (no 2:4 sparsity).
extension GPUSpec: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "gpu"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "gpu", idColumn: "id")
        self.init(id: try r("id"), name: try r("name"), memoryGB: try r("memory_gb"), bandwidthTBps: try r("bandwidth_tbps"),
                  bf16TFLOPS: try r("bf16_tflops"), fp8TFLOPS: try r("fp8_tflops"), int8TOPS: try r("int8_tops"),
                  int4TOPS: try r("int4_tops"), fp4TFLOPS: try r("fp4_tflops"), tdpWatts: try r("tdp_watts"),
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
