import BreakevenCore
import Foundation

/// Writes reports so that a failure never leaves a half-written file: each file goes to a
/// temporary file beside it and is renamed into place (Foundation's atomic write).
struct OutputFiles {
    var files: [(path: String, contents: String)] = []

    mutating func add(_ path: String, _ contents: String) {
        files.append((path, contents))
    }

    func write() throws {
        for file in files {
            let url = URL(fileURLWithPath: file.path)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url, options: .atomic)
            } catch {
                Terminal.error("breakeven: cannot write \(file.path): \(error.localizedDescription)")
                throw ExitStatus.cantCreate
            }
        }
    }
}
