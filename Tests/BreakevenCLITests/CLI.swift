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

    /// The binary beside the test bundle (`swift test` builds it with the tests).
    static var binary: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("breakeven")
    }

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
