import Foundation

/// Runs the built `breakeven` binary as a user would, capturing what it prints and its status.
enum CLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let golden = packageRoot.appendingPathComponent("Tests/BreakevenReportsTests/Golden")

    /// The binary in the products folder `swift test` builds it into with the tests: beside the
    /// test runner on Linux, beside the `.xctest` bundle on macOS (whose runner lives elsewhere),
    /// as swift-argument-parser's own tests find theirs.
    static let binary: URL = {
        var folders = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map { $0.bundleURL.deletingLastPathComponent() }
        folders += [URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(), Bundle.main.bundleURL,
                    packageRoot.appendingPathComponent(".build/debug")]
        let candidates = folders.map { $0.appendingPathComponent("breakeven") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
        try run(binary.path, arguments, in: directory, environment: environment)
    }

    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        // The built-in catalog, and run history kept out of the user's data folder.
        env.removeValue(forKey: "BREAKEVEN_CATALOG")
        env["XDG_DATA_HOME"] = (directory ?? FileManager.default.temporaryDirectory).appendingPathComponent(".history").path
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A fresh folder with copies of the golden fixtures named as the tests want.
    static func workspace(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, fixture) in files {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: golden.appendingPathComponent(fixture), to: dir.appendingPathComponent(name))
        }
        return dir
    }

    static func git(_ arguments: [String], in directory: URL) throws -> Output {
        try run("/usr/bin/env", ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main",
                                 "-c", "commit.gpgsign=false"] + arguments, in: directory)
    }

    /// The sqlite3 shell, to change a database behind breakeven's back.
    static var hasSQLite: Bool {
        (try? run("/usr/bin/env", ["sqlite3", "--version"]).status) == 0
    }

    static var hasGit: Bool {
        (try? run("/usr/bin/env", ["git", "--version"]).status) == 0
    }
}
