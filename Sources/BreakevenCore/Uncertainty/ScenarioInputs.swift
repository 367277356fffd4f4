/// The numeric inputs of a checked scenario: every assumption whose value is a number and that
/// the scenario language lets a file set, with the range the language declares for it.
public struct ScenarioInputs: Sendable {
    /// Why a path names no numeric input.
    public enum Problem: Error, Sendable, Hashable {
        /// Not an input of this scenario; the closest numeric path, if one is close.
        case unknown(suggestion: String?)
        /// An input whose value is not a number (its value as the report lists it).
        case notANumber(value: String)
        /// Computed from other inputs (the capacity model), not set.
        case derived
        /// `months`: every trial and grid point covers the same horizon.
        case horizon

        /// The message, after `PATH: `.
        public func message(_ path: String) -> String {
            switch self {
            case .unknown(let suggestion):
                return "unknown input \"\(path)\"" + (suggestion.map { "; did you mean \"\($0)\"?" } ?? "")
            case .notANumber(let value):
                return "\"\(path)\" is not a number in this scenario (its value is \(value))"
            case .derived:
                return "\"\(path)\" is derived from other inputs; vary those instead"
            case .horizon:
                return "\"\(path)\" cannot vary: every trial covers the same horizon"
            }
        }
    }

    /// Numeric inputs in the order the scenario's assumptions list them.
    public let all: [NumericInput]
    private let byPath: [String: NumericInput]
    private let others: [String: Assumption]

    public init(document: JSONNode, scenario: Scenario) {
        var numeric: [NumericInput] = []
        var byPath: [String: NumericInput] = [:]
        var others: [String: Assumption] = [:]
        for a in scenario.assumptions {
            let derived = if case .derived = a.source { true } else { false }
            guard !derived, a.path != "months", let value = ScenarioInputs.leadingNumber(a.value),
                  let range = LanguagePath.range(of: a.path, in: document) else {
                others[a.path] = a
                continue
            }
            let input = NumericInput(path: a.path, nominal: value, range: range)
            if let k = numeric.firstIndex(where: { $0.path == a.path }) { numeric[k] = input } else { numeric.append(input) }
            byPath[a.path] = input
        }
        all = numeric
        self.byPath = byPath
        self.others = others
    }

    public func resolve(_ path: String) -> Result<NumericInput, Problem> {
        if let input = byPath[path] { return .success(input) }
        if path == "months" { return .failure(.horizon) }
        if let a = others[path] {
            if case .derived = a.source { return .failure(.derived) }
            return .failure(.notANumber(value: a.value))
        }
        return .failure(.unknown(suggestion: Suggestion.closest(to: path, in: all.map(\.path))))
    }

    /// "0.1 (spot price)" → 0.1; "flat", "\"static\"" → nil.
    static func leadingNumber(_ text: String) -> Double? {
        let word = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? text
        guard let x = Double(word), x.isFinite, !word.lowercased().hasPrefix("0x") else { return nil }
        return x
    }
}
