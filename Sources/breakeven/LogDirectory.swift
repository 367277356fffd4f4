import Foundation

/// A directory of a tool's session logs as `usage import` reads it: every file below it with the
/// format's extension (Claude Code keeps `projects/<project>/<session>.jsonl` and a sub-agent's
/// `<session>/subagents/agent-<id>.jsonl`; Codex `sessions/YYYY/MM/DD/rollout-<time>-<id>.jsonl`, so a
/// parent's rollout comes before its forks of later times), in the byte order of their paths so that an import
/// is the same on every machine.
enum LogDirectory {
    static func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The log files below `directory`, each as `directory/relative/path`.
    static func files(in directory: String, withExtension ext: String) -> [String] {
        let below = FileManager.default.enumerator(atPath: directory)?.compactMap { $0 as? String } ?? []
        return below.filter { $0.hasSuffix("." + ext) }
            .map { (directory as NSString).appendingPathComponent($0) }
            .filter { !isDirectory($0) }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
