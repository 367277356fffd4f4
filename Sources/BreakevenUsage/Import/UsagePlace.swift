/// Where a record is in its export: the line (with the column and JSON path of a JSON record)
/// its figures came from, so that a problem found only once records are summed (a ceiling, two
/// currencies in one group) still names the record that caused it.
struct UsagePlace: Sendable, Hashable {
    var line: Int
    var column: Int?
    var path: String?
}

extension UsageImportError {
    /// The error placed at `place` when it names no line of its own.
    func at(_ place: UsagePlace?) -> UsageImportError {
        guard line == nil, let place else { return self }
        return UsageImportError(file: file, line: place.line, column: place.column, path: path ?? place.path, message)
    }
}
