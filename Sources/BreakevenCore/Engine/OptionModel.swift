/// One option's cost model, ready to be stepped month by month.
struct OptionModel {
    enum Model {
        /// An option that serves traffic itself.
        case single(any MonthlyCostModel)
        /// Months served by different models in turn: a switch, or the baseline standing in for
        /// an option in months a phase does not allow it.
        case schedule(models: [OptionModel], segments: [Segment])
        /// Each model serves its share of every month's requests; costs add up.
        case mix([(model: OptionModel, share: Double)])
    }

    /// A stretch of months served by one of the schedule's models (by index, so a model that
    /// serves several stretches keeps its state across them).
    struct Segment {
        var months: Range<Int>
        var model: Int
        /// Where the model's one-time costs fall.
        var firstActive: Int
        /// A model billed beside it without traffic, started in the segment's first month: `to`
        /// during a switch's overlap.
        var standby: Int? = nil

        /// The month model j starts in: its first stretch's first active month, or the month
        /// it starts standing by; nil where it never runs.
        static func start(of j: Int, in segments: [Segment]) -> Int? {
            guard let first = segments.first(where: { $0.model == j || $0.standby == j }) else { return nil }
            return first.model == j ? first.firstActive : first.months.lowerBound
        }
    }

    var model: Model

    /// - Parameters:
    ///   - amortizedAuto: owned hardware counted amortized and bought as needed, phases and
    ///     switch timing ignored (the breakeven-volume view at month-1 prices).
    ///   - switchAt: for a switch, the 1-based month `to` takes over (nil: the plan's own month;
    ///     past the horizon: never).
    ///   - trends: where price trends take their tables from (nil: computed month by month).
    init(_ option: ServingOption, in scenario: Scenario, amortizedAuto: Bool = false, switchAt: Int? = nil,
         trends: TrendTableCache? = nil) {
        self.init(id: option.id, kind: option.kind, CostModelContext(scenario: scenario, amortizedAuto: amortizedAuto, trends: trends),
                  switchAt: switchAt)
    }

    /// The model of the option with this id and kind: what the model reads of an option, taken
    /// out of the scenario's list without copying the whole option (over a kilobyte with a
    /// derived capacity and its setup) every trial; the context is built once for every option
    /// of a trial (it holds the scenario).
    init(id: String, kind: ServingOption.Kind, _ context: borrowing CostModelContext, switchAt: Int? = nil) {
        switch kind {
        case .switchover(let plan):
            guard let from = context.scenario.kind(of: plan.fromID), let to = context.scenario.kind(of: plan.toID) else {
                model = .schedule(models: [], segments: [])
                return
            }
            if context.amortizedAuto {
                self = OptionModel(leaf: to, context)
                return
            }
            var at = switchAt ?? 1
            if switchAt == nil, case .month(let k) = plan.at { at = k }
            let k = min(max(at - 1, 0), context.scenario.months)
            // Overlap: `from` serves on while `to` stands by from month k; `to` serves alone after.
            let alone = min(k + max(plan.overlapMonths, 0), context.scenario.months)
            var segments: [Segment] = []
            if k > 0 { segments.append(Segment(months: 0..<k, model: 0, firstActive: 0)) }
            if k < alone { segments.append(Segment(months: k..<alone, model: 0, firstActive: 0, standby: 1)) }
            if alone < context.scenario.months { segments.append(Segment(months: alone..<context.scenario.months, model: 1, firstActive: k)) }
            model = .schedule(models: [OptionModel(leaf: from, context), OptionModel(leaf: to, context)], segments: segments)
        case .mix(let mix):
            model = .mix(mix.loads.compactMap { load in
                context.scenario.kind(of: load.optionID).map { (OptionModel(leaf: $0, context), load.share) }
            })
        default:
            self = OptionModel(leaf: kind, context)
            guard !context.amortizedAuto, !context.scenario.workload.phases.isEmpty else { return }
            let phases = context.scenario.workload.phases
            guard id != context.scenario.baselineID, let baseline = context.scenario.kind(of: context.scenario.baselineID),
                  (0..<context.scenario.months).contains(where: { !phases.allows(id, month: $0) }) else { return }
            let own = self
            // Months a phase forbids are served by the baseline; the option starts when first allowed.
            let first = (0..<context.scenario.months).first { phases.allows(id, month: $0) } ?? context.scenario.months
            var segments: [Segment] = []
            var start = 0
            while start < context.scenario.months {
                let allowed = phases.allows(id, month: start)
                var end = start + 1
                while end < context.scenario.months, phases.allows(id, month: end) == allowed { end += 1 }
                segments.append(Segment(months: start..<end, model: allowed ? 0 : 1, firstActive: allowed ? first : 0))
                start = end
            }
            // One instance of the option across its allowed stretches (bought machines carry over).
            model = .schedule(models: [own, OptionModel(leaf: baseline, context)], segments: segments)
        }
    }

    /// A model for a single (non-composite) option.
    init(leaf option: ServingOption, _ scenario: Scenario, amortizedAuto: Bool = false, trends: TrendTableCache? = nil) {
        self.init(leaf: option.kind, CostModelContext(scenario: scenario, amortizedAuto: amortizedAuto, trends: trends))
    }

    init(leaf kind: ServingOption.Kind, _ context: borrowing CostModelContext) {
        guard case .single(let terms) = kind else {
            // The language allows only single options inside composites.
            model = .schedule(models: [], segments: [])
            return
        }
        model = .single(terms.costModel(context))
    }

