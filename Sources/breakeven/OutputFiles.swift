import ArgumentParser
import Foundation

/// Writes the files of a command all or none: each goes to a temporary file in its target's
/// folder, and only when every one is written are they renamed into place, so a failure (a
/// full disk, a name too long) never leaves a new report beside the previous run's CSVs. A
/// failure removes the temporaries; a killed run leaves them named `.breakeven-partial-PID-…`,
/// and the next run that writes in that folder removes those whose process is gone.
struct OutputFiles {
    var files: [(path: String, contents: String)] = []

    static let temporaryPrefix = ".breakeven-partial-"

    struct Failure: Error {
        var message: String
        var status: ExitCode

        static func cannotWrite(_ path: String, _ code: Int32) -> Failure {
            Failure(message: "breakeven: cannot write \(path): \(SystemError.reason(code))", status: ExitStatus.cantCreate)
        }
    }

    mutating func add(_ path: String, _ contents: String) {
        files.append((path, contents))
    }

    /// Writes every file; prints the problem and throws the exit status on failure.
    func write() throws {
        do {
            try writeAll()
        } catch {
            Terminal.error(error.message)
            throw error.status
        }
    }

    private func writeAll() throws(Failure) {
        var seen: [String: String] = [:]
        for file in files {
            let key = URL(fileURLWithPath: file.path).standardizedFileURL.path
            if let earlier = seen[key] {
                let also = earlier == file.path ? "" : " (as \(earlier))"
                throw Failure(message: "breakeven: \(file.path) would be written twice in one run\(also)", status: ExitStatus.usage)
            }
            seen[key] = file.path
        }
        var targets: [OutputTarget] = []
        for file in files {
            try Self.checkName(file.path)
            let parent = (file.path as NSString).deletingLastPathComponent
            try Self.makeFolder(parent.isEmpty ? "." : parent, for: file.path)
            targets.append(try OutputTarget.resolve(file.path))
        }
        for folder in Set(targets.filter { $0.kind == .file }.map(\.folder)) {
            Self.removeAbandonedTemporaries(in: folder)
        }
        var temporaries: [String] = []
        defer { for t in temporaries { unlink(t) } }
        var placed: [(temporary: String, target: OutputTarget)] = []
        for (file, target) in zip(files, targets) where target.kind == .file {
            let temporary = try Self.writeTemporary(file.contents, for: target)
            temporaries.append(temporary)
            placed.append((temporary, target))
        }
        for (file, target) in zip(files, targets) where target.kind == .stream {
            try Self.writeInPlace(file.contents, to: target)
        }
        for (k, p) in placed.enumerated() {
            guard rename(p.temporary, p.target.resolved) == 0 else { throw Failure.cannotWrite(p.target.path, errno) }
            temporaries[k] = ""
        }
        temporaries = []
    }

    /// A file name longer than the file system takes would fail at the rename, after other files
    /// of the set were renamed: refused before anything is written.
    static func checkName(_ path: String) throws(Failure) {
        let name = (path as NSString).lastPathComponent
        if name.utf8.count > Int(NAME_MAX) { throw Failure.cannotWrite(path, ENAMETOOLONG) }
    }

    /// Creates `folder` and its parents; a part that is a file is named in the message.
    static func makeFolder(_ folder: String, for path: String) throws(Failure) {
        var built = folder.hasPrefix("/") ? "/" : ""
        for part in folder.split(separator: "/") {
            built = built.isEmpty || built.hasSuffix("/") ? built + part : built + "/" + part
            var info = stat()
            if stat(built, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw Failure(message: "breakeven: cannot write \(path): \(built) is a file, not a folder", status: ExitStatus.cantCreate)
                }
                continue
            }
            guard errno == ENOENT else { throw Failure.cannotWrite(path, errno) }
            if mkdir(built, 0o777) != 0, errno != EEXIST { throw Failure.cannotWrite(path, errno) }
        }
    }

    static func writeTemporary(_ contents: String, for target: OutputTarget) throws(Failure) -> String {
        var template = Array((target.folder + "/" + temporaryPrefix + "\(getpid())-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw Failure.cannotWrite(target.path, errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { close(fd) }
        // mkstemp makes the file private (0600): give it the replaced file's mode, or what the umask allows.
        let mask = umask(0)
        umask(mask)
        if fchmod(fd, target.mode ?? (0o666 & ~mask)) != 0 || !writeAll(contents, to: fd) {
            let code = errno
            unlink(temporary)
            throw Failure.cannotWrite(target.path, code)
        }
        return temporary
    }

    /// A device or pipe is written to, never truncated or replaced; standard output and error
    /// through their own descriptors.
    static func writeInPlace(_ contents: String, to target: OutputTarget) throws(Failure) {
        if let fd = target.descriptor {
            if !writeAll(contents, to: fd) { throw Failure.cannotWrite(target.path, errno) }
            return
        }
        let fd = open(target.resolved, O_WRONLY)
        guard fd >= 0 else { throw Failure.cannotWrite(target.path, errno) }
        defer { close(fd) }
        if !writeAll(contents, to: fd) { throw Failure.cannotWrite(target.path, errno) }
    }

    /// Writes every byte; false with errno set on failure.
    static func writeAll(_ contents: String, to fd: Int32) -> Bool {
        var bytes = Array(contents.utf8)[...]
        while !bytes.isEmpty {
            let count = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(count)
        }
        return true
    }

    /// Temporaries a killed run left here: those whose process no longer runs.
    static func removeAbandonedTemporaries(in folder: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(temporaryPrefix) {
            guard let pid = Int32(name.dropFirst(temporaryPrefix.count).prefix { $0 != "-" }), pid > 0 else { continue }
            if kill(pid, 0) == -1, errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(name))
            }
        }
    }
}
