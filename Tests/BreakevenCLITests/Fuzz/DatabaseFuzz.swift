import Foundation
import Testing

/// One fuzz run over damaged copies of one database: the template made by the binary, one change
/// a copy (`DatabaseMutator`), the commands run on each copy and their outcomes checked. A copy
/// carries one change, so a failure is already the single mutant that makes it: it is recorded
/// with the SQL (or the bytes) that made it and the copy is kept, so that it is reproducible by hand.
final class DatabaseFuzz {
    /// A command run on a damaged copy, and what it may answer besides 0, 65 and 66.
    struct Command {
        var arguments: [String]
        /// True for a command that writes the file: 73 (cannot write) is an answer too.
        var writes = false
        /// A scenario the command reads: its located diagnostics ("FILE:12:5: error: …") are an
        /// answer to a damaged copy (an entry deleted from the catalog is an unknown name there).
        var scenario: String?
        /// Statuses the command documents: 1 for a guardrail of `run`, a month outside the band of `drift`.
        var statuses: Set<Int32> = []
        /// A JSON file the command writes, whose figures must be finite.
        var json: String?
    }

    struct Failure {
        var command: String
        var what: String
        var output: CLI.Output
        var copy: String
        var mutant: DatabaseMutator.Mutant
    }

    let workspace: FuzzWorkspace
    let name: String
    let seed: UInt64
    private var mutator: DatabaseMutator?
    private var template = ""
    private(set) var failures: [Failure] = []
    /// How many commands ended with each status, for the summary line.
    private(set) var statuses: [Int32: Int] = [:]
    private(set) var copies = 0

    init(name: String, seed: UInt64 = FuzzTests.seed) throws {
        self.name = name
        self.seed = seed
        workspace = try FuzzWorkspace(name: name)
    }

    /// Makes the template `file` in the folder with `commands`, each of which must succeed.
    func makeTemplate(_ file: String, focus: Set<String>, by commands: [[String]]) throws {
        for arguments in commands {
            let r = try workspace.run(arguments)
            try #require(r.status == 0, "`breakeven \(arguments.joined(separator: " "))` exited \(r.status): \(r.stderr)")
        }
        template = file
        mutator = try DatabaseMutator(template: workspace.path(file), focus: focus, seed: seed)
    }

    /// `count` damaged copies of the template, `commands` (given the copy's name and number) run on
    /// each in order. With `sharedReader`, the commands all read the whole file the same way: when
    /// the first refuses a copy (65 naming it), the others run on every eighth such copy only.
    func fuzz(count: Int, sharedReader: Bool = false, _ commands: (String, Int) -> [Command]) throws {
        guard var mutator else { return }
        defer { self.mutator = mutator }
        var refusals = 0
        for k in 0..<count {
            let copy = "db\(k).sqlite"
            try FileManager.default.copyItem(atPath: workspace.path(template), toPath: workspace.path(copy))
            let mutant = try mutator.damage(workspace.path(copy))
            copies += 1
            var failed = false
            for (n, command) in commands(copy, k).enumerated() {
                let r = try workspace.run(command.arguments)
                statuses[r.status, default: 0] += 1
                if let what = problem(r, command, copy) {
                    failures.append(Failure(command: command.arguments.joined(separator: " "), what: what, output: r, copy: copy, mutant: mutant))
                    failed = true
                }
                if sharedReader, n == 0, r.status == 65, r.stderr.contains(copy) {
                    refusals += 1
                    if refusals % 8 != 1 { break }
                }
            }
            if !failed {
                for file in [copy, copy + "-wal", copy + "-shm", "out\(k)"] { try? FileManager.default.removeItem(atPath: workspace.path(file)) }
            }
        }
    }

    /// What is wrong with a command's outcome, nil when it is an answer: 0 or a status the command
    /// documents; 65 or 66 (nothing to read) with a message naming the copy (or a located
    /// diagnostic of the scenario); 73 naming the copy for a command that writes it.
    private func problem(_ r: CLI.Output, _ command: Command, _ copy: String) -> String? {
        if r.status == 0 || command.statuses.contains(r.status) {
            guard let json = command.json, r.status == 0 else { return nil }
            let data = (try? Data(contentsOf: workspace.dir.appendingPathComponent(json))) ?? Data()
            guard let value = try? JSONSerialization.jsonObject(with: data), FuzzTests.allFinite(value) else {
                return "wrote \(json), which is not JSON with finite figures"
            }
            return nil
        }
        guard [65, 66].contains(r.status) || (command.writes && r.status == 73) else { return "exited \(r.status)" }
        if r.stderr.contains(copy) { return nil }
        if r.status == 65, let scenario = command.scenario,
           r.stderr.split(separator: "\n").contains(where: { $0.hasPrefix(scenario + ":") && $0.dropFirst(scenario.count + 1).first?.isNumber == true }) {
            return nil
        }
        return "exited \(r.status) with a message that does not name \(copy)" + (command.scenario == nil ? "" : " nor a line of the scenario")
    }

    /// Records every failure with the seed, the command, its standard error and the damage; keeps the
    /// folder when something failed (or BREAKEVEN_FUZZ_KEEP is set).
    func finish() {
        let tally = statuses.keys.sorted().map { "\($0): \(statuses[$0]!)" }.joined(separator: ", ")
        print("database fuzz (\(name)): \(copies) damaged copies, exit statuses \(tally), \(failures.count) failures, \(workspace.timing)")
        for f in failures {
            Issue.record(Comment(rawValue: """
                database fuzz seed \(String(seed, radix: 16)) in \(workspace.dir.path): `breakeven \(f.command)` \(f.what)
                damage to \(f.copy), a copy of \(template): \(f.mutant.change)
                stderr: \(f.output.stderr.prefix(2000))
                """))
        }
        workspace.finish(failed: !failures.isEmpty)
    }
}
