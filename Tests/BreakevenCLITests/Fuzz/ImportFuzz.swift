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

    let workspace: FuzzWorkspace
    let name: String
    private(set) var mutants: [String: ExportMutator.Mutant] = [:]
    private(set) var failures: [Failure] = []
    /// Files imported, and refused with a located message.
    private(set) var imported = 0, refused = 0
    private var databases = 0, writes = 0

    init(name: String) throws {
        self.name = name
        workspace = try FuzzWorkspace(name: name)
    }

    var dir: URL { workspace.dir }

    func path(_ file: String) -> String { workspace.path(file) }

    func run(_ arguments: [String]) throws -> CLI.Output { try workspace.run(arguments) }

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
        print("import fuzz (\(name)): \(mutants.count) mutants, \(imported) imported, \(refused) refused, \(failures.count) failures, \(workspace.timing)")
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
        workspace.finish(failed: !failures.isEmpty)
    }

    /// Bytes as text, those that are not printable UTF-8 as \xNN.
    static func shown(_ bytes: ArraySlice<UInt8>) -> String {
        if let s = String(validating: Array(bytes), as: UTF8.self), !s.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) {
            return s
        }
        return bytes.map { $0 >= 0x20 && $0 < 0x7F || $0 == 0x0A ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
    }
}
