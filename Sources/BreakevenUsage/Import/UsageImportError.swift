import BreakevenCore

/// Why a file was refused: where (file, line and column or CSV line, JSON path) and what was
/// expected and found. `description` is the exact text to print, compiler-style like a
/// scenario's diagnostics.
public struct UsageImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil for a problem of the file as a whole.
    public var line: Int?
    public var column: Int?
    /// JSON path (`data[2].results[0].input_tokens`) or CSV column (`column prompt_tokens`).
    public var path: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        Diagnostic.line(file: file, line: line, column: column, path: path, message)
    }
}
