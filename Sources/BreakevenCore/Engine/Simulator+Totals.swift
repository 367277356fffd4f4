extension Simulator {
    /// Every option's total, NPV and breakeven month: the month costs of `project` (the same cost
    /// functions), kept as running sums instead of months, for Monte Carlo trials and sweeps.
    ///
    /// - Parameter out: one slot per option, in the scenario's order.
    static func totals(_ scenario: Scenario, workspace: inout TotalsWorkspace, into out: UnsafeMutableBufferPointer<OptionTotals>) {
        var lent = scenario
        totals(&lent, workspace: &workspace, into: out)
    }

    /// The same, with the scenario lent to the run's context and given back: a context holding a
    /// copy retained every list and name of the scenario, every trial.
    static func totals(_ scenario: inout Scenario, workspace: inout TotalsWorkspace, into out: UnsafeMutableBufferPointer<OptionTotals>) {
        workspace.prepare(for: scenario)
        // One context for every option (it holds the scenario: built per option, it was copied five times a trial).
        var context = CostModelContext(scenario: .lentOut, trends: workspace.trends, dayShapes: workspace.dayShapes)
        swap(&context.scenario, &scenario)
        totals(context, workspace: &workspace, into: out)
        swap(&context.scenario, &scenario)
    }

    private static func totals(_ context: borrowing CostModelContext, workspace: inout TotalsWorkspace,
                               into out: UnsafeMutableBufferPointer<OptionTotals>) {
        let months = context.scenario.months
        // Borrowed from the workspace for the loop.
        var cumulative: [Double] = [], storage = CostModelStorage()
        swap(&cumulative, &workspace.cumulative)
        swap(&storage, &workspace.storage)
        defer {
            swap(&cumulative, &workspace.cumulative)
            swap(&storage, &workspace.storage)
        }
        let demands = workspace.demands, discount = workspace.discount
        // A single option's model, built once a trial: a switch's sides are the models of the two
        // options it joins (restarted before each run). Not with phases, where an option's own
        // model is a schedule around it. The list is the workspace's, emptied.
        var leaves = storage.leaves
        storage.leaves = []
        if context.scenario.workload.phases.isEmpty { leaves.append(contentsOf: repeatElement(nil, count: context.scenario.options.count)) }
        defer {
            leaves.removeAll(keepingCapacity: true)
            storage.leaves = leaves
        }
        demands.withUnsafeBufferPointer { demands in
            discount.withUnsafeBufferPointer { discount in
                cumulative.withUnsafeMutableBufferPointer { cumulative in
                    for k in context.scenario.options.indices {
                        let row = UnsafeMutableBufferPointer(rebasing: cumulative[(k * months)..<((k + 1) * months)])
                        // A switch at its best month is found as `project` finds it; when neither
                        // side carries state, its months are read from the sums that find it.
                        var switchAt: Int?
                        // The option's type (a stored word) is asked before its kind is matched, and
                        // `type.isComposite` rather than the option's: either copies the option's kind
                        // (its terms retained) out of the list for every option of every trial.
                        if context.scenario.options[k].type == .switchover, case .switchover(let plan) = context.scenario.options[k].kind {
                            if var sides = switchSides(plan, context, demands: demands, &leaves, pool: &storage.switches) {
                                var at = months + 1
                                switch plan.at {
                                case .month(let m): at = m
                                case .best:
                                    let candidates = sides.candidates(months: SwitchEvaluation.candidateMonths(plan, in: context.scenario), discount: discount,
                                                                      pool: &storage.switches)
                                    at = SwitchEvaluation.cheapest(candidates) ?? months + 1
                                }
                                out[k] = run(sides, switchAt: at, demands, discount, row)
                                sides.recycle(into: &storage.switches)
                                continue
                            }
                            if plan.at == .best {
                                switchAt = SwitchEvaluation.best(context.scenario.options[k], plan, in: context.scenario, demands: Array(demands)).chosenMonth ?? months + 1
                            }
                        }
                        let model = !leaves.isEmpty && !context.scenario.options[k].type.isComposite ? leaf(k, &leaves, context)
                            : OptionModel(id: context.scenario.options[k].id, kind: context.scenario.options[k].kind, context, switchAt: switchAt)
                        out[k] = run(model, demands, discount, row, &storage)
                    }
                    let b = context.scenario.baselineIndex
                    for k in context.scenario.options.indices where k != b {
                        out[k].breakevenMonth = BreakevenAnalysis.breakevenMonth(
                            months: months, option: { cumulative[k * months + $0] }, baseline: { cumulative[b * months + $0] })
                    }
                }
            }
        }
    }

    /// The option's months, summed as `project` and `BreakevenAnalysis` sum them; the cumulative
    /// cost of each month goes to `row`. One switch per option keeps the month loop specialised
    /// (and an owned fleet's unit list uniquely held and lent from the workspace, so buying a unit
    /// neither copies nor allocates).
    private static func run(_ model: OptionModel, _ demands: UnsafeBufferPointer<MonthDemand>,
                            _ discount: UnsafeBufferPointer<Double>, _ row: UnsafeMutableBufferPointer<Double>,
                            _ storage: inout CostModelStorage) -> OptionTotals {
        if case .single(let m) = model.model {
            m.exchangeStorage(&storage)
            defer { m.exchangeStorage(&storage) }
            m.restart()
            return m.sum(demands, discount, into: row)
        }
        var total = 0.0, npv = 0.0
        let last = demands.count - 1
        var composite = model
        for i in demands.indices {
            let t = composite.month(demands[i], isLast: i == last).costs.total
            total += t
            row[i] = total
            npv += t * discount[i]
        }
        return OptionTotals(totalCost: total, npv: npv, breakevenMonth: nil)
    }

    /// Option k's model in this trial, built the first time it is asked for.
    private static func leaf(_ k: Int, _ leaves: inout [OptionModel?], _ context: borrowing CostModelContext) -> OptionModel {
        if let built = leaves[k] { return built }
        let built = OptionModel(leaf: context.scenario.options[k].kind, context)
        leaves[k] = built
        return built
    }

    /// The sides of a switch from the trial's models of the two options it joins (built for it
    /// where there are none: with phases).
    private static func switchSides(_ plan: SwitchPlan, _ context: borrowing CostModelContext, demands: UnsafeBufferPointer<MonthDemand>,
                                    _ leaves: inout [OptionModel?], pool: inout SwitchPool) -> SwitchSides? {
        guard !leaves.isEmpty, let f = context.scenario.index(of: plan.fromID), let t = context.scenario.index(of: plan.toID), f != t,
              !context.scenario.options[f].type.isComposite, !context.scenario.options[t].type.isComposite else {
            return SwitchSides(plan, context, demands: demands, pool: &pool)
        }
        return SwitchSides(from: leaf(f, &leaves, context), to: leaf(t, &leaves, context), overlap: plan.overlapMonths, demands: demands,
                           pool: &pool)
    }

    /// A switch whose sides carry no state, summed as `run` sums its schedule.
    private static func run(_ sides: SwitchSides, switchAt at: Int, _ demands: UnsafeBufferPointer<MonthDemand>,
                            _ discount: UnsafeBufferPointer<Double>, _ row: UnsafeMutableBufferPointer<Double>) -> OptionTotals {
        var total = 0.0, npv = 0.0
        for i in demands.indices {
            let t = sides.monthTotal(demands[i], switchAt: at)
            total += t
            row[i] = total
            npv += t * discount[i]
        }
        return OptionTotals(totalCost: total, npv: npv, breakevenMonth: nil)
    }
}
