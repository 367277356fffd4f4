import Foundation

/// Where one output file really goes, found before anything is written: a regular file (or a
/// name not yet taken) is replaced by renaming a temporary onto it; a symlink is followed, so
/// the file it points to is replaced and the link stays; a pipe, terminal or other device
/// (`/dev/stdout`, `/dev/null`, a FIFO) is written to, never replaced.
struct OutputTarget {
    enum Kind { case file, stream }

    /// The path as given, for messages.
    var path: String
    /// The path written: `path` with its symlinks followed.
    var resolved: String
    var kind: Kind
    /// The permissions of the file replaced, kept by the new one; nil for a new file.
    var mode: mode_t?
    /// For `/dev/stdout`, `/dev/stderr` and `/dev/fd/N`: the descriptor itself, written at its
    /// own offset, so that `--out /dev/stdout >> log` appends and nothing is truncated.
    var descriptor: Int32? = nil

    /// The descriptor a path names in this process, if it names one.
    static func descriptor(_ path: String) -> Int32? {
        switch path {
        case "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                return Int32(path.dropFirst(prefix.count))
            }
            return nil
        }
    }

    /// Symlinks followed at most this many times (Linux's own limit is 40).
    static let maximumLinks = 40

    static func resolve(_ path: String) throws(OutputFiles.Failure) -> OutputTarget {
        var current = path
        for _ in 0..<maximumLinks {
            // /dev/stdout, /dev/fd/N and /proc/self/fd/N name an open descriptor: whatever it is
            // (a pipe, a terminal, or a file the shell redirected to), it is written to in place.
            if current.hasPrefix("/dev/") || current.hasPrefix("/proc/") {
                return OutputTarget(path: path, resolved: current, kind: .stream, mode: nil, descriptor: descriptor(current))
            }
            var info = stat()
            guard lstat(current, &info) == 0 else {
                if errno == ENOENT { return OutputTarget(path: path, resolved: current, kind: .file, mode: nil) }
                throw OutputFiles.Failure.cannotWrite(path, errno)
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                return OutputTarget(path: path, resolved: current, kind: .file, mode: info.st_mode & 0o7777)
            case S_IFDIR:
                throw OutputFiles.Failure.cannotWrite(path, EISDIR)
            case S_IFLNK:
                current = try follow(current, from: path)
            default:
                return OutputTarget(path: path, resolved: current, kind: .stream, mode: nil)
            }
        }
        throw OutputFiles.Failure.cannotWrite(path, ELOOP)
    }

    /// The path a symlink points to, relative to the link's folder when it is relative.
    private static func follow(_ link: String, from path: String) throws(OutputFiles.Failure) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(link, &buffer, buffer.count - 1)
        guard count >= 0 else { throw OutputFiles.Failure.cannotWrite(path, errno) }
        let destination = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if destination.hasPrefix("/") { return destination }
        return ((link as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
    }

    /// The folder the file is written in ("." for a bare file name).
    var folder: String {
        let parent = (resolved as NSString).deletingLastPathComponent
        return parent.isEmpty ? "." : parent
    }
}
