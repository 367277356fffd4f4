import ArgumentParser
import Foundation

/// The files `run` can write.
enum ReportFormat: String, CaseIterable {
    case markdown, csv, json, html

    /// Parses "markdown,csv" into formats, in the order given, without repeats.
    static func list(_ text: String) throws -> [ReportFormat] {
        var out: [ReportFormat] = []
        for word in text.split(separator: ",", omittingEmptySubsequences: false).map({ $0.trimmingCharacters(in: .whitespaces) }) {
            guard let format = ReportFormat(rawValue: word) else {
                throw ValidationError("unknown format \"\(word)\"; expected a comma-separated list of markdown, csv, json, html")
            }
            if !out.contains(format) { out.append(format) }
        }
        return out
    }
}

/// `--format markdown,csv`: formats in the order given, without repeats. An unknown word is kept
/// as the problem it is, for the command's `validate` to name (ArgumentParser's own message
/// would not say which word).
struct ReportFormats: ExpressibleByArgument, CustomStringConvertible {
    var formats: [ReportFormat]
    var problem: String?

    init(_ formats: [ReportFormat]) {
        self.formats = formats
    }

    init?(argument: String) {
        do {
            formats = try ReportFormat.list(argument)
        } catch {
            formats = []
            problem = (error as? ValidationError)?.message ?? "\(error)"
        }
    }

    var description: String { formats.map(\.rawValue).joined(separator: ",") }

    static var allValueStrings: [String] { ReportFormat.allCases.map(\.rawValue) }
}
