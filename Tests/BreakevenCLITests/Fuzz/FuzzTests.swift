import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Over a thousand mutants of the example scenarios through the built binary: `validate` on
/// all of them, `run` (JSON, Markdown and SVG) on a sample of those that validate, in batches
/// so that it stays under a minute, and `sweep`, `capacity size`, `export prices`, `diff` and
/// `compare` on a dozen of those run (about 80 processes, some 7 s). Every command exits 0, 1 (a guardrail) or 65 (invalid input) —
/// never a crash, never 70 —, every JSON result holds finite figures and every SVG parses.
@Suite("Fuzzing the examples")
struct FuzzTests {
    /// Fixed, so every run tries the same mutants; BREAKEVEN_FUZZ_SEED (hex) explores others.
    static let seed: UInt64 = ProcessInfo.processInfo.environment["BREAKEVEN_FUZZ_SEED"].flatMap { UInt64($0, radix: 16) } ?? 0x2026_1127
    static let mutantCount = 1_200
    static let runCount = 120
    /// Of those run, how many also go through sweep, capacity, export, diff and compare.
    static let otherCount = 12

    /// The examples, their Monte Carlo trials cut to 40 so that a run takes a blink.
    static func examples() throws -> [(name: String, document: JSONValue)] {
        let folder = CLI.packageRoot.appendingPathComponent("scenarios")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { $0.hasSuffix(".json") && !$0.hasSuffix("schema.json") }
            .map { name in
                var document = try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
                if case .object(let members) = document, members["uncertainty"] != nil {
                    document = document.replacing([.key("uncertainty"), .key("trials")], with: .number("40"))
                }
                return (name, document)
            }
    }

    struct Failure {
        var command: String
        var mutant: ScenarioMutator.Mutant
        var file: String
        var output: CLI.Output

        var message: String {
            """
            fuzz seed \(String(FuzzTests.seed, radix: 16)): `breakeven \(command) \(file)` exited \(output.status) on a mutant of \
            \(mutant.example): \(mutant.change)
            stderr: \(output.stderr.prefix(3000))
            mutant: \(mutant.text.prefix(6000))
            """
        }
    }

