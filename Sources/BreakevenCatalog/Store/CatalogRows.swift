import BreakevenCore
import GRDB

/// Reading every table into a snapshot, and writing a snapshot's rows into the tables.
enum CatalogRows {
    static func read(_ db: Database) throws -> CatalogSnapshot {
        CatalogSnapshot(
            modelPrices: try PriceHistory.load(db).prices,
            gpus: try GPURecord.fetchAll(db).map(GPUSpec.init(record:)),
            gpuOffers: try GPUOfferRecord.fetchAll(db).map(GPUOffer.init(record:)),
            openModels: try OpenModelRecord.fetchAll(db).map(OpenModelArchitecture.init(record:)),
            hardware: try HardwareRecord.fetchAll(db).map(HardwareSpec.init(record:)),
            plans: try SubscriptionPlanRecord.fetchAll(db).map(SubscriptionPlan.init(record:)),
            entries: try CatalogOfferRecord.fetchAll(db).map(CatalogOffer.init(record:)),
            calibrations: try calibrations(db)
        ).canonical()
    }

    /// The calibrations, nil when there are none (as in the seed, so the two read alike).
    static func calibrations(_ db: Database) throws -> [Calibration]? {
        let rows = try CalibrationRecord.fetchAll(db).map { try $0.calibration() }
        return rows.isEmpty ? nil : rows
    }

    /// Upserts every row of `snapshot` (already canonical) by its natural key.
    static func merge(_ snapshot: CatalogSnapshot, into db: Database) throws -> ImportSummary {
        var summary = ImportSummary()
        summary.entries = snapshot.modelPrices.count + snapshot.gpus.count + snapshot.gpuOffers.count
            + snapshot.openModels.count + snapshot.hardware.count + snapshot.plans.count + snapshot.entries.count

        var history = try PriceHistory.load(db)
        for price in snapshot.modelPrices {
            summary.count(try history.put(price, in: db, same: ==))
        }
        try upsert(snapshot.gpus.map { try $0.record() }, key: \.id, in: db, summary: &summary)
        try upsert(snapshot.openModels.map { try $0.record() }, key: \.id, in: db, summary: &summary)

        let knownGPUs = Set(try String.fetchAll(db, sql: "SELECT id FROM gpu"))
        for offer in snapshot.gpuOffers where !knownGPUs.contains(offer.gpu) {
            throw CatalogError.invalidEntry(entry: "gpu offer \(offer.id)",
                                            message: "names GPU '\(offer.gpu)', which the catalog does not have")
        }
        try upsert(snapshot.gpuOffers.map { try $0.record() }, key: { OfferKey(id: $0.offerID, day: $0.effectiveFrom) },
                   in: db, summary: &summary)
        try upsert(snapshot.hardware.map { try $0.record() }, key: { OfferKey(id: $0.hardwareID, day: $0.effectiveFrom) },
                   in: db, summary: &summary)
        try upsert(snapshot.plans.map { try $0.record() }, key: { OfferKey(id: $0.planID, day: $0.effectiveFrom) },
                   in: db, summary: &summary)
        try upsert(snapshot.entries.map { try $0.record() }, key: { OfferKey(id: $0.kind + " " + $0.entryID, day: $0.effectiveFrom) },
                   in: db, summary: &summary)
        return summary
    }

    private struct OfferKey: Hashable {
        var id: String
        var day: String
    }

    private static func upsert<R: FetchableRecord & PersistableRecord & Equatable, K: Hashable>(
        _ records: [R], key: (R) -> K, in db: Database, summary: inout ImportSummary
    ) throws {
        var existing = Dictionary(try R.fetchAll(db).map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for record in records {
            let k = key(record)
            if let old = existing[k] {
                if old == record {
                    summary.count(.unchanged)
                } else {
                    try record.update(db)
                    summary.count(.updated)
                }
            } else {
                try record.insert(db)
                summary.count(.added)
            }
            existing[k] = record
        }
    }
}
