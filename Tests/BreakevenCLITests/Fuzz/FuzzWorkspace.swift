import Foundation

/// The folder a fuzz test works in and the built binary run there: its output in files (no pipe
/// to fill up), killed past a deadline, a signal reported as 128 + its number as a shell does, and
/// the slowest command kept for the summary line.
final class FuzzWorkspace {
    let dir: URL
    /// The slowest command, for the summary line.
    private(set) var slowest: (seconds: Double, command: String) = (0, "")
    private let started = Date()

    /// A command that runs longer than this hangs.
    static let deadline: Double = 30

    init(name: String) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-fuzz-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    /// A file of the folder, as the commands (run in it) name it.
    func path(_ file: String) -> String { dir.appendingPathComponent(file).path }

    /// "12.3 s; slowest 0.4 s: run …", for the summary line.
    var timing: String {
        String(format: "%.1f s; slowest %.1f s: ", Date().timeIntervalSince(started), slowest.seconds) + slowest.command.prefix(200)
    }

    /// Runs the binary in the folder, with no catalog or usage database from the environment and
    /// the run history in the folder.
    func run(_ arguments: [String]) throws -> CLI.Output {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = dir
        var environment = ProcessInfo.processInfo.environment
        for key in ["BREAKEVEN_CATALOG", "BREAKEVEN_USAGE"] { environment.removeValue(forKey: key) }
        environment["XDG_DATA_HOME"] = dir.appendingPathComponent(".history").path
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = dir.appendingPathComponent(".stdout"), err = dir.appendingPathComponent(".stderr")
        for url in [out, err] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
        defer {
            try? outHandle.close()
            try? errHandle.close()
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        let start = Date()
        try process.run()
        defer {
            let seconds = Date().timeIntervalSince(start)
            if seconds > slowest.seconds { slowest = (seconds, arguments.joined(separator: " ")) }
        }
        // Polled: a millisecond is nothing beside a process start.
        var hung = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > Self.deadline, !hung {
                // SIGKILL: a child started from a test thread inherits its blocked SIGTERM.
                hung = true
                kill(process.processIdentifier, SIGKILL)
            }
            usleep(1_000)
        }
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        var stderr = String(decoding: (try? Data(contentsOf: err)) ?? Data(), as: UTF8.self)
        if hung { stderr += "\n(killed after \(Int(Self.deadline)) s)" }
        return CLI.Output(status: status, stdout: String(decoding: (try? Data(contentsOf: out)) ?? Data(), as: UTF8.self), stderr: stderr)
    }

    /// Removes the folder unless something failed or BREAKEVEN_FUZZ_KEEP is set (to look at the mutants).
    func finish(failed: Bool) {
        if !failed, ProcessInfo.processInfo.environment["BREAKEVEN_FUZZ_KEEP"] == nil { try? FileManager.default.removeItem(at: dir) }
    }
}
