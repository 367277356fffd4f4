/// Reads a scenario's `uncertainty` block once the rest of the scenario is built: every path
/// must name a number of this scenario, every distribution must stay inside that number's
/// valid range, and the scenario must still be valid at each input's p10 and p90. Problems come
/// back located like every other: file:line:column, JSON path, "did you mean".
struct UncertaintyReader {
    /// The scenario the inputs name; nil where an earlier stage failed (`blockProblems`).
    let loaded: LoadedScenario?
    let document: JSONNode
    private(set) var diagnostics: [Diagnostic] = []

    init(_ loaded: LoadedScenario) {
        self.loaded = loaded
        document = loaded.document
    }

    private init(document: JSONNode) {
        loaded = nil
        self.document = document
    }

    /// What is wrong with the block whatever the rest of the scenario holds: a distribution out of
    /// order (`uniform [2000, 1000]`), a correlation of an input not listed or of one with itself.
    /// The loader reports these beside the problems of a scenario that does not build, so that
    /// one run lists them all; each needs no input path resolved.
    static func blockProblems(in document: JSONNode) -> [Diagnostic] {
        guard let block = document["uncertainty"], let members = block["inputs"]?.members else { return [] }
        var reader = UncertaintyReader(document: document)
        reader.requireInputs(block, members)
        for m in members {
            _ = reader.distribution(m.value, for: nil, at: ShapeChecker.path(UncertaintyReader.inputsPath, m.key))
        }
        _ = reader.correlations(block["correlations"], listed: members.map(\.key))
        return reader.diagnostics
    }

    static let inputsPath = "uncertainty.inputs"

    mutating func read() -> UncertaintyPlan? {
        guard let loaded, let block = document["uncertainty"], let members = block["inputs"]?.members else { return nil }
        let trials = block["trials"]?.number.flatMap { Int(keyValue: $0) } ?? UncertaintyPlan.defaultTrials
        let seed = block["seed"]?.number.flatMap { UInt64(exactly: $0) } ?? UncertaintyPlan.defaultSeed
        requireInputs(block, members)
        let known = ScenarioInputs(loaded.resolved)
        var inputs: [UncertainInput] = []
        var nodes: [JSONNode.Member] = []
        for m in members {
            let path = ShapeChecker.path(UncertaintyReader.inputsPath, m.key)
            switch known.resolve(m.key) {
            case .failure(let problem):
                diagnostics.append(Diagnostic(at: m.keyLocation, path: path, problem.message(m.key)))
            case .success(let input):
                if let distribution = distribution(m.value, for: input, at: path) {
                    inputs.append(UncertainInput(input: input, distribution: distribution))
                    nodes.append(m)
                }
            }
        }
        let correlations = self.correlations(block["correlations"], listed: members.map(\.key))
        guard diagnostics.isEmpty else { return nil }
        let plan = UncertaintyPlan(trials: trials, seed: seed, inputs: inputs, correlations: correlations)
        do {
            _ = try TrialDraws(plan)
        } catch {
            report(block["correlations"] ?? block, UncertaintyReader.correlationsPath,
                   "these rank correlations contradict each other: no joint distribution has them all (the matrix of their normal scores is not positive definite); weaken the strongest")
        }
        checkProbes(loaded, inputs, nodes, block)
        // Calibrated throughputs the scenario leaves certain: their residual error as an input of its own.
        var withCalibrations = plan
        withCalibrations.inputs += Self.calibrationInputs(loaded.resolved, known: known, listed: Set(members.map(\.key)))
        return diagnostics.isEmpty ? withCalibrations : nil
    }

    static let correlationsPath = "uncertainty.correlations"

    private mutating func requireInputs(_ block: JSONNode, _ members: [JSONNode.Member]) {
        if members.isEmpty, let node = block["inputs"] {
            report(node, UncertaintyReader.inputsPath, "expected at least one uncertain input, found none")
        }
    }

