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
