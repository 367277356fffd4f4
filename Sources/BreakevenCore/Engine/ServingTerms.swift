/// A single option's terms, as its kind's declaration lowers them: what the engine builds the
/// option's month-by-month cost model from. A new option kind brings its terms and its cost
/// model; nothing in the engine lists the kinds.
protocol ServingTerms: Sendable {
    func costModel(_ context: CostModelContext) -> any MonthlyCostModel
    /// What one replica or unit serves, for options that provision capacity; nil for the rest.
    var provisioning: Provisioning? { get }
    /// The terms billed as an API, for the options that overflow to one; nil for other kinds.
    /// (Built where the terms lie: a dynamic cast from the existential took 400 instructions,
    /// and a copy of an API's prices out of it a few hundred more, every trial.)
    func apiBill(_ context: CostModelContext) -> APIBill?
}

extension ServingTerms {
    var provisioning: Provisioning? { nil }
    func apiBill(_ context: CostModelContext) -> APIBill? { nil }
}

/// What one replica (rented GPUs) or unit (a machine, a provisioned unit) of an option serves.
public struct Provisioning: Sendable, Hashable {
    /// Its rates, where it has them (provisioned units are stated in tokens a minute instead).
    public var throughput: Throughput?
    /// Devices per replica or unit (0: none of the scenario's own).
    public var devices: Int
    /// "replica" or "unit".
    public var noun: String
    /// Output tokens billed per output token of the workload (reasoning overhead).
    var outputTokenMultiplier: Double = 1
}

/// What building a cost model may need beyond the option's terms.
struct CostModelContext {
    /// A trial's scenario is lent to its context (`Simulator.totals`), a placeholder held before and after.
    var scenario: Scenario
    /// Owned hardware counted amortized and bought as needed (the breakeven-volume view).
    var amortizedAuto = false
    var trends: TrendTableCache?
    /// Where rented replicas take the load shape's distinct factors from (nil: sorted anew).
    var dayShapes: DayShapeMemo?

    /// The bill of the api option an option overflows to; nil: none, or not an api option.
    func overflowBill(to id: String?) -> APIBill? {
        guard let id, let k = scenario.index(of: id), case .single(let terms) = scenario.options[k].kind else { return nil }
        return terms.apiBill(self)
    }
}

/// One option's cost, month by month: the one place each cost formula lives. A model that carries
/// state from month to month (machines bought) holds it by reference, so that stepping a month
/// copies nothing; build a new model for each run.
protocol MonthlyCostModel {
    func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost
    /// The month's total alone (what trials and sweep points add up): a plain number returned
    /// where a whole `MonthCost` would be copied out of each call.
    func monthTotal(_ demand: MonthDemand, isLast: Bool) -> Double
    /// A month's cost depends on no month before it (APIs, rented GPUs, seats): a switch's
    /// candidate months are then summed, not projected one by one.
    var isStateless: Bool { get }
    /// What the option charges once, in the month it starts serving.
    var oneTimeCost: Double { get }
    /// The months summed as `Simulator.totals` sums them (the running total of each month to
    /// `row`), with this model's month inlined: one call a run instead of one a month.
    func sum(_ demands: UnsafeBufferPointer<MonthDemand>, _ discount: UnsafeBufferPointer<Double>,
             into row: UnsafeMutableBufferPointer<Double>) -> OptionTotals
    /// Each month's total alone (not the last month's), for a model that started serving in
    /// month `first`, without traffic where `idle`, appended to `out`: a switch prices a side
    /// that carries no state from these, one call a side instead of one a month.
    func monthTotals(_ demands: UnsafeBufferPointer<MonthDemand>, startingIn first: Int, idle: Bool, into out: inout [Double])
    /// Lends the model storage it reuses from one trial to the next (an owned fleet's unit
    /// list), and takes it back: a trial then allocates nothing.
    func exchangeStorage(_ storage: inout CostModelStorage)
    /// Forgets the months stepped (what a ledger bought): a trial's model of an option serves its
    /// own run and a switch's side in turn.
    func restart()
    /// Takes over the state of the same option's model built for an earlier month (a replay
    /// builds each month that happened from its own request mix and prices; what was bought or
    /// committed stays so).
    func continueFrom(_ earlier: any MonthlyCostModel)
    /// What the model still owes in a month it does not serve, once it has served (a switch away,
    /// a phase that pauses it): GPUs reserved for a term are paid to its end (and counted among
    /// the GPUs paid). nil: nothing.
    func committedCost(_ demand: MonthDemand) -> MonthCost?
    /// Whether `committedCost` can owe anything (reserved replicas, GPUs or units bought for a
    /// term): a switch does not ask a side that never owes in each of its months.
    var mayOweWhenIdle: Bool { get }
    /// The model as rented replicas, which a switch prices month by month with and without their
    /// reservations (a dynamic cast from the existential is dear at 10,000 trials).
    var rentedReplicas: ReplicaSizing? { get }
    /// What it owes after the horizon's last month, read once the months are stepped, for a
    /// model that started serving in month `start`. nil: nothing.
    func owedAfter(_ horizon: HorizonEnd, startedIn start: Int) -> OwedCommitment?
}

/// Buffers cost models and switches borrow from a thread's workspace, kept from one trial to the next.
struct CostModelStorage {
    /// An owned fleet's unit list.
    var units: [OwnedFleet.Batch] = []
    /// A switch's lists of months (`SwitchSides`).
    var switches = SwitchPool()
    /// A trial's models of its options, by option (`Simulator.totals`): emptied after each trial.
    var leaves: [OptionModel?] = []
}

