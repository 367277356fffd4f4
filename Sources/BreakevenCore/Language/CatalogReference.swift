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
    /// Looks up a catalog id, reporting an unknown one with the closest ids. The candidates are
    /// listed only for that message: a user catalog holds thousands of ids, and a scenario that
    /// names real ones (every Monte Carlo rebuild) should not sort them.
    func lookup<T>(_ key: String, kind: String, in candidates: @autoclosure () -> [String], find: (String) -> T?,
                   undatedReason: ((String) -> String?)? = nil) -> (id: String, entry: T)? {
        guard let node = child(key), let id = node.string else { return nil }
        if let entry = find(id) {
            record(key, node.quoted, from: node)
            return (id, entry)
        }
        if let reason = undatedReason?(id) {
            error(key, reason)
        } else {
            error(key, "unknown catalog \(kind) \"\(id)\"" + Suggestion.clause(for: id, in: candidates()))
        }
        return nil
    }
}
