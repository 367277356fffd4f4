import Foundation

/// How the report was produced, for its "Reproduce" section: no clock, no machine names.
public struct ReportContext: Sendable, Hashable {
    /// The scenario path as the user gave it.
    public var scenarioPath: String
    /// `--set` arguments, as given.
    public var overrides: [String]
    /// A user catalog given with `--catalog`; nil: the built-in seed.
    public var catalogPath: String?
    /// The report name (NAME of NAME.md) when NAME.cumulative.svg and NAME.monthly.svg are
    /// written beside it, so the report links them; nil when they are not.
    public var chartFilesName: String?

    public init(scenarioPath: String, overrides: [String] = [], catalogPath: String? = nil, chartFilesName: String? = nil) {
        self.scenarioPath = scenarioPath
        self.overrides = overrides
        self.catalogPath = catalogPath
        self.chartFilesName = chartFilesName
    }

    public var command: String {
        var words = ["breakeven run", ShellQuote.quote(scenarioPath)]
        words += overrides.map { "--set " + ShellQuote.quote($0) }
        if let catalogPath { words.append("--catalog " + ShellQuote.quote(catalogPath)) }
        return words.joined(separator: " ")
    }
}

/// POSIX shell quoting for commands a reader copies.
enum ShellQuote {
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_./=:,+@%".unicodeScalars.contains($0) }
        return safe && !word.isEmpty ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
