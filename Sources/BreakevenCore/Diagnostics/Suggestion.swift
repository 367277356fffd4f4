/// "Did you mean" for unknown keys and ids: an id or key that starts with what was typed (the
/// nearest completion: `h100` → `h100-sxm`, not `h200`), else one that contains it (`price` →
/// `purchase_price`), else the closest by edit distance if close enough to be a typo (as
/// swift-argument-parser suggests options), else one that the word contains.
public enum Suggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let typed = word.lowercased()
        // Catalog ids are paths (openai/gpt-4o): the last part may be what was typed.
        func forms(_ candidate: String) -> [String] {
            let whole = candidate.lowercased()
            guard !typed.contains("/"), let last = whole.split(separator: "/").last, last.count < whole.count else { return [whole] }
            return [whole, String(last)]
        }
        // Fewer than three letters start or sit inside too many words to mean one.
        if typed.count >= 3 {
            for matches in [{ (form: String) in form.hasPrefix(typed) }, { (form: String) in form.contains(typed) }] {
                // The fewest letters added, then alphabetical.
                let found = candidates.compactMap { c in forms(c).filter(matches).map { $0.count - typed.count }.min().map { (c, $0) } }
                if let best = found.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) { return best.0 }
            }
        }
        let scored = candidates.map { candidate in (candidate, forms(candidate).map { distance(typed, $0) }.min() ?? Int.max) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        // A typo changes at most a third of the word; beyond that the guess would confuse.
        let limit = max(2, min(word.count, best.0.split(separator: "/").last.map(\.count) ?? best.0.count) / 3)
        if best.1 <= limit { return best.0 }
        // A word that contains a candidate (`gpu_hourly_usd`): the longest such candidate.
        guard typed.count >= 3 else { return nil }
        return candidates.filter { $0.count >= 3 && typed.contains($0.lowercased()) }.min { ($1.count, $0) < ($0.count, $1) }
    }

    /// `; did you mean "x"?` or nothing.
    public static func clause(for word: String, in candidates: [String]) -> String {
        guard let guess = closest(to: word, in: candidates) else { return "" }
        return "; did you mean \"\(guess)\"?"
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
