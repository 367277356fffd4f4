/// A `--model` pattern: a model name, or a shell-style pattern (`gpt-4o*`, `claude-?-*`).
public struct ModelPattern: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var description: String { text }

    public func matches(_ model: String) -> Bool {
        ModelPattern.match(Array(text.unicodeScalars)[...], Array(model.unicodeScalars)[...])
    }

    private static func match(_ p: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = p.first else { return s.isEmpty }
        switch first {
        case "*":
            // The star takes nothing, or one more character.
            return match(p.dropFirst(), s) || (!s.isEmpty && match(p, s.dropFirst()))
        case "?":
            return !s.isEmpty && match(p.dropFirst(), s.dropFirst())
        default:
            return s.first == first && match(p.dropFirst(), s.dropFirst())
        }
    }

    /// The models any pattern matches (all of them without patterns), sorted.
    public static func select(_ patterns: [ModelPattern], from models: [String]) -> [String] {
        models.filter { m in patterns.isEmpty || patterns.contains { $0.matches(m) } }.sorted()
    }
}
