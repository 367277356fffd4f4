import BreakevenCore
import BreakevenStorage
import GRDB

/// An open model is a row of `open_model`: an open-weights transformer's config.json figures.
extension OpenModelArchitecture: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "open_model"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "open model", idColumn: "id")
        let nativePrecision: String? = try r("native_precision")
        self.init(id: try r("id"), name: try r("name"), totalParameters: Double(try r("total_parameters") as Int64),
                  activeParameters: Double(try r("active_parameters") as Int64), layers: try r("layers"),
                  hiddenSize: try r("hidden_size"), attentionHeads: try r("attention_heads"), kvHeads: try r("kv_heads"),
                  headDimension: try r("head_dimension"), latentKVValues: try r("latent_kv_values"), experts: try r("experts"),
                  expertsPerToken: try r("experts_per_token"),
                  nativePrecision: nativePrecision.flatMap(Precision.init(rawValue:)), slidingWindow: try r("sliding_window"),
                  slidingWindowLayers: try r("sliding_window_layers"), contextLength: try r("context_length"),
                  license: try r("license"), source: try r("source"), retrievedOn: CalendarDay(try r("retrieved_on")))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        guard let retrievedOn else {
            throw CatalogError.invalidEntry(entry: "open model \(id)", message: "no retrieval date (retrievedOn) for its source")
        }
        guard totalParameters.isFinite, activeParameters.isFinite, totalParameters >= 1, activeParameters >= 1,
              totalParameters < 1e18, activeParameters <= totalParameters
        else {
            throw CatalogError.invalidEntry(entry: "open model \(id)", message: "expected 1 ≤ active parameters ≤ total parameters")
        }
        container["id"] = id
        container["name"] = name
        container["total_parameters"] = Int64(totalParameters.rounded())
        container["active_parameters"] = Int64(activeParameters.rounded())
        container["layers"] = layers
        container["hidden_size"] = hiddenSize
        container["attention_heads"] = attentionHeads
        container["kv_heads"] = kvHeads
        container["head_dimension"] = headDimension
        container["latent_kv_values"] = latentKVValues
        container["experts"] = experts
        container["experts_per_token"] = expertsPerToken
        container["native_precision"] = nativePrecision?.rawValue
        container["sliding_window"] = slidingWindow
        container["sliding_window_layers"] = slidingWindowLayers
        container["context_length"] = contextLength
        container["license"] = license
        container["source"] = source
        container["retrieved_on"] = retrievedOn.description
    }
}
