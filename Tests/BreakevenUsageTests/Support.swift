@testable import BreakevenUsage
import Foundation

/// The exports committed under Fixtures/ (see Fixtures/README.md for the documents each follows).
enum Fixture {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")?.path ?? "Fixtures/\(name)"
    }

    /// A file with these contents in a fresh temporary folder.
    static func write(_ contents: String, name: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("breakeven-usage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(contents.utf8).write(to: url)
        return url.path
    }
}

/// Keeps what an importer reads, for tests that look at the records themselves.
struct ListSink: UsageSink {
    var buckets: [UsageBucket] = []
    var requests: [UsageRequest] = []
    var covered: (Int64, Int64)?
    var skipped: [String: Int] = [:]
    var notes: [(place: UsagePlace, message: String)] = []

    mutating func add(_ bucket: UsageBucket) { buckets.append(bucket) }
    mutating func add(_ request: UsageRequest) { requests.append(request) }
    mutating func cover(from start: Int64, to end: Int64) {
        covered = (min(covered?.0 ?? start, start), max(covered?.1 ?? end, end))
    }
    mutating func skip(_ reason: String) { skipped[reason, default: 0] += 1 }
    mutating func note(at place: UsagePlace, _ message: String) { notes.append((place, message)) }

    static func read(_ format: UsageFormat, _ path: String) throws -> ListSink {
        var sink = ListSink()
        try UsageImporter.read(format, path: path, into: &sink)
        return sink
    }
}

extension UsageImportError {
    /// The message a user reads, for a file named `name` wherever the test wrote it.
    func text(as name: String) -> String {
        var copy = self
        copy.file = name
        return copy.description
    }
}

/// Runs `body` and returns the import error it throws, as a user reads it.
func importError(as name: String, _ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as UsageImportError {
        return error.text(as: name)
    } catch {
        return "\(error)"
    }
}
