/// A scenario and some of its numeric inputs, ready to be evaluated at many values of them:
/// Monte Carlo trials, tornado bars, sweep grid points.
///
/// Rebuilding a scenario from its document for every variant is far too slow, so each input is
/// compiled once to a typed setter on the built `Scenario`. A setter is trusted only after it
/// agrees exactly with a real rebuild at the probe values (one input at a time, then all
/// together); if any input has no setter, or one disagrees, every variant is rebuilt from the
/// document instead — slower, never wrong.
public struct ScenarioVariants: Sendable {
    /// A probe value the scenario cannot be built with.
    public struct ProbeFailure: Error, Sendable, Hashable {
        /// The input probed; nil when every input was at its probe value together.
        public var input: Int?
        public var value: Double
        /// What the builder found, first problem first.
        public var diagnostics: [Diagnostic]
    }

    public let nominal: Scenario
    public let inputs: [NumericInput]
    /// Each input's path split at its dots, once.
    let inputSegments: [[String]]
    let document: JSONNode
    let catalog: CatalogSnapshot
    /// nil: every variant is rebuilt from the document.
    private(set) var setters: [InputSetter]?

    /// Whether variants are made by typed setters (fast) rather than rebuilt from the document.
    public var usesSetters: Bool { setters != nil }

    /// - Parameter probes: values of each input to check its setter at (at least one per input;
    ///   the first and last of each are also checked all together).
    public init(document: JSONNode, scenario: Scenario, catalog: CatalogSnapshot, inputs: [NumericInput],
                probes: [[Double]]) throws(ProbeFailure) {
        nominal = scenario
        self.inputs = inputs
        inputSegments = inputs.map { ScenarioOverride.segments($0.path) }
        self.document = document
        self.catalog = catalog
        var setters: [InputSetter]? = []
        for input in inputs {
            if let s = InputSetter.make(input.path, scenario: scenario, document: document) { setters?.append(s) } else { setters = nil }
        }
        self.setters = nil
        var trusted = setters != nil
        for (j, values) in probes.enumerated() where j < inputs.count {
            for v in values {
                let rebuilt = try rebuild([(j, v)], failing: j)
                if trusted, let setters {
                    var s = scenario
                    trusted = [v].withUnsafeBufferPointer { ScenarioVariants.apply([setters[j]], $0, to: &s) } && ScenarioVariants.sameModel(s, rebuilt)
                }
            }
        }
        if inputs.count > 1, probes.count == inputs.count, probes.allSatisfy({ !$0.isEmpty }) {
            for pick in [0, 1] {
                let values = probes.map { pick == 0 ? $0[0] : $0[$0.count - 1] }
                let rebuilt = try rebuild(Array(values.enumerated()), failing: nil)
                if trusted, let setters {
                    var s = scenario
                    trusted = values.withUnsafeBufferPointer { ScenarioVariants.apply(setters, $0, to: &s) } && ScenarioVariants.sameModel(s, rebuilt)
                }
            }
        }
        if trusted { self.setters = setters }
    }

    /// The scenario with input j at values[j]; nil if it cannot be rebuilt (only the document
    /// path can fail, for values beyond the probes).
    public func scenario(_ values: UnsafeBufferPointer<Double>) -> Scenario? {
        if let setters {
            var s = nominal
            return ScenarioVariants.apply(setters, values, to: &s) ? s : nil
        }
        return try? rebuild(Array(values.enumerated()), failing: nil)
    }

    /// Input j's setter at values[j], then every derived throughput worked out again if any of
    /// them feeds one; false if a model no longer fits.
    static func apply(_ setters: [InputSetter], _ values: UnsafeBufferPointer<Double>, to s: inout Scenario) -> Bool {
        for j in setters.indices { setters[j].apply(&s, values[j]) }
        return !setters.contains(where: \.rederives) || rederive(&s)
    }

