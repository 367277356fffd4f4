import BreakevenCore
import Foundation
import GRDB

/// One row of `calibration`: fitted efficiencies with the points they were fitted to (as JSON).
struct CalibrationRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "calibration"

    var name: String
    var gpuID: String
    var modelID: String
    var engine: String
    var precision: String
    var kvCachePrecision: String
    var tensorParallel: Int
    var memoryBandwidthUtilization: Double
    var computeUtilization: Double
    var stepOverheadMs: Double
    var residual: Double
    var points: String
    var format: String
    var sourceDigest: String
    var sourceFiles: String
    var createdOn: String

    enum CodingKeys: String, CodingKey, ColumnExpression {
        case name
        case gpuID = "gpu_id"
        case modelID = "model_id"
        case engine, precision
        case kvCachePrecision = "kv_cache_precision"
        case tensorParallel = "tensor_parallel"
        case memoryBandwidthUtilization = "memory_bandwidth_utilization"
        case computeUtilization = "compute_utilization"
        case stepOverheadMs = "step_overhead_ms"
        case residual, points, format
        case sourceDigest = "source_digest"
        case sourceFiles = "source_files"
        case createdOn = "created_on"
    }

    init(_ c: Calibration) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        name = c.name; gpuID = c.gpu; modelID = c.model; engine = c.engine.rawValue; precision = c.precision.rawValue
        kvCachePrecision = c.kvCachePrecision.rawValue; tensorParallel = c.tensorParallel
        memoryBandwidthUtilization = c.memoryBandwidthUtilization; computeUtilization = c.computeUtilization
        stepOverheadMs = c.stepOverheadMs; residual = c.residual
        points = String(decoding: try encoder.encode(c.points), as: UTF8.self)
        format = c.format; sourceDigest = c.sourceDigest
        sourceFiles = String(decoding: try encoder.encode(c.sourceFiles), as: UTF8.self)
        createdOn = c.createdOn.description
    }

    func calibration() throws -> Calibration {
        let decoder = JSONDecoder()
        guard let engine = ServingEngine(rawValue: engine), let precision = Precision(rawValue: precision),
              let kv = Precision(rawValue: kvCachePrecision), let day = CalendarDay(createdOn) else {
            throw CatalogError.invalidEntry(entry: "calibration \(name)", message: "unreadable engine, precision or date")
        }
        return Calibration(name: name, gpu: gpuID, model: modelID, engine: engine, precision: precision, kvCachePrecision: kv,
                           tensorParallel: tensorParallel, memoryBandwidthUtilization: memoryBandwidthUtilization,
                           computeUtilization: computeUtilization, stepOverheadMs: stepOverheadMs, residual: residual,
                           points: try decoder.decode([Calibration.Point].self, from: Data(points.utf8)), format: format,
                           sourceDigest: sourceDigest, sourceFiles: try decoder.decode([String].self, from: Data(sourceFiles.utf8)),
                           createdOn: day)
    }
}

extension CatalogStore {
    /// Stores a calibration, replacing one of the same name, in one transaction.
    public func save(_ calibration: Calibration) throws {
        try inImmediateTransaction { db in try CalibrationRecord(calibration).save(db) }
    }
}
