/// Why usage cannot be fitted; `description` is the exact text to print.
public enum FitProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// No month that some file covers whole; the covered span, if any.
    case noCompleteMonth(covered: String?)
    /// Exports without request counts and no way given to count them.
    case noRequestCounts(formats: [UsageFormat], models: [String])
    /// `--requests-from` names a format without request counts for the selection.
    case requestsFromEmpty(UsageFormat)

    public var description: String {
        switch self {
        case .noCompleteMonth(let covered):
            return "no complete month of usage: a month counts only when an imported file covers all of it"
                + (covered.map { "; the files cover \($0)" } ?? "")
        case let .noRequestCounts(formats, models):
            return "\(formats.map(\.rawValue).joined(separator: ", ")) exports count no requests (\(models.joined(separator: ", "))): "
                + "give --tokens-per-request N (prompt tokens per request) or --requests-from FORMAT (a source with request counts); "
                + "requests are never guessed"
        case .requestsFromEmpty(let format):
            return "--requests-from \(format.rawValue): no \(format.rawValue) usage with request counts for the selected models"
        }
    }
}
