import ArgumentParser
import Foundation

/// Reads a scenario or result file whole: a regular file, `/dev/stdin`, a pipe or a process
/// substitution `<(...)` alike, refusing anything over `maximumBytes` before it fills memory.
enum InputFile {
    /// 16 MiB: a scenario is a few kilobytes and a 60-month result with ten options well under
    /// a megabyte, so more is a mistake (a wrong file) or an attack; the parsed tree of a file
    /// takes many times its size in memory.
    static let maximumBytes = 16 << 20

    struct Problem: Error {
        var path: String
        /// Why, without the path: "no such file".
        var reason: String
        var status: ExitCode

        var message: String { "breakeven: \(path): \(reason)" }
    }

    static func read(_ path: String) throws(Problem) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw Problem(path: path, reason: unreadable(errno), status: ExitStatus.noInput) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Problem(path: path, reason: unreadable(errno), status: ExitStatus.noInput) }
        if info.st_mode & S_IFMT == S_IFDIR {
            throw Problem(path: path, reason: "is a folder, not a file", status: ExitStatus.noInput)
        }
        // A regular file says its size; a pipe is read until it passes the limit.
        if info.st_mode & S_IFMT == S_IFREG, info.st_size > maximumBytes {
            throw tooLarge(path, bytes: Int64(info.st_size))
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Problem(path: path, reason: unreadable(errno), status: ExitStatus.noInput)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumBytes { throw tooLarge(path, bytes: nil) }
        }
    }

    static func tooLarge(_ path: String, bytes: Int64?) -> Problem {
        let size = bytes.map { String(format: "%.1f MiB is ", Double($0) / Double(1 << 20)) } ?? ""
        return Problem(path: path, reason: "\(size)more than the 16 MiB a scenario or result file may have", status: ExitStatus.dataError)
    }

    /// "no such file", or why an existing file cannot be read.
    static func unreadable(_ code: Int32) -> String {
        code == ENOENT ? "no such file" : "cannot be read: \(SystemError.reason(code))"
    }
}