    @Test func mutantsNeverCrashTheCommands() throws {
        var mutator = ScenarioMutator(examples: try Self.examples(), seed: Self.seed)
        let mutants = mutator.mutants(count: Self.mutantCount)
        #expect(mutants.count >= 1_000)
        let dir = try CLI.workspace([:])
        defer { try? FileManager.default.removeItem(at: dir) }
        var byFile: [String: ScenarioMutator.Mutant] = [:]
        for (k, m) in mutants.enumerated() {
            let file = String(format: "m%04d.json", k)
            try m.text.write(to: dir.appendingPathComponent(file), atomically: false, encoding: .utf8)
            byFile[file] = m
        }
        let files = byFile.keys.sorted()
        var failures: [Failure] = []

        // validate: 0 or 65 for every batch; the files it finds nothing wrong with go on to run.
        var valid: [String] = []
        for batch in Self.batches(files, of: 200) {
            failures += try bisect(["validate"], batch, in: dir, byFile) { r, files in
                guard r.status == 0 || r.status == 65 else { return false }
                // Each invalid file ends its diagnostics with "mNNNN.json: N errors".
                let invalid = Set(r.stderr.split(separator: "\n").compactMap { $0.split(separator: ":").first.map(String.init) })
                valid += files.filter { !invalid.contains($0) }
                return true
            }
        }
        #expect(valid.count >= 100, "too few mutants are valid to exercise run: \(valid.count)")

        // run: 0 or 1 (a guardrail), finite JSON figures, SVG that parses; on an even sample of
        // 120 valid mutants (a run costs ten validations: the tornado and the volume search).
        let sample = stride(from: 0, to: valid.count, by: max(1, valid.count / Self.runCount)).map { valid[$0] }
        var results = 0, charts = 0, outputs = 0
        for batch in Self.batches(sample, of: 40) {
            failures += try bisect(["run", "--format", "json,markdown", "--no-history", "--threads", "1"], batch, in: dir, byFile, output: { outputs += 1; return "out\(outputs)" }) { r, _ in
                guard r.status == 0 || r.status == 1 else { return false }
                let out = dir.appendingPathComponent("out\(outputs)")
                for name in (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [] {
                    let data = (try? Data(contentsOf: out.appendingPathComponent(name))) ?? Data()
                    if name.hasSuffix(".json") {
                        results += 1
                        let json = try? JSONSerialization.jsonObject(with: data)
                        #expect(json.map(Self.allFinite) == true, "seed \(String(Self.seed, radix: 16)): \(name) is not JSON with finite figures")
                    } else if name.hasSuffix(".svg") {
                        charts += 1
                        #expect(XMLParser(data: data).parse(), "seed \(String(Self.seed, radix: 16)): \(name) is not XML")
                    }
                }
                return true
            }
        }
        #expect(results >= 100 && charts >= 300)
        let others = stride(from: 0, to: sample.count, by: max(1, sample.count / Self.otherCount)).map { sample[$0] }
        failures += try otherCommands(on: others, in: dir, byFile)
        print("fuzz: \(mutants.count) mutants, \(valid.count) valid, \(sample.count) run, \(others.count) through the other commands, \(results) results and \(charts) charts checked, \(failures.count) failures")

        for f in failures { Issue.record(Comment(rawValue: f.message)) }
    }

    /// The commands besides `run` that simulate a scenario, on every one of `files`: `sweep` of
    /// the monthly requests (64 where a mutant has no such input), `capacity size`, `export prices`
    /// in each format (64 where no option provisions capacity), `diff` of neighbours (1 is a
    /// guardrail) and `compare` of ten at a time. Each answers, or refuses the input, in words.
    func otherCommands(on files: [String], in dir: URL, _ byFile: [String: ScenarioMutator.Mutant]) throws -> [Failure] {
        var failures: [Failure] = []
        let answers: Set<Int32> = [0, 64, 65]
        var outputs = 0
        for file in files {
            let perFile: [[String]] = [["sweep", "--x", "workload.requests_per_month=1e3..1e7:3:log", "--threads", "1"],
                                       ["capacity", "size"]]
                + ["litellm", "langfuse", "focus"].map { ["export", "prices", "--format", $0, "--threads", "1"] }
            for command in perFile {
                failures += try bisect(command, [file], in: dir, byFile, output: {
                    outputs += 1
                    return command[0] == "sweep" ? "sweep\(outputs)" : command[0] == "export" ? "export\(outputs).out" : nil
                }) { r, _ in answers.contains(r.status) }
            }
        }
        for (base, head) in zip(files, files.dropFirst()) {
            let r = try CLI.run(["diff", base, head, "--format", outputs % 2 == 0 ? "markdown" : "json", "--out", "diff\(outputs)"], in: dir)
            outputs += 1
            if ![0, 1, 65].contains(r.status), let mutant = byFile[head] {
                failures.append(Failure(command: "diff \(base)", mutant: mutant, file: head, output: r))
            }
        }
        for batch in Self.batches(files, of: 10) where batch.count > 1 {
            let r = try CLI.run(["compare"] + batch + ["--out", "compare\(outputs)"], in: dir)
            outputs += 1
            if ![0, 65].contains(r.status), let mutant = byFile[batch[0]] {
                failures.append(Failure(command: "compare \(batch.dropFirst().joined(separator: " "))", mutant: mutant, file: batch[0], output: r))
            }
        }
        return failures
    }

    static func batches(_ files: [String], of size: Int) -> [[String]] {
        stride(from: 0, to: files.count, by: size).map { Array(files[$0..<min($0 + size, files.count)]) }
    }

    /// Runs `command` on the files; when `accept` refuses the outcome, on each half in turn, down
    /// to the single files whose outcome it refuses: the failures.
    func bisect(_ command: [String], _ files: [String], in dir: URL, _ byFile: [String: ScenarioMutator.Mutant],
                output: () -> String? = { nil }, accept: (CLI.Output, [String]) -> Bool) throws -> [Failure] {
        let out = output()
        let r = try CLI.run(command + (out.map { ["--out", $0] } ?? []) + files, in: dir)
        if accept(r, files) { return [] }
        guard files.count > 1 else {
            // One file alone: invalid input (65) is an answer, not a failure.
            guard r.status != 65, let mutant = byFile[files[0]] else { return [] }
            return [Failure(command: command.joined(separator: " "), mutant: mutant, file: files[0], output: r)]
        }
        let half = files.count / 2
        return try bisect(command, Array(files[..<half]), in: dir, byFile, output: output, accept: accept)
            + bisect(command, Array(files[half...]), in: dir, byFile, output: output, accept: accept)
    }

    static func allFinite(_ json: Any) -> Bool {
        switch json {
        case let n as NSNumber: return n.doubleValue.isFinite
        case let a as [Any]: return a.allSatisfy(allFinite)
        case let d as [String: Any]: return d.values.allSatisfy(allFinite)
        default: return true
        }
    }
}
