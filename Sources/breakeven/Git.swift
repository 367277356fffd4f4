import ArgumentParser
import Foundation

/// Reads the base version of a file with `git show REF:path`, as a subprocess: the only place
/// breakeven runs git.
enum Git {
    struct Failure: Error {
        var message: String
        var status: ExitCode
    }

    /// The file's bytes at `ref`, or nil when the file did not exist there. `path` is relative to
    /// the current directory, like any file argument.
    static func show(_ path: String, at ref: String) throws(Failure) -> [UInt8]? {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let file = url.lastPathComponent
        let verify = try run(["-C", directory, "rev-parse", "--verify", "--quiet", "\(ref)^{commit}"], ref: ref)
        guard verify.status == 0 else {
            if verify.errorText.contains("not a git repository") {
                throw Failure(message: notARepository(ref: ref, directory: directory), status: ExitStatus.noInput)
            }
            // The README's status for a git base that cannot be read.
            throw Failure(message: unknownRevision(ref), status: ExitStatus.noInput)
        }
        // "REF:./file" is the file relative to the directory git runs in; its size is checked
        // before git prints it, like a file on disk.
        let size = try run(["-C", directory, "cat-file", "-s", "\(ref):./\(file)"], ref: ref)
        guard size.status == 0 else { return nil }
        if let bytes = Int64(String(decoding: size.output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
           bytes > InputFile.maximumBytes {
            let problem = InputFile.tooLarge("\(ref):\(path)", bytes: bytes)
            throw Failure(message: problem.message, status: problem.status)
        }
        let show = try run(["-C", directory, "show", "\(ref):./\(file)"], ref: ref)
        guard show.status == 0 else {
            throw Failure(message: gitFailed(ref: ref, path: path, show.errorText), status: ExitStatus.noInput)
        }
        return show.output
    }

    static func unknownRevision(_ ref: String) -> String {
        "breakeven: --against \(ref): git knows no commit \"\(ref)\" (a branch, tag or commit such as origin/main)"
    }

    static func notARepository(ref: String, directory: String) -> String {
        "breakeven: --against \(ref): \(directory) is not inside a git repository"
    }

    static func gitFailed(ref: String, path: String, _ stderr: String) -> String {
        "breakeven: --against \(ref): git show \(ref):\(path) failed: \(stderr.trimmingCharacters(in: .whitespacesAndNewlines))"
    }

    static func cannotRun(_ error: Error) -> String {
        "breakeven: cannot run git: \(error.localizedDescription)"
    }

    struct Output {
        var status: Int32
        var output: [UInt8]
        var errorText: String
    }

    static func run(_ arguments: [String], ref: String) throws(Failure) -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        var environment = ProcessInfo.processInfo.environment
        // English messages, which `show` looks for; no pager, no prompt.
        environment["LC_ALL"] = "C"
        environment["GIT_PAGER"] = "cat"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(message: cannotRun(error), status: ExitStatus.noInput)
        }
        // stderr stays small; stdout is read to its end before waiting, so a large file cannot
        // fill the pipe and block git.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            throw Failure(message: "breakeven: cannot run git: it is not installed or not on PATH", status: ExitStatus.noInput)
        }
        return Output(status: process.terminationStatus, output: Array(output), errorText: String(decoding: errors, as: UTF8.self))
    }
}