    /// Every derived throughput of the scenario, worked out again from its setup and the workload.
    static func rederive(_ s: inout Scenario) -> Bool {
        let workload = s.workload
        for k in s.options.indices where s.options[k].derivedFrom != nil {
            guard s.options[k].rederiveCapacity(for: workload) else { return false }
        }
        return true
    }

    public func scenario(_ values: [Double]) -> Scenario? {
        values.withUnsafeBufferPointer { scenario($0) }
    }

    /// Every option's totals with input j at values[j]; false if the scenario cannot be built.
    public func totals(_ values: UnsafeBufferPointer<Double>, workspace: inout TotalsWorkspace,
                       into out: UnsafeMutableBufferPointer<OptionTotals>) -> Bool {
        guard let s = scenario(values) else { return false }
        Simulator.totals(s, workspace: &workspace, into: out)
        return true
    }

    /// What one thread evaluates variants with: its own scenario, rebuilt from the document so
    /// that it shares no storage (and no reference counts) with other threads, and changed in
    /// place from one variant to the next; every input is set every time, so nothing is left
    /// over from the last.
    public func worker() -> Worker {
        let own = setters == nil ? nil : try? ScenarioVariants.rebuild(document: document, catalog: catalog, digest: "", values: [])
        return Worker(variants: self, scenario: own ?? nominal)
    }

    public struct Worker {
        let variants: ScenarioVariants
        var scenario: Scenario
        var workspace = TotalsWorkspace()

        /// Every option's totals with input j at values[j]; false if the scenario cannot be built.
        public mutating func totals(_ values: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<OptionTotals>) -> Bool {
            if let setters = variants.setters {
                guard ScenarioVariants.apply(setters, values, to: &scenario) else { return false }
                Simulator.totals(scenario, workspace: &workspace, into: out)
                return true
            }
            return variants.totals(values, workspace: &workspace, into: out)
        }
    }

    private func rebuild(_ values: [(Int, Double)], failing input: Int?) throws(ProbeFailure) -> Scenario {
        do {
            return try ScenarioVariants.rebuild(document: document, catalog: catalog, digest: nominal.digest,
                                                segmented: values.map { (inputSegments[$0.0], $0.1) })
        } catch {
            throw ProbeFailure(input: input, value: values.first?.1 ?? 0, diagnostics: error.diagnostics)
        }
    }

    /// The document with the values written in at their paths, built as the loader builds it
    /// (the checker is not needed: every value is inside its input's range).
    static func rebuild(document: JSONNode, catalog: CatalogSnapshot, digest: String,
                        values: [(path: String, value: Double)]) throws(ScenarioErrors) -> Scenario {
        try rebuild(document: document, catalog: catalog, digest: digest,
                    segmented: values.map { (ScenarioOverride.segments($0.path), $0.value) })
    }

    /// The same with each path already split at its dots (as the trials keep them).
    static func rebuild(document: JSONNode, catalog: CatalogSnapshot, digest: String,
                        segmented values: [(path: [String], value: Double)]) throws(ScenarioErrors) -> Scenario {
        var doc = document
        for (path, v) in values {
            if let problem = ScenarioOverride.apply(number: v, at: path, to: &doc) {
                throw ScenarioErrors(file: "", diagnostics: [problem])
            }
        }
        let builder = ScenarioBuilder(root: doc, catalog: catalog)
        builder.log.recordsAssumptions = false
        guard var built = builder.build(), builder.log.diagnostics.isEmpty else {
            throw ScenarioErrors(file: "", diagnostics: builder.log.diagnostics)
        }
        built.digest = digest
        return built
    }

    /// Equal in everything the engine reads (names, assumptions and digest aside).
    static func sameModel(_ a: Scenario, _ b: Scenario) -> Bool {
        a.workload == b.workload && a.options == b.options && a.discountRate == b.discountRate
            && a.months == b.months && a.start == b.start && a.baselineID == b.baselineID
    }
}
