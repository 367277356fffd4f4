import GRDB

/// One row of `open_model`: an open-weights transformer's config.json figures.
struct OpenModelRecord: Codable, Equatable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "open_model"

    var id: String
    var name: String
    var totalParameters: Int64
    var activeParameters: Int64
    var layers: Int
    var hiddenSize: Int
    var attentionHeads: Int
    var kvHeads: Int
    var headDimension: Int
    var latentKVValues: Int?
    var experts: Int?
    var expertsPerToken: Int?
    var nativePrecision: String?
    var slidingWindow: Int?
    var slidingWindowLayers: Int?
    var contextLength: Int
    var license: String
    var source: String
    var retrievedOn: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case id, name
        case totalParameters = "total_parameters"
        case activeParameters = "active_parameters"
        case layers
        case hiddenSize = "hidden_size"
        case attentionHeads = "attention_heads"
        case kvHeads = "kv_heads"
        case headDimension = "head_dimension"
        case latentKVValues = "latent_kv_values"
        case experts
        case expertsPerToken = "experts_per_token"
        case nativePrecision = "native_precision"
        case slidingWindow = "sliding_window"
        case slidingWindowLayers = "sliding_window_layers"
        case contextLength = "context_length"
        case license, source
        case retrievedOn = "retrieved_on"
    }
}
