/// One problem in a scenario, located in its file and in its JSON structure.
///
/// Printed compiler-style: `scenarios/x.json:14:7: error: options[1].gpu_hourly: expected a
/// number ≥ 0, found -2`, so editors and CI logs link straight to the place.
public struct Diagnostic: Sendable, Hashable, Comparable {
    public var location: SourceLocation
    /// JSON path such as `options[1].gpu_hourly`; empty for problems of the file as a whole.
    public var path: String
    public var message: String

    public init(at location: SourceLocation, path: String, _ message: String) {
        self.location = location
        self.path = path
        self.message = message
    }

    /// The line a user reads, for the file named `file`.
    public func formatted(file: String) -> String {
        if let argument = location.setArgument {
            return Diagnostic.line(file: "--set \(argument)", path: path, message)
        }
        return Diagnostic.line(file: file, line: location.line, column: location.column, path: path, message)
    }

    /// What a line is, as compilers word it.
    public enum Severity: String, Sendable {
        case error
        case note
    }

    /// The compiler-style line every problem of every input file is printed as (scenarios,
    /// result files, price files, usage exports, benchmark results):
    /// `FILE[:LINE[:COLUMN]]: error: [PATH: ]MESSAGE`; a `note` for what a reader left out on
    /// purpose and says where (a GuideLLM benchmark without a successful request).
    public static func line(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, severity: Severity = .error,
                            _ message: String) -> String {
        var place = file
        if let line { place += ":\(line)" }
        if line != nil, let column { place += ":\(column)" }
        let subject = path.flatMap { $0.isEmpty ? nil : "\($0): " } ?? ""
        return "\(place): \(severity.rawValue): \(subject)\(message)"
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        return (a.path, a.message) < (b.path, b.message)
    }
}

/// Every problem found in one scenario, sorted by position.
public struct ScenarioErrors: Error, Sendable, Hashable {
    public var file: String
    public var diagnostics: [Diagnostic]

    public init(file: String, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics.sorted()
    }

    public var formatted: String {
        diagnostics.map { $0.formatted(file: file) }.joined(separator: "\n")
    }
}

/// A single located problem can be thrown where only the first one is reported (a file that
/// does not decode).
extension Diagnostic: Error {}
