/// One option's cost model, ready to be stepped month by month.
struct OptionModel {
    enum Model {
        case api(APIBill)
        case selfHosted(ReplicaSizing)
        case owned(OwnedFleet)
        case subscription(SubscriptionBill)
    }

    var model: Model

    /// - Parameter amortizedAuto: owned hardware counted amortized and bought as needed
    ///   (the breakeven-volume view, where purchase timing must not matter).
    init(_ option: ServingOption, in scenario: Scenario, amortizedAuto: Bool = false) {
        let workload = scenario.workload
        switch option.kind {
        case .api(let pricing):
            model = .api(APIBill(pricing: pricing, workload: workload))
        case .selfHosted(let deployment):
            model = .selfHosted(ReplicaSizing(deployment: deployment, workload: workload))
        case .ownedHardware(let plan):
            model = .owned(amortizedAuto
                ? OwnedFleet(plan: plan, workload: workload, accounting: .amortized, units: .auto)
                : OwnedFleet(plan: plan, workload: workload))
        case .subscription(let terms):
            var overflow: APIBill?
            if let id = terms.overflowOptionID, case .api(let pricing)? = scenario.option(id)?.kind {
                overflow = APIBill(pricing: pricing, workload: workload)
            }
            model = .subscription(SubscriptionBill(terms: terms, workload: workload, overflow: overflow))
        }
    }

    mutating func month(_ demand: MonthDemand, isLast: Bool) -> MonthlyProjection {
        switch model {
        case .api(let bill): return bill.month(demand)
        case .selfHosted(let plan): return plan.month(demand)
        case .owned(var fleet):
            let m = fleet.month(demand, isLast: isLast)
            model = .owned(fleet)
            return m
        case .subscription(let bill): return bill.month(demand)
        }
    }
}
