/// Reads a scenario file's bytes, applies `--set` overrides, checks everything and returns a
/// `Scenario` or every problem at once.
public enum ScenarioLoader {
    /// A `--set PATH=VALUE` override, as given.
    public struct Override: Sendable, Hashable {
        public var path: String
        public var value: String
        public var argument: String { "\(path)=\(value)" }

        public init(path: String, value: String) {
            self.path = path
            self.value = value
        }

        /// Parses "PATH=VALUE"; nil without '='.
        public init?(argument: String) {
            guard let eq = argument.firstIndex(of: "="), eq != argument.startIndex else { return nil }
            self.init(path: String(argument[..<eq]), value: String(argument[argument.index(after: eq)...]))
        }
    }

    /// The checked document (after overrides) and the scenario built from it.
    public struct Loaded: Sendable {
        public var document: JSONNode
        public var scenario: Scenario
    }

    /// - Parameter catalog: where `model`, `gpu`, `hardware` and `plan` references are looked up.
    public static func load(_ bytes: [UInt8], file: String, overrides: [Override] = [],
                            catalog: CatalogSnapshot = CatalogSnapshot()) throws(ScenarioErrors) -> Loaded {
        var document: JSONNode
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioErrors(file: file, diagnostics: [Diagnostic(at: error.location, path: "", error.message)])
        }
        var diagnostics: [Diagnostic] = []
        for o in overrides {
            if let problem = ScenarioOverride.apply(o, to: &document) { diagnostics.append(problem) }
        }
        guard diagnostics.isEmpty else { throw ScenarioErrors(file: file, diagnostics: diagnostics) }

        var checker = ShapeChecker()
        checker.check(document, against: ScenarioLanguage.scenario, at: "")
        let builder = ScenarioBuilder(root: document, catalog: catalog)
        let scenario = builder.build()
        diagnostics = checker.diagnostics + builder.log.diagnostics
        guard diagnostics.isEmpty, var scenario else {
            throw ScenarioErrors(file: file, diagnostics: Array(Set(diagnostics)))
        }
        // How old the catalog prices it takes are at its as_of day (issue 14).
        let asOf = document["as_of"]?.string.flatMap(CalendarDay.init) ?? scenario.start.firstDay
        scenario.priceAges = CatalogPriceAge.ages(of: scenario.assumptions, in: catalog, asOf: asOf)
        var uncertainty = UncertaintyReader(document: document, scenario: scenario, catalog: catalog)
        scenario.uncertainty = uncertainty.read()
        guard uncertainty.diagnostics.isEmpty else { throw ScenarioErrors(file: file, diagnostics: uncertainty.diagnostics) }
        return Loaded(document: document, scenario: scenario)
    }
}
