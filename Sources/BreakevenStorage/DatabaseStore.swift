import GRDB

/// A store kept in one of our SQLite files (the catalog, the run history, the usage database):
/// its schema and what a message calls it. All three open the same way (`DatabaseOpening`): WAL
/// with a busy timeout, a file that is not this kind of ours or is newer refused, a reader that
/// opens read-only and creates nothing.
public protocol DatabaseStore: Sendable {
    static var migrator: DatabaseMigrator { get }
    static var kind: DatabaseProblem.Kind { get }
    /// A store over `writer`, which `DatabaseOpening` has opened and brought up to date.
    init(opened writer: any DatabaseWriter)
}

extension DatabaseStore {
    /// Opens (or creates) the file at `path` and brings its schema up to date; throws a
    /// `DatabaseProblem` for a file that is not of this kind or was made by a newer breakeven.
    public init(path: String) throws {
        self.init(opened: try DatabaseOpening.writing(at: path, Self.migrator, kind: Self.kind))
    }

    /// Opens an existing file read-only, for the commands that only read it; throws a
    /// `DatabaseProblem` for a missing file, one that is not of this kind, or a newer one.
    public init(readingAt path: String) throws {
        self.init(opened: try DatabaseOpening.reading(at: path, Self.migrator, kind: Self.kind))
    }

    /// An empty store in memory, for tests and for a run that needs no file.
    public static func inMemory() throws -> Self {
        try Self(migrating: DatabaseOpening.inMemory())
    }

    /// A store over a database opened elsewhere, brought up to date (tests give older schemas).
    package init(migrating writer: any DatabaseWriter) throws {
        try DatabaseOpening.migrate(Self.migrator, writer)
        self.init(opened: writer)
    }
}
