/// An imported file: what usage rows came from.
public struct UsageSource: Sendable, Hashable {
    public var id: Int64
    public var format: UsageFormat
    public var fileName: String
    public var sha256: String
    /// The span the file covers, Unix seconds [from, to).
    var coveredFrom: Int64
    var coveredTo: Int64
    public var records: Int
}