    /// The `correlations` list: each names two different inputs of `inputs`, each pair once.
    private mutating func correlations(_ node: JSONNode?, listed: [String]) -> [InputCorrelation] {
        var out: [InputCorrelation] = []
        var seen: [Int: Int] = [:]
        for (k, item) in (node?.elements ?? []).enumerated() {
            let path = ShapeChecker.path(UncertaintyReader.correlationsPath, index: k)
            // Missing or mistyped members are the shape checker's to report.
            guard let between = item["between"], let ends = between.elements, ends.count == 2,
                  let rank = item["rank_correlation"]?.number else { continue }
            var indices: [Int] = []
            for (e, end) in ends.enumerated() {
                guard let name = end.string else { continue }
                if let j = listed.firstIndex(of: name) {
                    indices.append(j)
                } else {
                    let hint = Suggestion.closest(to: name, in: listed).map { "; did you mean \"\($0)\"?" } ?? ""
                    report(end, ShapeChecker.path(path, "between") + "[\(e)]",
                           "expected the path of an input listed in uncertainty.inputs, found \(end.quoted)\(hint)")
                }
            }
            guard indices.count == 2 else { continue }
            let (a, b) = (min(indices[0], indices[1]), max(indices[0], indices[1]))
            if a == b {
                report(between, ShapeChecker.path(path, "between"), "expected two different inputs, found \(ends[0].quoted) twice")
                continue
            }
            let key = a * listed.count + b
            if let earlier = seen[key] {
                report(item, path, "\(listed[a]) and \(listed[b]) are already correlated in correlations[\(earlier)]")
                continue
            }
            seen[key] = k
            out.append(InputCorrelation(first: a, second: b, rank: rank))
        }
        return out
    }

    private mutating func report(_ node: JSONNode, _ path: String, _ message: String) {
        diagnostics.append(Diagnostic(at: node.location, path: path, message))
    }

