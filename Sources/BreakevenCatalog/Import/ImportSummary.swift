/// What an import or install did to the catalog: rows added, updated and left as they were, and
/// entries of the file that were not imported, counted by reason.
public struct ImportSummary: Sendable, Hashable, CustomStringConvertible {
    /// Entries read from the file (for an install: rows in the snapshot).
    public var entries: Int = 0
    public var added: Int = 0
    public var updated: Int = 0
    /// Rows whose prices a later file saw unchanged: only the day they were last seen in force moved.
    var confirmed: Int = 0
    public var unchanged: Int = 0
    /// Entries not imported, by reason (e.g. `mode embedding: 157`).
    public var skipped: [String: Int] = [:]

    var skippedTotal: Int { skipped.values.reduce(0, +) }

    /// Reasons with their counts, most frequent first (ties by reason), for a stable report.
    var skippedByReason: [(reason: String, count: Int)] {
        skipped.map { (reason: $0.key, count: $0.value) }.sorted { ($1.count, $0.reason) < ($0.count, $1.reason) }
    }

    /// `added 3, updated 1, unchanged 40, skipped 5 (mode embedding: 3, alias of another entry: 2)`;
    /// `confirmed N` after `updated` when a later file saw rows unchanged.
    public var description: String {
        var text = "added \(added), updated \(updated), " + (confirmed > 0 ? "confirmed \(confirmed), " : "")
            + "unchanged \(unchanged), skipped \(skippedTotal)"
        if !skipped.isEmpty {
            text += " (" + skippedByReason.map { "\($0.reason): \($0.count)" }.joined(separator: ", ") + ")"
        }
        return text
    }

    mutating func skip(_ reason: String) {
        skipped[reason, default: 0] += 1
    }

    mutating func count(_ outcome: RowOutcome) {
        switch outcome {
        case .added: added += 1
        case .updated: updated += 1
        case .confirmed: confirmed += 1
        case .unchanged: unchanged += 1
        }
    }
}

/// What writing one row did, least first: a row several observations touch counts as the most.
enum RowOutcome: Int, Comparable {
    case unchanged, confirmed, updated, added

    static func < (a: RowOutcome, b: RowOutcome) -> Bool { a.rawValue < b.rawValue }
}
