import GRDB

/// One row of `gpu_offer`: a provider's price per GPU-hour (micro-USD) from a date on.
struct GPUOfferRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "gpu_offer"

    var offerID: String
    var gpuID: String
    var provider: String
    var commitment: String
    var hourlyMicros: Int64
    var effectiveFrom: String
    var source: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case offerID = "offer_id"
        case gpuID = "gpu_id"
        case provider, commitment
        case hourlyMicros = "hourly_micros"
        case effectiveFrom = "effective_from"
        case source
    }
}
