import BreakevenCore

/// The groups an export splits usage by (project, API key, user, workspace, service tier,
/// batch…), as one canonical text: a JSON object with sorted keys and no null or empty values,
/// so that the same group always has the same key in the database.
struct UsageDimensions: Sendable, Hashable {
    private(set) var text: String

    /// - Parameter pairs: absent (nil) and empty values are left out.
    init(_ pairs: [(String, String?)]) {
        let kept = pairs.compactMap { key, value -> (String, String)? in
            guard let value, !value.isEmpty else { return nil }
            return (key, value)
        }.sorted { $0.0 < $1.0 }
        text = "{" + kept.map { JSONNode.escaped($0.0) + ":" + JSONNode.escaped($0.1) }.joined(separator: ",") + "}"
    }

    static let none = UsageDimensions([])
}