extension Scenario {
    /// What a context holds while no scenario is lent to it: empty, so that making it allocates
    /// nothing and retains nothing that is counted.
    static var lentOut: Scenario {
        Scenario(name: "", start: CalendarMonth(year: 2000, month: 1), months: 0, workload: Workload(volume: .perMonth(0), classes: []), options: [])
    }
}

extension MonthlyCostModel {
    func sum(_ demands: UnsafeBufferPointer<MonthDemand>, _ discount: UnsafeBufferPointer<Double>,
             into row: UnsafeMutableBufferPointer<Double>) -> OptionTotals {
        var total = 0.0, npv = 0.0
        let last = demands.count - 1
        for i in demands.indices {
            let t = monthTotal(demands[i], isLast: i == last)
            total += t
            row[i] = total
            npv += t * discount[i]
        }
        return OptionTotals(totalCost: total, npv: npv, breakevenMonth: nil)
    }

    func monthTotals(_ demands: UnsafeBufferPointer<MonthDemand>, startingIn first: Int, idle: Bool, into out: inout [Double]) {
        for demand in demands { out.append(monthTotal((idle ? demand.with(requests: 0) : demand).startingIn(first), isLast: false)) }
    }

    var isStateless: Bool { true }
    func exchangeStorage(_ storage: inout CostModelStorage) {}
    func restart() {}
    func continueFrom(_ earlier: any MonthlyCostModel) {}
    func committedCost(_ demand: MonthDemand) -> MonthCost? { nil }
    var mayOweWhenIdle: Bool { false }
    var rentedReplicas: ReplicaSizing? { nil }
    func owedAfter(_ horizon: HorizonEnd, startedIn start: Int) -> OwedCommitment? { nil }
}

extension APIPricing: ServingTerms {
    func apiBill(_ context: CostModelContext) -> APIBill? { APIBill(pricing: self, workload: context.scenario.workload, trends: context.trends) }

    func costModel(_ context: CostModelContext) -> any MonthlyCostModel {
        APIBill(pricing: self, workload: context.scenario.workload, trends: context.trends)
    }
}

extension SelfHostedDeployment: ServingTerms {
    var provisioning: Provisioning? { Provisioning(throughput: throughput, devices: gpusPerReplica, noun: "replica", outputTokenMultiplier: outputTokenMultiplier) }

    func costModel(_ context: CostModelContext) -> any MonthlyCostModel {
        ReplicaSizing(deployment: self, workload: context.scenario.workload, trends: context.trends, dayShapes: context.dayShapes)
    }
}

extension OwnedHardwarePlan: ServingTerms {
    var provisioning: Provisioning? { Provisioning(throughput: throughput, devices: 1, noun: "unit", outputTokenMultiplier: outputTokenMultiplier) }

    func costModel(_ context: CostModelContext) -> any MonthlyCostModel {
        context.amortizedAuto
            ? OwnedFleet(plan: self, workload: context.scenario.workload, accounting: .amortized, units: .auto, trends: context.trends)
            : OwnedFleet(plan: self, workload: context.scenario.workload, trends: context.trends)
    }
}

extension SubscriptionTerms: ServingTerms {
    func costModel(_ context: CostModelContext) -> any MonthlyCostModel {
        SubscriptionBill(terms: self, workload: context.scenario.workload, overflow: context.overflowBill(to: overflowOptionID), trends: context.trends)
    }
}

extension APIBill: MonthlyCostModel {
    func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost { monthCost(demand) }
    func monthTotal(_ demand: MonthDemand, isLast: Bool) -> Double { monthCost(demand).costs.total }
    var oneTimeCost: Double { overheads.oneTime }
}

extension ReplicaSizing: MonthlyCostModel {
    func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost { monthCost(demand) }
    func monthTotal(_ demand: MonthDemand, isLast: Bool) -> Double { monthCost(demand).costs.total }
    var oneTimeCost: Double { overheads.oneTime }
    /// GPUs reserved for a term carry what earlier months bought.
    var isStateless: Bool { ledger == nil }
    var mayOweWhenIdle: Bool { reservation != nil || ledger != nil }
    var rentedReplicas: ReplicaSizing? { self }
    func restart() { ledger?.restart() }

    func continueFrom(_ earlier: any MonthlyCostModel) {
        guard let earlier = earlier.rentedReplicas?.ledger else { return }
        ledger?.continueFrom(earlier)
    }
}

extension SubscriptionBill: MonthlyCostModel {
    func monthCost(_ demand: MonthDemand, isLast: Bool) -> MonthCost { monthCost(demand) }
    func monthTotal(_ demand: MonthDemand, isLast: Bool) -> Double { monthCost(demand).costs.total }
    var oneTimeCost: Double { 0 }
}

extension OwnedFleet: MonthlyCostModel {
    func monthTotal(_ demand: MonthDemand, isLast: Bool) -> Double { monthCost(demand, isLast: isLast, withRunRate: false).costs.total }
    var isStateless: Bool { false }
    var oneTimeCost: Double { overheads.oneTime }
    func exchangeStorage(_ storage: inout CostModelStorage) { swapUnitStorage(&storage.units) }

    func restart() {
        bought.batches.removeAll(keepingCapacity: true)
        bought.count = 0
    }

    func continueFrom(_ earlier: any MonthlyCostModel) {
        guard let earlier = earlier as? OwnedFleet else { return }
        bought.batches = earlier.bought.batches
        bought.count = earlier.bought.count
    }
}
