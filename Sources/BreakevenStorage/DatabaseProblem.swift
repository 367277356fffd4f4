import Foundation
import GRDB

/// Why a catalog, run-history or usage file cannot be used, as a sentence (`description` is
/// printed as it is). The executable chooses the exit status: 66 for a missing file or one that cannot be
/// read, 65 for a file that is not ours or is newer, 73 for one that cannot be written.
public struct DatabaseProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case catalog, history = "run history", usage = "usage database" }

    public enum Reason: Sendable, Equatable {
        case missing
        case notADatabase
        /// A SQLite database, but neither empty nor one of ours (another program's, or a catalog given as history).
        case notOurs
        case newer
        /// Ours, from an older breakeven, and it cannot be written to bring it up to date.
        case olderReadOnly
        case cannotOpen
    }

    public var path: String
    public var kind: Kind
    public var reason: Reason
    /// SQLite's own words, for `cannotOpen`.
    public var detail: String = ""
    /// True when the command meant to write the file.
    public var writing = false

    public var description: String {
        let kind = kind.rawValue
        switch reason {
        case .missing:
            switch self.kind {
            case .catalog: return "\(path): no such catalog; create one with `breakeven catalog init \(path)`"
            case .history: return "\(path): no such run history (a run records one)"
            case .usage: return "\(path): no usage database; import exports first with `breakeven usage import --format FORMAT FILE...`"
            }
        case .notADatabase: return "\(path) is not a SQLite database, so not a breakeven \(kind)"
        case .notOurs: return "\(path) is not a breakeven \(kind)"
        case .newer: return "\(path) was made by a newer breakeven: its \(kind) has changes this version does not know, so it is left as it is"
        case .olderReadOnly: return "\(path) was made by an older breakeven and must be brought up to date, but it cannot be written"
        case .cannotOpen: return "cannot open the \(kind) \(path): \(detail)"
        }
    }

    /// A SQLite error while opening or inspecting the file, as a problem.
    package static func classify(_ error: any Error, path: String, kind: Kind, writing: Bool) -> DatabaseProblem {
        if let problem = error as? DatabaseProblem { return problem }
        guard let sqlite = error as? DatabaseError else {
            return DatabaseProblem(path: path, kind: kind, reason: .cannotOpen, detail: "\(error)", writing: writing)
        }
        switch sqlite.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return DatabaseProblem(path: path, kind: kind, reason: .notADatabase, writing: writing)
        default:
            return DatabaseProblem(path: path, kind: kind, reason: .cannotOpen, detail: sqlite.message ?? "\(sqlite.resultCode)", writing: writing)
        }
    }
}
