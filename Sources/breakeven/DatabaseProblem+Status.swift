import ArgumentParser
import BreakevenCatalog

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
}
