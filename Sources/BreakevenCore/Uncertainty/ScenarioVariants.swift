/// A scenario and some of its numeric inputs, ready to be evaluated at many values of them:
/// Monte Carlo trials, tornado bars, sweep grid points.
///
/// Every input is set in place in the resolved scenario by the setter its key declares (a
/// catalog price, `usd_rate`, a switch month or a phase's volume alike), and the settings are
/// lowered to what the engine runs; nothing is rebuilt from the document.
public struct ScenarioVariants: Sendable {
    /// A probe value the scenario cannot run with.
    struct ProbeFailure: Error, Sendable, Hashable {
        /// The input probed; nil when every input was at its probe value together.
        public var input: Int?
        public var value: Double
        /// Why, as a sentence.
        public var message: String
    }

    public let nominal: Scenario
    let inputs: [NumericInput]
    let resolved: ResolvedScenario
    let setters: [SettingInput<ResolvedScenario>]
    /// Input j set to values[j], for every input, in one call (`ResolvedScenario.setAll`).
    let setAll: @Sendable (inout ResolvedScenario, UnsafeBufferPointer<Double>) -> Void
    /// The options the inputs reach, when they do not reach every option: a variant lowers only
    /// those again (an input of the workload's request shape or of the top level reaches every
    /// option; its volume and the discount rate none).
    let touchedOptions: [Int]?
    /// Some input is the workload's volume or the discount rate: a variant refreshes them.
    let touchesVolumeOrDiscounting: Bool

    /// - Parameter probes: values of each input it must run with (at least one per input; the
    ///   first and last of each are also checked all together).
    init(_ loaded: LoadedScenario, inputs: [NumericInput], probes: [[Double]]) throws(ProbeFailure) {
        nominal = loaded.scenario
        resolved = loaded.resolved
        self.inputs = inputs
        var setters: [SettingInput<ResolvedScenario>] = []
        for (j, input) in inputs.enumerated() {
            guard let setter = loaded.resolved.input(input.path) else {
                throw ProbeFailure(input: j, value: input.nominal, message: "\(input.path) names no input of this scenario")
            }
            setters.append(setter)
        }
        self.setters = setters
        guard let setAll = loaded.resolved.setAll(inputs.map(\.path)) else {
            throw ProbeFailure(input: nil, value: 0, message: "the inputs cannot be set together")
        }
        self.setAll = setAll
        let reached = inputs.map { loaded.resolved.optionsReached(by: $0.path) }
        touchedOptions = reached.contains(where: { $0 == nil }) ? nil : Array(Set(reached.compactMap { $0 }.joined())).sorted()
        touchesVolumeOrDiscounting = reached.contains { $0?.isEmpty == true }
        for (j, values) in probes.enumerated() where j < inputs.count {
            for v in values { try probe([(j, v)], failing: j) }
        }
        if inputs.count > 1, probes.count == inputs.count, probes.allSatisfy({ !$0.isEmpty }) {
            for pick in [0, 1] {
                try probe(Array(probes.map { pick == 0 ? $0[0] : $0[$0.count - 1] }.enumerated()), failing: nil)
            }
        }
    }

    /// Variants of any inputs of a scenario (checked at their probe values); nil if it cannot run with them.
    public static func of(_ loaded: LoadedScenario, inputs: [NumericInput], probes: [[Double]]) -> ScenarioVariants? {
        try? ScenarioVariants(loaded, inputs: inputs, probes: probes)
    }

    /// The variants of a scenario's `uncertainty` block: its inputs, checked at their p10 and p90.
    public static func trials(of loaded: LoadedScenario) -> ScenarioVariants? {
        guard let plan = loaded.scenario.uncertainty else { return nil }
        return try? ScenarioVariants(loaded, inputs: plan.inputs.map(\.input), probes: plan.inputs.map { [$0.quantile(0.1), $0.quantile(0.9)] })
    }

    private func probe(_ values: [(Int, Double)], failing input: Int?) throws(ProbeFailure) {
        var r = resolved
        for (j, v) in values { setters[j].set(&r, v) }
        do throws(LoweringFailure) {
            let s = try r.scenario()
            if let problem = ScenarioVariants.problem(s) { throw LoweringFailure(message: problem) }
        } catch {
            throw ProbeFailure(input: input, value: values.first?.1 ?? 0, message: error.message)
        }
    }

    /// What a variant may break that the engine cannot run: a volume past what it supports.
    static func problem(_ s: Scenario) -> String? {
        let perRequest = s.workload.tokensPerRequest
        for i in 0..<s.months {
            let tokens = s.workload.requests(month: i, start: s.start) * (perRequest.input + perRequest.output)
            if !(tokens <= WorkloadDeclaration.maxTokensPerMonth) {
                let place = s.workload.growth == .flat ? "workload" : "workload.growth"
                return "\(place): the workload reaches \(Money.scientific(tokens)) tokens in month \(i + 1); at most 1e15 tokens a month are supported"
            }
        }
        return nil
    }

    /// The scenario with input j at values[j]; nil if it cannot run with them.
    public func scenario(_ values: [Double]) -> Scenario? {
        var r = resolved
        for j in setters.indices where j < values.count { setters[j].set(&r, values[j]) }
        return try? r.scenario()
    }

    /// What one thread evaluates variants with: its own resolved scenario, changed in place from
    /// one variant to the next (every input is set every time, so nothing is left over from the
    /// last), and its own memo of derived capacities.
    func worker() -> Worker {
        Worker(variants: self, resolved: resolved, lowered: nominal)
    }

    struct Worker {
        let variants: ScenarioVariants
        var resolved: ResolvedScenario
        let memo = CapacityMemo()
        var workspace = TotalsWorkspace()
        /// The last variant as the engine ran it (when `hasLowered`): options no input touches
        /// are kept from it. Changed in place: a scenario moved in and out of an optional is
        /// copied byte by byte each way.
        var lowered: Scenario
        var hasLowered = false

        /// Every option's totals with input j at values[j]; false if the scenario cannot run with them.
        mutating func totals(_ values: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<OptionTotals>) -> Bool {
            if variants.touchedOptions == nil || !hasLowered {
                // Every option is lowered again: the last variant's are let go before the inputs
                // are set, so that the named amounts they share with the settings (one_time,
                // monthly_fixed) are set in place rather than copied whole. The list's storage is
                // kept for them.
                lowered.options.removeAll(keepingCapacity: true)
                hasLowered = false
            }
            variants.setAll(&resolved, values)
            do throws(LoweringFailure) {
                if let touched = variants.touchedOptions, hasLowered {
                    hasLowered = false  // until every touched option is lowered again
                    if variants.touchesVolumeOrDiscounting { resolved.refreshVolumeAndDiscounting(&lowered) }
                    let context = resolved.lowerContext(lowered.workload, memo: memo)
                    for k in touched { lowered.options[k] = try resolved.option(k, context) }
                } else {
                    try resolved.relower(&lowered, memo: memo)
                }
            } catch {
                return false
            }
            hasLowered = true
            Simulator.totals(&lowered, workspace: &workspace, into: out)
            return true
        }
    }
}
