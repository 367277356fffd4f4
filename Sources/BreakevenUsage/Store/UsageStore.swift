import Crypto
import BreakevenStorage
import Foundation
import GRDB

/// The usage database: a file of its own (`usage.sqlite`, apart from the price catalog), with its
/// own migrations. Several processes may import at once: the file is in WAL mode and a writer
/// waits for the lock instead of failing; each file is imported in one transaction.
public struct UsageStore: DatabaseStore {
    let writer: any DatabaseWriter

    public static var migrator: DatabaseMigrator { UsageSchema.migrator }
    public static let kind = DatabaseProblem.Kind.usage

    public init(opened writer: any DatabaseWriter) {
        self.writer = writer
    }

    /// Imports one export file in one transaction: a malformed record refuses the whole file and
    /// changes nothing; the same file (or overlapping exports) again changes nothing.
    ///
    /// - Parameters:
    ///   - name: how the file is named in the database and in messages (default: its path).
    ///   - progress: told the bytes read so far, as they are read.
    public func importFile(_ path: String, format: UsageFormat, name: String? = nil,
                           progress: ((Int) -> Void)? = nil) throws -> UsageImportSummary {
        let display = name ?? path
        return try writer.write { db in
            // A database past the ceiling was changed outside breakeven: said of the database, not
            // blamed on the file being imported.
            try UsageCeiling.verify(db)
            var session = try ImportSession(db: db, format: format, file: display)
            var hasher = SHA256()
            var read = 0
            do {
                try UsageImporter.read(format, path: path, into: &session) { chunk in
                    hasher.update(data: chunk)
                    read += chunk.count
                    progress?(read)
                }
            } catch var error as UsageImportError {
                // Importers name the path they read; messages name the file as the user gave it.
                error.file = display
                throw error
            }
            let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            let from = session.summary.coveredFrom ?? 0
            let to = session.summary.coveredTo ?? from
            try db.execute(sql: """
                INSERT OR IGNORE INTO usage_source (format, file_name, sha256, covered_from, covered_to, records)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [format.rawValue, (display as NSString).lastPathComponent, digest, from, to, session.summary.records])
            guard let sourceID = try Int64.fetchOne(db, sql: "SELECT id FROM usage_source WHERE format = ? AND sha256 = ?",
                                                    arguments: [format.rawValue, digest]) else {
                throw UsageImportError(file: display, "its source row could not be recorded")
            }
            try session.write(sourceID: sourceID)
            try UsageCeiling.check(db, file: display)
            var summary = session.summary
            summary.sha256 = digest
            return summary
        }
    }

    /// Records that `directory`, whose log files were all imported (`files`, in the order read),
    /// covers the time from the first request of any to the end of the last one's: a source of its
    /// own with no rows, known by its files' digests (the same files again change nothing). Only
    /// for formats whose files are a tool's session logs (`UsageFormat.logFileExtension`): the
    /// hours between sessions had no usage. Nil when no file held a request.
    public func recordDirectory(_ directory: String, format: UsageFormat, files: [UsageImportSummary]) throws -> UsageDirectoryCoverage? {
        guard format.logFileExtension != nil, let from = files.compactMap(\.coveredFrom).min(),
              let to = files.compactMap(\.coveredTo).max() else { return nil }
        var hasher = SHA256()
        for file in files { hasher.update(data: Array(file.sha256.utf8)) }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        try writer.write { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO usage_source (format, file_name, sha256, covered_from, covered_to, records)
                VALUES (?, ?, ?, ?, ?, 0)
                """, arguments: [format.rawValue, (directory as NSString).lastPathComponent + "/", digest, from, to])
        }
        return UsageDirectoryCoverage(directory: directory, format: format, files: files.count, coveredFrom: from, coveredTo: to)
    }
}
