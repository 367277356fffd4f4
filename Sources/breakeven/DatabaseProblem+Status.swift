import ArgumentParser
import BreakevenStorage
import Foundation

extension DatabaseProblem {
    /// 66 for a file that is missing or cannot be read, 73 for one that cannot be written, 65 for
    /// one that is not ours or is newer.
    var status: ExitCode {
        switch reason {
        case .missing: return ExitStatus.noInput
        case .cannotOpen: return writing ? ExitStatus.cantCreate : ExitStatus.noInput
        case .notADatabase, .notOurs, .newer, .olderReadOnly: return ExitStatus.dataError
        }
    }

    /// Opens one of our database files (catalog, run history, usage) at `path`: a problem with
    /// the file becomes its sentence and status. A file a command writes gets its folder created
    /// first (a bare file name is in the current folder: nothing to create).
    static func opening<Store>(_ kind: Kind, at path: String, writing: Bool, _ open: (String) throws -> Store) throws -> Store {
        let folder = (path as NSString).deletingLastPathComponent
        if writing, !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure(ExitStatus.cantCreate, "cannot create the folder of the \(kind.rawValue) \(path)")
            }
        }
        do {
            return try open(path)
        } catch let problem as DatabaseProblem {
            throw CommandFailure(problem.status, problem.description)
        } catch {
            throw CommandFailure(writing ? ExitStatus.cantCreate : ExitStatus.noInput, "cannot open the \(kind.rawValue) \(path): \(error)")
        }
    }
}
