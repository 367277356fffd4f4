import GRDB

/// How both catalog and run-history databases are opened: WAL (readers never block the writer),
/// a busy timeout so that concurrent writers from other processes wait instead of failing, and
/// foreign keys on.
enum DatabaseOpening {
    static let busyTimeoutSeconds: Double = 30

    static func configuration() -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeoutSeconds)
        config.foreignKeysEnabled = true
        return config
    }

    /// A DatabasePool (WAL) on a file, created if missing.
    static func file(at path: String) throws -> DatabasePool {
        try DatabasePool(path: path, configuration: configuration())
    }

    /// A private database in memory, for tests and for a run that needs no user catalog.
    static func inMemory() throws -> DatabaseQueue {
        try DatabaseQueue(configuration: configuration())
    }

    /// Runs the migrator. Two processes opening a fresh file at the same moment can both decide a
    /// migration is due; the loser's migration fails and rolls back, and it then finds the schema complete.
    static func migrate(_ migrator: DatabaseMigrator, _ writer: any DatabaseWriter) throws {
        do {
            try migrator.migrate(writer)
        } catch {
            guard try writer.read({ try migrator.hasCompletedMigrations($0) }) else { throw error }
        }
    }
}
