import BreakevenCore

/// Everything the catalog module can refuse, with a message a user can act on.
/// `description` is the exact text to print (the executable adds nothing but a newline).
public enum CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A price file that is not valid JSON or not in the expected shape. `line`/`column` are 1-based
    /// and present for syntax errors; `path` (`[3].models[5]`) for a value in the wrong place.
    case malformedFile(file: String, line: Int?, column: Int?, path: String?, message: String)
    /// An amount of money the catalog cannot store (negative, not finite).
    case invalidAmount(entry: String, field: String, value: Double)
    /// A row that breaks a rule of the catalog (an offer for a GPU the catalog lacks, a missing date…).
    case invalidEntry(entry: String, message: String)
    /// The embedded seed is missing from the bundle or does not decode.
    case unreadableSeed(message: String)

    public var description: String {
        switch self {
        case let .malformedFile(file, line, column, path, message):
            return Diagnostic.line(file: file, line: line, column: column, path: path, message)
        case let .invalidAmount(entry, field, value):
            return "\(entry): \(field): expected an amount in USD ≥ 0, found \(value)"
        case let .invalidEntry(entry, message):
            return "\(entry): \(message)"
        case let .unreadableSeed(message):
            return "the embedded catalog seed cannot be read: \(message)"
        }
    }
}
