import BreakevenCore
import BreakevenStorage
import GRDB

/// An open model is a row of `open_model`: an open-weights transformer's config.json figures.
extension OpenModelArchitecture: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "open_model"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "open model", idColumn: "id")
        let nativePrecision: String? = try r("native_precision")
        let heads = SpecBounds.heads
        self.init(id: try r("id"), name: try r("name"), totalParameters: try r.figure("total_parameters", SpecBounds.parameters),
                  activeParameters: try r.figure("active_parameters", SpecBounds.parameters), layers: try r.count("layers", SpecBounds.layers),
                  hiddenSize: try r.count("hidden_size", SpecBounds.hiddenSize), attentionHeads: try r.count("attention_heads", heads),
                  kvHeads: try r.count("kv_heads", heads), headDimension: try r.count("head_dimension", heads),
                  latentKVValues: try r.count("latent_kv_values", SpecBounds.latentKVValues), experts: try r.count("experts", SpecBounds.experts),
                  expertsPerToken: try r.count("experts_per_token", SpecBounds.experts),
                  nativePrecision: nativePrecision.flatMap(Precision.init(rawValue:)), slidingWindow: try r("sliding_window"),
                  slidingWindowLayers: try r("sliding_window_layers"), contextLength: try r.count("context_length", SpecBounds.contextLength),
                  license: try r("license"), source: try r("source"), retrievedOn: CalendarDay(try r("retrieved_on")))
        if let problem = FigureOrder.firstBroken(figureOrders) { throw r.damaged(problem) }
    }

    /// What the catalog refuses to write: parameter counts its integer columns cannot hold, or
    /// figures out of the order the reader checks; nil when none.
    var writeProblem: String? {
        guard totalParameters.isFinite, activeParameters.isFinite, totalParameters >= 1, activeParameters >= 1,
              totalParameters < 1e18
        else { return "total_parameters and active_parameters: expected counts from 1 to 1e18, found \(totalParameters) and \(activeParameters)" }
        return FigureOrder.firstBroken(figureOrders)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        guard let retrievedOn else {
            throw CatalogError.invalidEntry(entry: "open model \(id)", message: "no retrieval date (retrievedOn) for its source")
        }
        if let problem = writeProblem { throw CatalogError.invalidEntry(entry: "open model \(id)", message: problem) }
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
