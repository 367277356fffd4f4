/// What a directory of session logs read whole covers (`UsageStore.recordDirectory`): the time
/// from the first request of any of its files to the end of the last one's.
public struct UsageDirectoryCoverage: Sendable, Hashable {
    public var directory: String
    public var format: UsageFormat
    public var files: Int
    var coveredFrom: Int64
    var coveredTo: Int64

    /// The line `usage import` prints after the directory's files.
    public var text: String {
        "\(directory) (\(format.rawValue)): \(files == 1 ? "1 file" : "\(files) files") read whole; "
            + "covers \(UsageTime.text(coveredFrom)) to \(UsageTime.text(coveredTo))"
    }
}
