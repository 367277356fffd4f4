import BreakevenCore
import BreakevenStorage
import GRDB

/// A calibration is a row of `calibration`: fitted efficiencies with the points they were fitted to (as JSON).
extension Calibration: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "calibration"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "calibration", idColumn: "name")
        let engine: ServingEngine = try r.choice("engine"), precision: Precision = try r.choice("precision")
        let kv: Precision = try r.choice("kv_cache_precision")
        let day = try r.day("created_on")
        self.init(name: try r("name"), gpu: try r("gpu_id"), model: try r("model_id"), engine: engine, precision: precision,
                  kvCachePrecision: kv, tensorParallel: try r("tensor_parallel"),
                  memoryBandwidthUtilization: try r("memory_bandwidth_utilization"), computeUtilization: try r("compute_utilization"),
                  stepOverheadMs: try r("step_overhead_ms"), residual: try r("residual"), points: try r.json("points"),
                  format: try r("format"), sourceDigest: try r("source_digest"), sourceFiles: try r.json("source_files"), createdOn: day)
        if let problem = figureProblem { throw r.damaged(problem) }
    }

    /// The rule a calibration is stored and read back by: utilizations within the range the fit
    /// keeps and a scenario may write (`SpecBounds.utilization`), the step overhead and the residual
    /// finite and at least 0, as the capacity model and the residual's spread need them. The first
    /// figure that breaks it, worded ("residual: expected a finite number ≥ 0, found inf"); nil when none does.
    public var figureProblem: String? {
        let finite = 0...Double.greatestFiniteMagnitude
        let rules: [(column: String, value: Double, holds: Bool, expected: String)] = [
            ("memory_bandwidth_utilization", memoryBandwidthUtilization, SpecBounds.utilization.contains(memoryBandwidthUtilization),
             SpecBounds.utilization.phrase),
            ("compute_utilization", computeUtilization, SpecBounds.utilization.contains(computeUtilization), SpecBounds.utilization.phrase),
            ("step_overhead_ms", stepOverheadMs, finite.contains(stepOverheadMs), "a finite number of milliseconds ≥ 0"),
            ("residual", residual, finite.contains(residual), "a finite number ≥ 0"),
        ]
        return rules.first { !$0.holds }.map { "\($0.column): expected \($0.expected), found \($0.value)" }
    }

    public func encode(to container: inout PersistenceContainer) throws {
        if let problem = figureProblem { throw CatalogError.invalidEntry(entry: "calibration \(name)", message: problem) }
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
