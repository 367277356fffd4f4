/// The numeric inputs of a checked scenario: every assumption whose value is a number and that
/// the scenario language lets a file set, with the range the language declares for it.
struct ScenarioInputs: Sendable {
    /// Why a path names no numeric input.
    enum Problem: Error, Sendable, Hashable {
        /// Not an input of this scenario; the closest numeric path, if one is close.
        case unknown(suggestion: String?)
        /// An input whose value is not a number (its value as the report lists it).
        case notANumber(value: String)
        /// Computed from other inputs (the capacity model), not set.
        case derived
        /// `months`: every trial and grid point covers the same horizon.
        case horizon

        /// The message, after `PATH: `.
        func message(_ path: String) -> String {
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
    let all: [NumericInput]
    private let byPath: [String: NumericInput]
    private let others: [String: Assumption]

    /// Every listed value whose key declares a numeric input, at the value the scenario runs with.
    init(_ resolved: ResolvedScenario) {
        var numeric: [NumericInput] = []
        var byPath: [String: NumericInput] = [:]
        var others: [String: Assumption] = [:]
        let values = resolved.values
        for a in resolved.assumptions {
            let derived = if case .derived = a.source { true } else { false }
            guard !derived, a.path != "months", byPath[a.path] == nil, let setter = resolved.input(a.path),
                  let nominal = setter.get(resolved, values) else {
                if byPath[a.path] == nil { others[a.path] = a }
                continue
            }
            let input = NumericInput(path: a.path, nominal: nominal, range: setter.range)
            numeric.append(input)
            byPath[a.path] = input
        }
        all = numeric
        self.byPath = byPath
        self.others = others
    }

    func resolve(_ path: String) -> Result<NumericInput, Problem> {
        if let input = byPath[path] { return .success(input) }
        if path == "months" { return .failure(.horizon) }
        if let a = others[path] {
            if case .derived = a.source { return .failure(.derived) }
            return .failure(.notANumber(value: a.value))
        }
        return .failure(.unknown(suggestion: Suggestion.closest(to: path, in: all.map(\.path))))
    }
}