    /// The month of a single model whose months do not depend on the months before (an API, rented
    /// GPUs, seats: no state and no end-of-life credit); callers have checked it is stateless.
    func monthCostAlone(_ demand: MonthDemand) -> MonthCost {
        guard case .single(let m) = model else { return MonthCost() }
        return m.monthCost(demand, isLast: false)
    }

    /// What a single model still owes in a month it does not serve (nil for composites).
    func committedCost(_ demand: MonthDemand) -> MonthCost? {
        guard case .single(let m) = model else { return nil }
        return m.committedCost(demand)
    }

    /// What the model's commitments owe after the horizon, once its months are stepped: a
    /// schedule's models that served (or stood by), a mix's members, added up.
    func owedAfter(_ horizon: HorizonEnd, startedIn start: Int = 0) -> OwedCommitment? {
        switch model {
        case .single(let m):
            return m.owedAfter(horizon, startedIn: start)
        case .schedule(let models, let segments):
            return OwedCommitment.combining(models.indices.map { j in
                Segment.start(of: j, in: segments).map { models[j].owedAfter(horizon, startedIn: $0) } ?? nil
            })
        case .mix(let members):
            return OwedCommitment.combining(members.map { $0.model.owedAfter(horizon, startedIn: start) })
        }
    }

    /// What such a model charges once, in the month it starts serving (0 for composites).
    var oneTimeCost: Double {
        if case .single(let m) = model { return m.oneTimeCost }
        return 0
    }

    mutating func month(_ demand: MonthDemand, isLast: Bool) -> MonthlyProjection {
        switch model {
        case .single(let m):
            return MonthlyProjection(demand, m.monthCost(demand, isLast: isLast))
        case .schedule(var models, let segments):
            guard let segment = segments.first(where: { $0.months.contains(demand.index) }) else {
                return MonthlyProjection(index: demand.index, date: demand.date, requests: demand.requests,
                                         inputTokens: 0, outputTokens: 0, costs: CostLines())
            }
            // Leaving an option for good (a switch) ends its life: machines are credited as at the
            // horizon's end. A model that serves again later is only paused.
            let servesAgain = segments.contains { $0.model == segment.model && $0.months.lowerBound >= segment.months.upperBound }
            let leaving = demand.index == segment.months.upperBound - 1 && !servesAgain
            var m = models[segment.model].month(demand.startingIn(segment.firstActive), isLast: isLast || leaving)
            if let standby = segment.standby {
                let idle = models[standby].month(demand.with(requests: 0).startingIn(segment.months.lowerBound), isLast: isLast)
                m = MonthlyProjection(combining: [m, idle], demand: demand)
            }
            // A model that served before and does not now still owes its reservations, counted
            // from the month it started.
            for j in models.indices where j != segment.model && j != segment.standby
                && segments.contains(where: { $0.model == j && $0.months.lowerBound < demand.index }) {
                if let start = Segment.start(of: j, in: segments), let owed = models[j].committedCost(demand.startingIn(start)) {
                    m.add(owed: owed)
                }
            }
            model = .schedule(models: models, segments: segments)
            return m
        case .mix(var members):
            var parts: [MonthlyProjection] = []
            for j in members.indices {
                parts.append(members[j].model.month(demand.with(requests: demand.requests * members[j].share), isLast: isLast))
            }
            model = .mix(members)
            return MonthlyProjection(combining: parts, demand: demand)
        }
    }
}

extension Scenario {
    /// The kind of the option with this id, read in place (see `OptionModel.init(id:kind:in:)`).
    func kind(of id: String) -> ServingOption.Kind? {
        guard let k = index(of: id) else { return nil }
        return options[k].kind
    }

    /// Where the option with this id is in the list, found without copying an option.
    func index(of id: String) -> Int? {
        for k in options.indices where options[k].id == id { return k }
        return nil
    }
}

extension MonthlyProjection {
    /// What a model that does not serve this month still owes (its reservations) added in: a cost
    /// of running, and GPUs paid for.
    mutating func add(owed: MonthCost) {
        costs = costs + owed.costs
        runRateCost += owed.costs.runRate
        if let g = owed.gpus { gpus = (gpus ?? 0) + g }
    }

    /// Several options' months as one: costs and tokens add up, replicas add up, utilization is
    /// weighted by replicas.
    init(combining parts: [MonthlyProjection], demand: MonthDemand) {
        var costs = CostLines()
        var replicas: Double?, gpus: Double?
        var busy = 0.0
        for p in parts {
            costs = costs + p.costs
            if let g = p.gpus { gpus = (gpus ?? 0) + g }
            if let r = p.replicas {
                replicas = (replicas ?? 0) + r
                busy += r * (p.utilization ?? 0)
            }
        }
        self.init(index: demand.index, date: demand.date, requests: demand.requests,
                  inputTokens: parts.reduce(0) { $0 + $1.inputTokens }, outputTokens: parts.reduce(0) { $0 + $1.outputTokens },
                  costs: costs, replicas: replicas, utilization: replicas.flatMap { $0 > 0 ? busy / $0 : nil },
                  unmetRequests: parts.reduce(0) { $0 + $1.unmetRequests },
                  runRateCost: parts.reduce(0) { $0 + $1.runRateCost },
                  resaleCredit: parts.reduce(0) { $0 + $1.resaleCredit }, gpus: gpus)
    }
}