    /// The distribution of one input, each parameter checked against the input's range (nil: the
    /// input is not known yet, and only the parameters' order is checked).
    private mutating func distribution(_ node: JSONNode, for input: NumericInput?, at path: String) -> Distribution? {
        let before = diagnostics.count
        /// A parameter that must be a value of the input.
        func value(_ n: JSONNode?, _ where: String) -> Double {
            guard let n, let x = n.number else { return 0 }
            if let input, !input.range.contains(x) {
                report(n, `where`, "expected \(input.range.phrase) (the range of \(input.path)), found \(n.quoted)")
            }
            return x
        }
        func listed(_ items: [JSONNode]) -> String { "[" + items.map(\.quoted).joined(separator: ", ") + "]" }

        if let list = node["uniform"], let items = list.elements, items.count == 2 {
            let p = ShapeChecker.path(path, "uniform")
            let lo = value(items[0], p + "[0]"), hi = value(items[1], p + "[1]")
            if lo > hi { report(list, p, "expected lo ≤ hi, found \(listed(items))") }
            return diagnostics.count == before ? .uniform(lo: lo, hi: hi) : nil
        }
        for name in ["triangular", "pert"] {
            guard let list = node[name], let items = list.elements, items.count == 3 else { continue }
            let p = ShapeChecker.path(path, name)
            let lo = value(items[0], p + "[0]"), mode = value(items[1], p + "[1]"), hi = value(items[2], p + "[2]")
            if !(lo <= mode && mode <= hi) { report(list, p, "expected lo ≤ mode ≤ hi, found \(listed(items))") }
            guard diagnostics.count == before else { return nil }
            return name == "pert" ? .pert(lo: lo, mode: mode, hi: hi) : .triangular(lo: lo, mode: mode, hi: hi)
        }
        if let normal = node["normal"] {
            let p = ShapeChecker.path(path, "normal")
            let mean = value(normal["mean"], ShapeChecker.path(p, "mean"))
            let sd = normal["sd"]?.number ?? 0
            let distribution = Distribution.normal(mean: mean, sd: sd)
            if diagnostics.count == before, let input, let node = normal["sd"] { drawsSpread(distribution, input, node, ShapeChecker.path(p, "sd")) }
            return diagnostics.count == before ? distribution : nil
        }
        if let lognormal = node["lognormal"] {
            let p = ShapeChecker.path(path, "lognormal")
            let median = value(lognormal["median"], ShapeChecker.path(p, "median"))
            let p90 = lognormal["p90"]?.number ?? median
            if p90 < median, let n = lognormal["p90"] {
                report(n, ShapeChecker.path(p, "p90"), "expected a p90 of at least the median (\(lognormal["median"]?.quoted ?? "")), found \(n.quoted)")
            }
            let distribution = Distribution.lognormal(median: median, p90: p90)
            if diagnostics.count == before, let input, let node = lognormal["p90"] { drawsSpread(distribution, input, node, ShapeChecker.path(p, "p90")) }
            return diagnostics.count == before ? distribution : nil
        }
        if let list = node["choice"], let pairs = list.elements {
            let p = ShapeChecker.path(path, "choice")
            var items: [Distribution.WeightedValue] = []
            for (k, pair) in pairs.enumerated() {
                guard let two = pair.elements, two.count == 2 else { continue }
                let x = value(two[0], ShapeChecker.path(p, index: k) + "[0]")
                let w = two[1].number ?? 0
                if !(w >= 0) { report(two[1], ShapeChecker.path(p, index: k) + "[1]", "expected a weight ≥ 0, found \(two[1].quoted)") }
                items.append(.init(value: x, weight: w))
            }
            if diagnostics.count == before, !items.contains(where: { $0.weight > 0 }) {
                report(list, p, "expected at least one weight above 0, found none")
            } else if diagnostics.count == before, !items.reduce(0, { $0 + $1.weight }).isFinite {
                // Shares of an infinite sum are all zero: every draw would be the first value.
                report(list, p, "expected weights whose sum is a finite number, found a sum too large to represent; scale them down")
            }
            return diagnostics.count == before ? .choice(items) : nil
        }
        return nil
    }

    /// A normal or lognormal so wide that next to nothing of it falls inside the input's range
    /// would draw the same value every time: that is a mistake in the scenario, not a distribution.
    private mutating func drawsSpread(_ distribution: Distribution, _ input: NumericInput, _ node: JSONNode, _ path: String) {
        let inside = InputSampler(distribution, range: input.range).shareInsideRange
        guard inside < UncertaintyReader.leastShareInside else { return }
        report(node, path, "expected a spread that keeps at least one draw in a million inside the range of \(input.path) (\(input.range.phrase)), found \(node.quoted), which keeps \(Money.scientific(inside)) of them: every trial would draw the same value")
    }

    static let leastShareInside = 1e-6

    /// The scenario must build with each input at its p10 and p90, alone and all together.
    private mutating func checkProbes(_ loaded: LoadedScenario, _ inputs: [UncertainInput], _ nodes: [JSONNode.Member], _ block: JSONNode) {
        let probes = inputs.map { [$0.quantile(0.1), $0.quantile(0.9)] }
        do {
            _ = try ScenarioVariants(loaded, inputs: inputs.map(\.input), probes: probes)
        } catch {
            let why = error.message
            if let j = error.input {
                let which = error.value == probes[j][0] ? "10th" : "90th"
                diagnostics.append(Diagnostic(at: nodes[j].keyLocation, path: ShapeChecker.path(UncertaintyReader.inputsPath, nodes[j].key),
                    "at its \(which) percentile, \(Money.significant(error.value)), the scenario is invalid: \(why)"))
            } else {
                report(block["inputs"] ?? block, UncertaintyReader.inputsPath,
                       "with every input at its 10th or 90th percentile together, the scenario is invalid: \(why)")
            }
        }
    }
}
