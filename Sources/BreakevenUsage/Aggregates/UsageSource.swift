/// An imported file: what usage rows came from.
public struct UsageSource: Sendable, Hashable {
    public var id: Int64
    public var format: UsageFormat
    public var fileName: String
    public var sha256: String
    /// The span the file covers, Unix seconds [from, to).
    public var coveredFrom: Int64
    public var coveredTo: Int64
    public var records: Int

    public init(id: Int64, format: UsageFormat, fileName: String, sha256: String, coveredFrom: Int64, coveredTo: Int64, records: Int) {
        self.id = id
        self.format = format
        self.fileName = fileName
        self.sha256 = sha256
        self.coveredFrom = coveredFrom
        self.coveredTo = coveredTo
        self.records = records
    }
}
