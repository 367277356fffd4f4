import Foundation
import Testing

/// One fuzz run of an importer: its folder of mutants, the binary run on them with a deadline,
/// the check of each outcome, and the bisection of a batch that fails down to the mutants
/// that make it fail. Failures are recorded at the end with everything needed to reproduce
/// them, and the folder is kept for them.
final class ImportFuzz {
    struct Problem: Error {
        var command: String
        var output: CLI.Output
        var what: String
    }

    struct Failure {
        var problem: Problem
        var files: [String]
    }

    let dir: URL
    let name: String
    private(set) var mutants: [String: ExportMutator.Mutant] = [:]
    private(set) var failures: [Failure] = []
    /// Files imported, and refused with a located message.
    private(set) var imported = 0, refused = 0
    private var databases = 0, writes = 0
    /// The slowest command, for the summary line.
    private var slowest: (seconds: Double, command: String) = (0, "")
    private let started = Date()

    /// A command that runs longer than this hangs.
    static let deadline: Double = 30

    init(name: String) throws {
        self.name = name
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-fuzz-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    /// A file of the folder, as the commands (run in it) name it.
    func path(_ file: String) -> String { dir.appendingPathComponent(file).path }

    static func batches(_ files: [String], of size: Int) -> [[String]] {
        stride(from: 0, to: files.count, by: size).map { Array(files[$0..<min($0 + size, files.count)]) }
    }

    /// Writes the mutants as PREFIX-NNNN.SUFFIX; their names, in order.
    func write(_ list: [ExportMutator.Mutant], prefix: String, suffix: String) throws -> [String] {
        writes += 1
        let tag = "\(writes)\(prefix)"
        return try list.enumerated().map { k, mutant in
            let file = String(format: "%@-%04d.%@", tag, k, suffix)
            try Data(mutant.bytes).write(to: dir.appendingPathComponent(file))
            mutants[file] = mutant
            return file
        }
    }

    /// Runs the binary in the folder, its output in files (no pipe to fill up), killed past the
    /// deadline; a signal is reported as 128 + its number, as a shell does.
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

    /// Runs a command and checks its outcome: 0, or 65 with a message on standard error. An
    /// importing command must name each of `files` on standard output (imported) or standard
    /// error (refused, with the line where the file has lines). `json`: a file the command
    /// writes, whose figures must be finite. The files imported, or the problem.
    func check(_ arguments: [String], _ files: [String], importing: Bool, json: String? = nil) throws -> Result<[String], Problem> {
        let r = try run(arguments)
        let command = arguments.joined(separator: " ")
        func problem(_ what: String) -> Result<[String], Problem> { .failure(Problem(command: command, output: r, what: what)) }
        // A reader may also find no input (66): a database without usage.
        guard r.status == 0 || r.status == 65 || (!importing && r.status == 66) else { return problem("exited \(r.status)") }
        if r.status != 0, r.stderr.isEmpty { return problem("exited \(r.status) without a message") }
        let done = files.filter { r.stdout.contains($0 + " (") || r.stdout.contains($0 + ": ") || r.stdout.contains("\"\($0)\"") }
        for file in files where !done.contains(file) {
            guard r.status == 65 else { return problem("exited 0 without naming \(file) on standard output") }
            guard let line = r.stderr.split(separator: "\n").first(where: { $0.hasPrefix(file + ":") }) else {
                return problem("no message names \(file)")
            }
            let located = line.dropFirst(file.count + 1).first?.isNumber == true
            if !located, !Self.wholeFileMessages.contains(where: line.contains) {
                return problem("the message names no line of \(file)")
            }
            refused += 1
        }
        if importing { imported += done.count }
        if let json, r.status == 0 {
            let data = (try? Data(contentsOf: dir.appendingPathComponent(json))) ?? Data()
            guard let value = try? JSONSerialization.jsonObject(with: data), FuzzTests.allFinite(value) else {
                return problem("\(json) is not JSON with finite figures")
            }
        }
        return .success(done)
    }

    static var wholeFileMessages: [String] { ImportFuzzTests.wholeFileMessages }

    /// A copy of `template` as `db`, then `command` for each file in its own process (a command
    /// that takes one file): the files imported, or the first problem.
    func importEach(_ files: [String], into db: String, from template: String, _ command: (String) -> [String]) throws -> Result<[String], Problem> {
        try FileManager.default.copyItem(atPath: template, toPath: path(db))
        var done: [String] = []
        for file in files {
            let imported = try check(command(file), [file], importing: true)
            guard case .success(let ok) = imported else { return imported }
            done += ok
        }
        return .success(done)
    }

    /// Runs `trial` on the files with a fresh database; when it fails, on each half in turn (each
    /// with its own database), down to the single files that fail, or the smallest group that
    /// fails only together.
    func bisect(_ files: [String], _ trial: ([String], String) throws -> Result<[String], Problem>) throws {
        failures += try search(files, trial)
    }

    private func search(_ files: [String], _ trial: ([String], String) throws -> Result<[String], Problem>) throws -> [Failure] {
        databases += 1
        guard case .failure(let problem) = try trial(files, "db\(databases).sqlite") else { return [] }
        guard files.count > 1 else { return [Failure(problem: problem, files: files)] }
        let half = files.count / 2
        let found = try search(Array(files[..<half]), trial) + search(Array(files[half...]), trial)
        return found.isEmpty ? [Failure(problem: problem, files: files)] : found
    }

    /// Records every failure with the seed, the command, what went wrong, its standard error and
    /// the mutants (change and text); removes the folder unless something failed (or BREAKEVEN_FUZZ_KEEP is set).
    func finish() {
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        print("import fuzz (\(name)): \(mutants.count) mutants, \(imported) imported, \(refused) refused, \(failures.count) failures, \(seconds) s; slowest \(String(format: "%.1f", slowest.seconds)) s: \(slowest.command.prefix(200))")
        for f in failures {
            var text = """
                import fuzz seed \(String(FuzzTests.seed, radix: 16)) in \(dir.path): `breakeven \(f.problem.command)` \(f.problem.what)
                stderr: \(f.problem.output.stderr.prefix(2000))
                """
            for file in f.files.prefix(3) {
                guard let m = mutants[file] else { continue }
                text += "\n\(file), a mutant of \(m.fixture): \(m.change)\n\(Self.shown(m.bytes.prefix(3000)))"
            }
            Issue.record(Comment(rawValue: text))
        }
        // BREAKEVEN_FUZZ_KEEP=1 keeps the mutants to look at.
        if failures.isEmpty, ProcessInfo.processInfo.environment["BREAKEVEN_FUZZ_KEEP"] == nil { try? FileManager.default.removeItem(at: dir) }
    }

    /// Bytes as text, those that are not printable UTF-8 as \xNN.
    static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        if let s = String(validating: Array(bytes), as: UTF8.self), !s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) {
            return s
        }
        return bytes.map { $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
    }
}
