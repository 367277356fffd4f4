import BreakevenCore
import BreakevenStorage
import GRDB

/// A calibration is a row of `calibration`: fitted efficiencies with the points they were fitted to (as JSON).
extension Calibration: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "calibration"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "calibration", idColumn: "name")
        guard let engine = ServingEngine(rawValue: try r("engine")), let precision = Precision(rawValue: try r("precision")),
              let kv = Precision(rawValue: try r("kv_cache_precision")), let day = CalendarDay(try r("created_on")) else {
            throw CatalogError.invalidEntry(entry: r.entry, message: "unreadable engine, precision or date")
        }
        self.init(name: try r("name"), gpu: try r("gpu_id"), model: try r("model_id"), engine: engine, precision: precision,
                  kvCachePrecision: kv, tensorParallel: try r("tensor_parallel"),
                  memoryBandwidthUtilization: try r.figure("memory_bandwidth_utilization", SpecBounds.utilization),
                  computeUtilization: try r.figure("compute_utilization", SpecBounds.utilization),
                  stepOverheadMs: try r("step_overhead_ms", in: Self.finite, "a finite number of milliseconds ≥ 0"),
                  residual: try r("residual", in: Self.finite, "a finite number ≥ 0"), points: try r.json("points"), format: try r("format"),
                  sourceDigest: try r("source_digest"), sourceFiles: try r.json("source_files"), createdOn: day)
    }

    /// The fit's step overhead and residual: at least 0 (the schema's rule), and finite, as the
    /// capacity model and the residual's spread need them.
    static let finite = 0...Double.greatestFiniteMagnitude

    public func encode(to container: inout PersistenceContainer) throws {
        container["name"] = name
        container["gpu_id"] = gpu
        container["model_id"] = model
        container["engine"] = engine.rawValue
        container["precision"] = precision.rawValue
        container["kv_cache_precision"] = kvCachePrecision.rawValue
        container["tensor_parallel"] = tensorParallel
        container["memory_bandwidth_utilization"] = memoryBandwidthUtilization
        container["compute_utilization"] = computeUtilization
        container["step_overhead_ms"] = stepOverheadMs
        container["residual"] = residual
        try container.encodeJSON(points, forColumn: "points")
        container["format"] = format
        container["source_digest"] = sourceDigest
        try container.encodeJSON(sourceFiles, forColumn: "source_files")
        container["created_on"] = createdOn.description
    }
}

extension CatalogStore {
    /// Stores a calibration, replacing one of the same name, in one transaction.
    public func save(_ calibration: Calibration) throws {
        try inImmediateTransaction { db in try calibration.save(db) }
    }
}
