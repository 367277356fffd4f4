import BreakevenCore
import BreakevenStorage
import GRDB

/// An offer is a row of `gpu_offer`: a provider's price per GPU-hour (micro-USD) from a date on,
/// and the GPUs of the instance it rents.
extension GPUOffer: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "gpu_offer"

    public init(row: Row) throws {
        let r = try StoredRow(row, kind: "gpu offer", idColumn: "offer_id")
        self.init(id: try r("offer_id"), gpu: try r("gpu_id"), provider: try r("provider"), commitment: try r.choice("commitment"),
                  hourly: try r.usd("hourly_micros"), gpusPerInstance: try r("gpus_per_instance", in: 1...72, "a whole number from 1 to 72"),
                  effectiveFrom: try r.day("effective_from"),
                  source: try r("source"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        let money = MicroUSD.Check(entry: "gpu offer \(id) from \(effectiveFrom)")
        container["offer_id"] = id
        container["gpu_id"] = gpu
        container["provider"] = provider
        container["commitment"] = commitment.rawValue
        container["hourly_micros"] = try money("hourly", hourly)
        container["gpus_per_instance"] = gpusPerInstance
        container["effective_from"] = effectiveFrom.description
        container["source"] = source
    }
}
