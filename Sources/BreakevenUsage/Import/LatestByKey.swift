/// An export's records kept once a key, a later one replacing an earlier one in its place (the
/// order first read stays): saves and pages that overlap, such as OpenRouter's 30-day saves or
/// Cloud Monitoring responses saved twice.
struct LatestByKey<Key: Hashable, Value> {
    private(set) var values: [Value] = []
    private var index: [Key: Int] = [:]

    /// Keeps `value` for `key`; true where it replaced one read before.
    mutating func keep(_ value: Value, for key: Key) -> Bool {
        if let k = index[key] {
            values[k] = value
            return true
        }
        index[key] = values.count
        values.append(value)
        return false
    }
}
