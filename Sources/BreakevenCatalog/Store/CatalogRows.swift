import BreakevenCore
import GRDB

/// Reading every table into a snapshot, and writing a snapshot's rows into the tables.
enum CatalogRows {
    static func read(_ db: Database) throws -> CatalogSnapshot {
        CatalogSnapshot(
            modelPrices: try PriceHistory.load(db).prices,
            gpus: try GPUSpec.fetchAll(db),
            gpuOffers: try GPUOffer.fetchAll(db),
            openModels: try OpenModelArchitecture.fetchAll(db),
            hardware: try HardwareSpec.fetchAll(db),
            plans: try SubscriptionPlan.fetchAll(db),
            entries: try CatalogOffer.fetchAll(db),
            calibrations: try calibrations(db)
        ).canonical()
    }

    /// The calibrations, nil when there are none (as in the seed, so the two read alike).
    static func calibrations(_ db: Database) throws -> [Calibration]? {
        let rows = try Calibration.fetchAll(db)
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
        try upsert(snapshot.gpus, key: \.id, in: db, summary: &summary)
        try upsert(snapshot.openModels, key: \.id, in: db, summary: &summary)

        let knownGPUs = Set(try String.fetchAll(db, sql: "SELECT id FROM gpu"))
        for offer in snapshot.gpuOffers where !knownGPUs.contains(offer.gpu) {
            throw CatalogError.invalidEntry(entry: "gpu offer \(offer.id)",
                                            message: "names GPU '\(offer.gpu)', which the catalog does not have")
        }
        try upsert(snapshot.gpuOffers, key: { OfferKey(id: $0.id, day: $0.effectiveFrom) }, in: db, summary: &summary)
        try upsert(snapshot.hardware, key: { OfferKey(id: $0.id, day: $0.effectiveFrom) }, in: db, summary: &summary)
        try upsert(snapshot.plans, key: { OfferKey(id: $0.id, day: $0.effectiveFrom) }, in: db, summary: &summary)
        try upsert(snapshot.entries, key: { OfferKey(id: $0.kind + " " + $0.id, day: $0.effectiveFrom) }, in: db, summary: &summary)
        return summary
    }

    private struct OfferKey: Hashable {
        var id: String
        var day: CalendarDay
    }

    /// Writes `values` by their natural key: a new key is added, a value that differs from the row
    /// read back under its key (money as stored, in micro-USD) is updated.
    private static func upsert<Value: FetchableRecord & PersistableRecord & Equatable, K: Hashable>(
        _ values: [Value], key: (Value) -> K, in db: Database, summary: inout ImportSummary
    ) throws {
        var existing = Dictionary(try Value.fetchAll(db).map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        for value in values {
            let k = key(value)
            if let old = existing[k] {
                if old == value {
                    summary.count(.unchanged)
                } else {
                    try value.update(db)
                    summary.count(.updated)
                }
            } else {
                try value.insert(db)
                summary.count(.added)
            }
            existing[k] = value
        }
    }
}
