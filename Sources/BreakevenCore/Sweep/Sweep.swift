/// `breakeven sweep`: one or two inputs over a grid of values, every point a whole projection
/// (the totals-only path, on every core), for the map of where an option pays off.
public enum Sweep {
    /// Every point's totals are kept: a grid of at most 250,000 points (500 × 500).
    static let maxPoints = 250_000

    /// - Parameters:
    ///   - option: the option whose savings and breakeven month to show; nil: the one that
    ///     saves most at the scenario's own values.
    public static func run(_ loaded: LoadedScenario, x: SweepAxis, y: SweepAxis?, metric: SweepMetric, option: String?, threads: Int,
                           progress: (@Sendable (Int) -> Void)? = nil) throws(SweepProblem) -> SweepGrid {
        let scenario = loaded.scenario
        let known = ScenarioInputs(loaded.resolved)
        let xInput = try input(x, known)
        var yInput: NumericInput?
        // The axes carry their inputs' names, as the assumptions list them.
        var x = x, y = y
        for a in loaded.resolved.assumptions {
            if a.path == x.path, x.title == nil { (x.title, x.unit) = (a.title, a.unit) }
            if a.path == y?.path, y?.title == nil {
                y?.title = a.title
                y?.unit = a.unit
            }
        }
        if let y {
            if y.path == x.path { throw SweepProblem("\(y.argument): the same input as \(x.argument.split(separator: " ").first ?? "--x")") }
            yInput = try input(y, known)
        }
        let b = scenario.baselineIndex
        let ids = scenario.options.map(\.id)
        let chosen: Int
        if let option {
            guard let k = ids.firstIndex(of: option) else {
                throw SweepProblem("--option \(option): unknown option id" + Suggestion.clause(for: option, in: ids))
            }
            guard k != b else {
                throw SweepProblem("--option \(option): the baseline; choose another option to compare with it")
            }
            chosen = k
        } else {
            guard let best = bestAlternative(scenario) else {
                throw SweepProblem("\(scenario.name): only the baseline is defined; a sweep compares an option with it")
            }
            chosen = best
        }

        let points = x.count * (y?.count ?? 1)
        if points > maxPoints, let y {
            throw SweepProblem("\(x.argument) \(y.argument): \(x.count) × \(y.count) = \(points) points; a sweep has at most \(maxPoints)")
        }
        let xs = x.values.map(xInput.range.clamped)
        let ys = y.map { axis in axis.values.map { (yInput?.range ?? xInput.range).clamped($0) } } ?? []
        let inputs = [xInput] + (yInput.map { [$0] } ?? [])
        let probes = [[xs[0], xs[xs.count - 1]]] + (ys.isEmpty ? [] : [[ys[0], ys[ys.count - 1]]])
        let variants: ScenarioVariants
        do {
            variants = try ScenarioVariants(loaded, inputs: inputs, probes: probes)
        } catch {
            let why = error.message
            let axis = error.input == 1 ? y ?? x : x
            let at = error.input == nil ? "at LO (or HI) of every axis together" : "at \(Money.significant(error.value))"
            throw SweepProblem("\(axis.argument): \(at), the scenario is invalid: \(why)", invalidScenario: true)
        }
        let nx = xs.count
        let rows = max(1, ys.count)
        let batch = VariantBatch(variants, count: nx * rows, threads: threads, progress: progress) { v, row in
            row[0] = xs[v % nx]
            if row.count > 1 { row[1] = ys[v / nx] }
        }
        return SweepGrid(scenarioName: scenario.name, currency: scenario.currency, months: scenario.months, x: x, y: y, xValues: xs, yValues: ys.isEmpty ? [.nan] : ys,
                         xNominal: xInput.nominal, yNominal: yInput?.nominal, metric: metric, optionIDs: ids,
                         optionLabels: scenario.options.map(\.label), baselineIndex: b, optionIndex: chosen, totals: batch.totals)
    }

    private static func input(_ axis: SweepAxis, _ known: ScenarioInputs) throws(SweepProblem) -> NumericInput {
        let input: NumericInput
        switch known.resolve(axis.path) {
        case .success(let found): input = found
        case .failure(let problem): throw SweepProblem("\(axis.argument): \(problem.message(axis.path))")
        }
        guard input.range.contains(axis.lower), input.range.contains(axis.upper) else {
            throw SweepProblem("\(axis.argument): expected LO and HI within the range of \(axis.path), \(input.range.phrase); found \(NumberBounds.format(axis.lower))..\(NumberBounds.format(axis.upper))")
        }
        return input
    }

    /// The option that saves most against the baseline at the scenario's own values (ties to the smaller id).
    static func bestAlternative(_ scenario: Scenario) -> Int? {
        var workspace = TotalsWorkspace()
        var totals = [OptionTotals](repeating: OptionTotals(totalCost: 0, npv: 0, breakevenMonth: nil), count: scenario.options.count)
        totals.withUnsafeMutableBufferPointer { Simulator.totals(scenario, workspace: &workspace, into: $0) }
        return OptionTotals.bestAlternative(totals, in: scenario)
    }
}
