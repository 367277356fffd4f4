import BreakevenCore
import BreakevenStorage
import Foundation
import GRDB

/// The user's pricing and spec catalog: one SQLite database, its schema kept by migrations.
///
/// It reads into a `CatalogSnapshot`: rows never leave it as database types. Writes (installing
/// the seed, importing price files) are single transactions: they apply whole or not at all.
///
/// ```swift
/// let store = try CatalogStore(path: catalogPath)   // the directory must exist
/// if try store.isEmpty() { try store.install(CatalogStore.seed()) }
/// let summary = try store.importLiteLLM(data, named: "prices.json", options: .init(observedOn: today))
/// let catalog = try store.snapshot()
/// ```
public struct CatalogStore: DatabaseStore {
    let writer: any DatabaseWriter

    public static var migrator: DatabaseMigrator { CatalogSchema.migrator }
    public static let kind = DatabaseProblem.Kind.catalog

    public init(opened writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Every row of the catalog, in canonical order (see `CatalogSnapshot.canonical()`).
    public func snapshot() throws -> CatalogSnapshot {
        try writer.read { db in try CatalogRows.read(db) }
    }

    /// The fingerprint of the catalog's current contents (see `CatalogSnapshot.fingerprint`).
    public func fingerprint() throws -> String {
        try snapshot().fingerprint
    }

    /// True when the catalog holds no row at all (a new file).
    public func isEmpty() throws -> Bool {
        try writer.read { db in
            for table in ["model_price", "gpu", "gpu_offer", "open_model", "hardware", "subscription_plan"]
            where try Int.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == 1 {
                return false
            }
            return true
        }
    }

    /// Writes every row of `snapshot` (typically `CatalogStore.seed()`, for `catalog init`) in one
    /// transaction. A row is keyed by id (GPUs, open models) or id and date (everything else):
    /// new keys are added, rows that differ in any field (source included) are updated.
    @discardableResult
    public func install(_ snapshot: CatalogSnapshot) throws -> ImportSummary {
        try inImmediateTransaction { db in try CatalogRows.merge(snapshot.canonical(), into: db) }
    }

    func inImmediateTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.writeWithoutTransaction { db in
            var result: T?
            try db.inTransaction(.immediate) {
                result = try body(db)
                return .commit
            }
            return result!
        }
    }
}
