/// Which tokens a bill's line counts: bills (FOCUS, AWS CUR) give each kind its own line and price.
enum TokenKind: Sendable, Hashable {
    /// Prompt tokens not served from the cache.
    case input
    case cacheRead
    case cacheWrite
    case output

    /// The kind named in a meter's or price's description ("Input Tokens", "cache read",
    /// "completion"); nil when it names none. Cache reads and writes are looked for first:
    /// their names also say "input".
    init?(describedBy text: String) {
        let t = text.lowercased()
        if t.contains("cache") || t.contains("cached") {
            if t.contains("write") || t.contains("creation") || t.contains("create") { self = .cacheWrite; return }
            if t.contains("read") || t.contains("hit") || t.contains("cached") { self = .cacheRead; return }
        }
        if t.contains("output") || t.contains("completion") || t.contains("generated") { self = .output; return }
        if t.contains("input") || t.contains("prompt") { self = .input; return }
        return nil
    }

    /// `n` tokens of this kind (prompt tokens of every kind count as input).
    func usage(_ n: Int64, billed: Double?, currency: String?) -> TokenUsage {
        TokenUsage(input: self == .output ? 0 : n, cachedInput: self == .cacheRead ? n : 0, cacheWrite: self == .cacheWrite ? n : 0,
                   output: self == .output ? n : 0, billed: billed, currency: currency)
    }
}
