/// Where a value came from: a line and column in the scenario file (1-based, columns counted
/// in Unicode scalars), or a `--set PATH=VALUE` argument on the command line.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var line: Int
    public var column: Int
    /// The `--set` argument that supplied the value; nil for the file itself.
    public var setArgument: String?

    public static let start = SourceLocation(line: 1, column: 1)

    /// File positions first, in order; then command-line overrides in the order given.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        switch (a.setArgument, b.setArgument) {
        case (nil, nil): return (a.line, a.column) < (b.line, b.column)
        case (nil, _): return true
        case (_, nil): return false
        case let (x?, y?): return (a.line, x) < (b.line, y)
        }
    }
}
