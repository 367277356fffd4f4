/// What importing one file did, for the line `usage import` prints.
public struct UsageImportSummary: Sendable, Hashable {
    public var file: String
    public var format: UsageFormat
    /// Buckets (bucketed exports) or requests (per-request sources) read.
    public var records = 0
    /// Bucketed exports: buckets new, changed (a later export with other figures), unchanged.
    var bucketsAdded = 0
    var bucketsChanged = 0
    var bucketsUnchanged = 0
    /// Per-request sources: requests added, and requests already in the database.
    var requestsAdded = 0
    var requestsAlreadyImported = 0
    /// What was left out on purpose, by reason.
    public var skipped: [String: Int] = [:]
    /// Located notes of what was left out and where (`file:line:column: note: …`), printed apart
    /// from the summary line.
    public var notes: [String] = []
    /// The file's SHA-256, hex: what a directory read whole is known by (`UsageStore.recordDirectory`).
    var sha256 = ""
    /// The span the file covers, Unix seconds; nil for a file without usage.
    var coveredFrom: Int64?
    var coveredTo: Int64?

    init(file: String, format: UsageFormat) {
        self.file = file
        self.format = format
    }

    /// Whether the import changed nothing (the same file, or usage already imported).
    var changedNothing: Bool {
        bucketsAdded == 0 && bucketsChanged == 0 && requestsAdded == 0
    }
}

extension UsageImportSummary {
    /// The line `usage import` prints for the file.
    public var text: String {
        var line = "\(file) (\(format.rawValue)): "
        guard records > 0 else {
            return line + (format.carriesSpendOnly ? "no model costs found" : "no token usage found") + skippedText
        }
        if format.isPerRequest {
            line += "\(count(records, "request")): \(requestsAdded) new, \(requestsAlreadyImported) already imported"
        } else {
            line += "\(count(records, "record")) in \(count(bucketsAdded + bucketsChanged + bucketsUnchanged, "bucket")): "
                + "\(bucketsAdded) new, \(bucketsChanged) changed, \(bucketsUnchanged) unchanged"
        }
        if let from = coveredFrom, let to = coveredTo {
            line += "; covers \(UsageTime.text(from)) to \(UsageTime.text(to))"
        }
        line += skippedText
        return changedNothing ? line + "; nothing changed" : line
    }

    private var skippedText: String {
        guard !skipped.isEmpty else { return "" }
        // The count after the reason, which is a plural noun phrase ("failed requests"): "…: 1" reads at any count.
        return "; left out: " + skipped.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")
    }

    private func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
