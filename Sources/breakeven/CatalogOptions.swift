import ArgumentParser
import BreakevenCatalog
import BreakevenCore
import BreakevenStorage
import Foundation

/// Which catalog a command reads: `--catalog DB`, else `BREAKEVEN_CATALOG`, else the embedded seed.
struct CatalogOptions: ParsableArguments {
    @Option(name: .customLong("catalog"), help: ArgumentHelp("A user catalog (SQLite), made by `catalog init`; default: $BREAKEVEN_CATALOG, else the built-in seed.", valueName: "DB"))
    var path: String?

    var chosenPath: String? {
        path ?? ProcessInfo.processInfo.environment["BREAKEVEN_CATALOG"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The catalog's contents and fingerprint.
    func load() throws -> (snapshot: CatalogSnapshot, fingerprint: String) {
        guard let chosen = chosenPath else {
            do {
                let seed = try CatalogStore.seed()
                return (seed, seed.fingerprint)
            } catch {
                throw CommandFailure(ExitStatus.software, "the built-in catalog cannot be read: \(error)")
            }
        }
        // Read-only: reading never creates, migrates or changes a catalog.
        let store = try DatabaseProblem.opening(.catalog, at: chosen, writing: false) { try CatalogStore(readingAt: $0) }
        do {
            let snapshot = try store.snapshot()
            return (snapshot, snapshot.fingerprint)
        } catch {
            throw CommandFailure(ExitStatus.dataError, "\(chosen): \(error)")
        }
    }

    /// The user catalog at `path`, opened to be written (an import or an update); 73 when it cannot be.
    static func writableStore(_ path: String) throws -> CatalogStore {
        try DatabaseProblem.opening(.catalog, at: path, writing: true) { try CatalogStore(path: $0) }
    }
}
