/// "Did you mean" for unknown keys and ids: the closest candidate by edit distance, if close
/// enough to be a typo (as swift-argument-parser suggests options).
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        // Catalog ids are paths (openai/gpt-4o): a slip in the last part counts as much as one in the whole.
        let scored = candidates.map { candidate -> (String, Int) in
            let whole = distance(word.lowercased(), candidate.lowercased())
            guard !word.contains("/"), let last = candidate.split(separator: "/").last, last.count < candidate.count else { return (candidate, whole) }
            return (candidate, min(whole, distance(word.lowercased(), last.lowercased())))
        }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }) else { return nil }
        // A typo changes at most a third of the word; beyond that the guess would confuse.
        let limit = max(2, min(word.count, best.0.split(separator: "/").last.map(\.count) ?? best.0.count) / 3)
        if best.1 <= limit { return best.0 }
        // A word that contains (or is contained in) a candidate is also a likely slip.
        return candidates.sorted().first { word.count >= 3 && ($0.contains(word) || word.contains($0)) }
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
