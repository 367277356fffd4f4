import GRDB

/// One row of `gpu`: datasheet figures, dense (no 2:4 sparsity).
struct GPURecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "gpu"

    var id: String
    var name: String
    var memoryGB: Double
    var bandwidthTBps: Double
    var bf16TFLOPS: Double
    var fp8TFLOPS: Double?
    var int8TOPS: Double?
    var int4TOPS: Double?
    var fp4TFLOPS: Double?
    var tdpWatts: Double
    var source: String
    var retrievedOn: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name
        case memoryGB = "memory_gb"
        case bandwidthTBps = "bandwidth_tbps"
        case bf16TFLOPS = "bf16_tflops"
        case fp8TFLOPS = "fp8_tflops"
        case int8TOPS = "int8_tops"
        case int4TOPS = "int4_tops"
        case fp4TFLOPS = "fp4_tflops"
        case tdpWatts = "tdp_watts"
        case source
        case retrievedOn = "retrieved_on"
    }
}
