import Foundation
import GRDB

/// How both catalog and run-history databases are opened: WAL (readers never block the writer),
/// a busy timeout so that concurrent writers from other processes wait instead of failing, and
/// foreign keys on. A file is looked at before it is used: a command that only reads opens it
/// read-only and never migrates it into being, so a file that is not one of ours is an error,
/// not an empty catalog; a schema newer than this build knows is refused, never written to.
package enum DatabaseOpening {
    package static let busyTimeoutSeconds: Double = 30

    package static func configuration(readOnly: Bool = false) -> Configuration {
        var config = Configuration()
        config.busyMode = .timeout(busyTimeoutSeconds)
        config.foreignKeysEnabled = true
        config.readonly = readOnly
        return config
    }

    /// A private database in memory, for tests and for a run that needs no user catalog.
    package static func inMemory() throws -> DatabaseQueue {
        try DatabaseQueue(configuration: configuration())
    }

    /// What a file holds, by the migrations recorded in it.
    package enum State: Equatable { case empty, foreign, older, current, newer }

    package static func state(of db: Database, _ migrator: DatabaseMigrator) throws -> State {
        guard try db.tableExists("grdb_migrations") else {
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") == 0 ? .empty : .foreign
        }
        let applied = try migrator.appliedIdentifiers(db)
        // GRDB creates its table of migrations before, and apart from, the first migration: another
        // process creating this file right now, or one that stopped in between, leaves it alone.
        if applied.isEmpty, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE tbl_name <> 'grdb_migrations'") == 0 {
            return .empty
        }
        // Our first migration and some we do not know: a later breakeven's; not our first: someone else's.
        guard let first = migrator.migrations.first, applied.contains(first) else { return .foreign }
        if try migrator.hasBeenSuperseded(db) { return .newer }
        return try migrator.hasCompletedMigrations(db) ? .current : .older
    }

    /// A file a command writes: created when missing (an empty file counts as new), brought up
    /// to date when older, refused when it is not ours or is newer.
    package static func writing(at path: String, _ migrator: DatabaseMigrator, kind: DatabaseProblem.Kind) throws(DatabaseProblem) -> any DatabaseWriter {
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw DatabaseProblem.classify(error, path: path, kind: kind, writing: true)
        }
        do {
            switch try pool.read({ try state(of: $0, migrator) }) {
            case .foreign: throw DatabaseProblem(path: path, kind: kind, reason: .notOurs, writing: true)
            case .newer: throw DatabaseProblem(path: path, kind: kind, reason: .newer, writing: true)
            case .empty, .older, .current: try migrate(migrator, pool)
            }
        } catch let problem as DatabaseProblem {
            throw problem
        } catch {
            throw DatabaseProblem.classify(error, path: path, kind: kind, writing: true)
        }
        return pool
    }

    /// A file a command only reads: it must exist and be ours, opened read-only. An older
    /// schema is brought up to date first when the file can be written.
    package static func reading(at path: String, _ migrator: DatabaseMigrator, kind: DatabaseProblem.Kind) throws(DatabaseProblem) -> any DatabaseWriter {
        guard FileManager.default.fileExists(atPath: path) else { throw DatabaseProblem(path: path, kind: kind, reason: .missing) }
        let queue: DatabaseQueue
        let found: State
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration(readOnly: true))
            found = try queue.read { try state(of: $0, migrator) }
        } catch {
            throw DatabaseProblem.classify(error, path: path, kind: kind, writing: false)
        }
        switch found {
        case .current: return queue
        case .empty, .foreign: throw DatabaseProblem(path: path, kind: kind, reason: .notOurs)
        case .newer: throw DatabaseProblem(path: path, kind: kind, reason: .newer)
        case .older:
            do {
                return try writing(at: path, migrator, kind: kind)
            } catch {
                throw error.reason == .cannotOpen ? DatabaseProblem(path: path, kind: kind, reason: .olderReadOnly) : error
            }
        }
    }

    /// Runs the migrator. Two processes opening a fresh file at the same moment can both decide a
    /// migration is due; GRDB runs each migration in a transaction of its own, so the loser's
    /// fails and rolls back while the winner may still have migrations to go. The loser tries
    /// again with what is applied by then, at most once per migration, until the schema is complete.
    package static func migrate(_ migrator: DatabaseMigrator, _ writer: any DatabaseWriter) throws {
        var attempts = 0
        while true {
            do {
                return try migrator.migrate(writer)
            } catch {
                attempts += 1
                if try writer.read({ try migrator.hasCompletedMigrations($0) }) { return }
                guard attempts <= migrator.migrations.count else { throw error }
            }
        }
    }
}
