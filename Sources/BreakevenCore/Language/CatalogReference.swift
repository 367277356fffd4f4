/// The catalog entry a value came from, as the report's assumptions name it.
struct CatalogReference {
    var id: String
    var effectiveFrom: CalendarDay?
    var reference: String

    var source: Assumption.Source {
        .catalog(id: id, effectiveFrom: effectiveFrom?.description ?? "undated", source: reference)
    }
}

extension ScenarioReader {
    /// Looks up a catalog id, reporting an unknown one with the closest ids.
    func lookup<T>(_ key: String, kind: String, in candidates: [String], find: (String) -> T?,
                   undatedReason: ((String) -> String?)? = nil) -> (id: String, entry: T)? {
        guard let node = child(key), let id = node.string else { return nil }
        if let entry = find(id) {
            record(key, node.quoted, from: node)
            return (id, entry)
        }
        if let reason = undatedReason?(id) {
            error(key, reason)
        } else {
            error(key, "unknown catalog \(kind) \"\(id)\"" + Suggestion.clause(for: id, in: candidates))
        }
        return nil
    }
}
