/// An export's records kept once a key, a later one replacing an earlier one in its place (the
/// order first read stays): saves and pages that overlap, such as OpenRouter's 30-day saves or
/// Cloud Monitoring responses saved twice, and the streamed entries of one Claude Code response.
struct LatestByKey<Key: Hashable, Value> {
    private(set) var values: [Value] = []
    private var index: [Key: Int] = [:]

    /// Keeps `value` for `key`; true where one was read before for it (which `value` replaces
    /// where `replaces` says so: by default always).
    @discardableResult
    mutating func keep(_ value: Value, for key: Key, replaces: (_ new: Value, _ kept: Value) -> Bool = { _, _ in true }) -> Bool {
        if let k = index[key] {
            if replaces(value, values[k]) { values[k] = value }
            return true
        }
        index[key] = values.count
        values.append(value)
        return false
    }
}
