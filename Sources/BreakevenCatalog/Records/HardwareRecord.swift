import GRDB

/// One row of `hardware`: a machine one can buy, its price in micro-USD per unit from a date on.
struct HardwareRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "hardware"

    var hardwareID: String
    var name: String
    var priceMicros: Int64
    var memoryGB: Double
    var bandwidthTBps: Double
    var bf16TFLOPS: Double
    var fp8TFLOPS: Double?
    var fp4TFLOPS: Double?
    var tdpWatts: Double
    var wattsBusy: Double
    var wattsIdle: Double
    var effectiveFrom: String
    var source: String
    var provider: String?

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case hardwareID = "hardware_id"
        case name
        case priceMicros = "price_micros"
        case memoryGB = "memory_gb"
        case bandwidthTBps = "bandwidth_tbps"
        case bf16TFLOPS = "bf16_tflops"
        case fp8TFLOPS = "fp8_tflops"
        case fp4TFLOPS = "fp4_tflops"
        case tdpWatts = "tdp_watts"
        case wattsBusy = "watts_busy"
        case wattsIdle = "watts_idle"
        case effectiveFrom = "effective_from"
        case source, provider
    }
}
