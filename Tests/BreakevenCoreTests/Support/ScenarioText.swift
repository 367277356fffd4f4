@testable import BreakevenCore

/// Builds scenarios from JSON text, the way a user writes them.
enum ScenarioText {
    /// A whole scenario around the given workload and options (JSON fragments).
    static func document(start: String = "2026-04", months: Int = 1, discountRate: Double = 0,
                         workload: String, options: [String], extra: String = "") -> String {
        """
        {
          "version": 1,
          "name": "test",
          "start": "\(start)",
          "months": \(months),
          "discount_rate": \(discountRate),
          "workload": \(workload),
          "options": [\(options.joined(separator: ",\n"))]\(extra)
        }
        """
    }

    static func scenario(_ text: String, overrides: [String] = []) throws -> Scenario {
        try ScenarioLoader.load(Array(text.utf8), file: "test.json",
                                overrides: overrides.compactMap(ScenarioLoader.Override.init(argument:))).scenario
    }

    static func scenario(start: String = "2026-04", months: Int = 1, discountRate: Double = 0,
                         workload: String, options: [String], extra: String = "") throws -> Scenario {
        try scenario(document(start: start, months: months, discountRate: discountRate, workload: workload, options: options, extra: extra))
    }

    /// The compiler-style messages for an invalid scenario, or [] if it is valid.
    static func errors(_ text: String, overrides: [String] = [], catalog: CatalogSnapshot = CatalogSnapshot()) -> [String] {
        do {
            _ = try ScenarioLoader.load(Array(text.utf8), file: "x.json",
                                        overrides: overrides.compactMap(ScenarioLoader.Override.init(argument:)), catalog: catalog)
            return []
        } catch {
            return error.diagnostics.map { $0.formatted(file: "x.json") }
        }
    }

    static func project(_ scenario: Scenario) -> [String: [MonthlyProjection]] {
        let p = Simulator.project(scenario)
        return Dictionary(uniqueKeysWithValues: p.options.map { ($0.optionID, $0.months) })
    }
}

/// Compares money to a tenth of a cent, and other figures relatively.
func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= max(tolerance * max(abs(a), abs(b)), 1e-6)
}

extension ScenarioText {
    /// The scenario with the values written in by `--set`, resolved from its document: the oracle
    /// that inputs set in place must agree with.
    static func rebuilt(_ text: String, _ values: [(path: String, value: Double)]) throws -> Scenario {
        try ScenarioLoader.load(Array(text.utf8), file: "x.json",
                                overrides: values.map { ScenarioLoader.Override(path: $0.path, value: "\($0.value)") }).scenario
    }
}
