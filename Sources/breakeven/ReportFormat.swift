import ArgumentParser
import Foundation

/// The files `run` can write.
enum ReportFormat: String, CaseIterable {
    case markdown, csv, json

    /// Parses "markdown,csv" into formats, in the order given, without repeats.
    static func list(_ text: String) throws -> [ReportFormat] {
        var out: [ReportFormat] = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let format = ReportFormat(rawValue: word) else {
                throw ValidationError("unknown format \"\(word)\"; expected a comma-separated list of markdown, csv, json")
            }
            if !out.contains(format) { out.append(format) }
        }
        return out
    }
}

/// `--format markdown,csv`: formats in the order given, without repeats.
struct ReportFormats: ExpressibleByArgument, CustomStringConvertible {
    var formats: [ReportFormat]

    init(_ formats: [ReportFormat]) {
        self.formats = formats
    }

    init?(argument: String) {
        guard let formats = try? ReportFormat.list(argument) else { return nil }
        self.formats = formats
    }

    var description: String { formats.map(\.rawValue).joined(separator: ",") }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
}
