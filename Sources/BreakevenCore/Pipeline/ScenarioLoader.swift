import Crypto
import Foundation

/// The first stages of the pipeline: a scenario file's bytes parsed, `--set` applied, checked
/// against the language, resolved against the catalog and its currency, lowered to what the
/// engine runs, its `uncertainty` block read. Every problem of a stage is reported at once; a
/// stage with problems stops the ones after it (nothing is built from a value the checker
/// refused).
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

    /// - Parameter catalog: where `model`, `gpu`, `hardware` and `plan` references are looked up.
    public static func load(_ bytes: [UInt8], file: String, overrides: [Override] = [],
                            catalog: CatalogSnapshot = CatalogSnapshot()) throws(ScenarioErrors) -> LoadedScenario {
        var document: JSONNode
        do {
            document = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioErrors(file: file, diagnostics: [Diagnostic(at: error.location, path: "", error.message)])
        }
        let problems = ScenarioOverride.apply(overrides, to: &document)
        guard problems.isEmpty else { throw ScenarioErrors(file: file, diagnostics: problems) }

        var checker = ShapeChecker()
        checker.check(document, against: ScenarioLanguage.scenario, at: "")
        // Resolution reads only what the check accepted, so that one run reports every problem
        // (a duplicate id beside a negative price) while nothing is built from a refused value.
        let refused = checker.diagnostics
        let checked = refused.isEmpty ? document : document.pruned(checker.rejected)
        let workloadRefused = checker.rejectedPaths.contains { $0 == "workload" || $0.hasPrefix("workload.") }
        let resolution = ScenarioResolver.resolve(checked, catalog: catalog, workloadRefused: workloadRefused)
        let resolved: ResolvedScenario
        switch resolution {
        case .success(let r) where refused.isEmpty:
            resolved = r
        case .success:
            throw ScenarioErrors(file: file, diagnostics: Array(Set(refused + UncertaintyReader.blockProblems(in: checked))))
        case .failure(let errors):
            let rejected = checker.rejectedPaths
            let found = refused + errors.diagnostics.filter { !ScenarioLoader.echoes($0, rejected) }
            throw ScenarioErrors(file: file, diagnostics: Array(Set(found + UncertaintyReader.blockProblems(in: checked))))
        }
        var scenario: Scenario
        do {
            scenario = try resolved.scenario()
        } catch {
            throw ScenarioErrors(file: file, diagnostics: [Diagnostic(at: .start, path: "", error.message)])
        }
        scenario.digest = digest(document)
        // How old the catalog prices it takes are at its as_of day (a stale price is warned about).
        let asOf = resolved.top.asOf.flatMap(CalendarDay.init) ?? scenario.start.firstDay
        scenario.priceAges = CatalogPriceAge.ages(of: scenario.assumptions, in: catalog, asOf: asOf)
        if !resolved.workload.actuals.isEmpty {
            let replay = ReplayPlanner.months(resolved, document: checked, catalog: catalog)
            scenario.replay = replay.months
            scenario.assumptions += replay.assumptions
        }
        var loaded = LoadedScenario(document: document, resolved: resolved, scenario: scenario)
        var uncertainty = UncertaintyReader(loaded)
        loaded.scenario.uncertainty = uncertainty.read()
        guard uncertainty.diagnostics.isEmpty else { throw ScenarioErrors(file: file, diagnostics: uncertainty.diagnostics) }
        return loaded
    }

    /// Whether a resolution problem only repeats one the check found: at a place it refused, or
    /// a missing key the check refused the value of (`gpu_hourly: -2` is not also "missing").
    static func echoes(_ d: Diagnostic, _ rejected: Set<String>) -> Bool {
        if rejected.contains(d.path) { return true }
        return rejected.contains { path in
            guard let dot = path.lastIndex(of: "."), String(path[..<dot]) == d.path else { return false }
            return d.message.contains("\"\(path[path.index(after: dot)...])\"")
        }
    }

    /// SHA-256 of the scenario's canonical JSON (after `--set`), hex: white space and comments in
    /// the file do not change it.
    static func digest(_ document: JSONNode) -> String {
        SHA256.hash(data: Data(document.canonicalText.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}

/// A scenario through the first stages: the checked document (after `--set`), its resolved
/// settings (where inputs are set in place), and what the engine runs.
public struct LoadedScenario: Sendable {
    public var document: JSONNode
    var resolved: ResolvedScenario
    public var scenario: Scenario

    /// Every number of the scenario a trial, tornado bar or sweep point may set, at the value it has.
    public var numericInputs: [NumericInput] { ScenarioInputs(resolved).all }

    /// What option `id` charges in month i (0-based) of the plan for a month that happened: its
    /// volume and request mix at the plan's prices and trends (what `drift` sets a month without
    /// a bill against); nil for an unknown option, or a mix no derived replica fits.
    public func planCost(of actual: ActualMonth, month i: Int, option id: String) -> Double? {
        var r = resolved
        r.workload = WorkloadDeclaration.settings(resolved.workload, asIn: actual)
        guard let s = try? r.scenario(), let option = s.option(id) else { return nil }
        var model = OptionModel(option, in: s)
        return model.month(MonthDemand(index: i, date: actual.month, requests: actual.requests), isLast: false).totalCost
    }
}
