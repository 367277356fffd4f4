/// What one option costs in one month, as its cost model computes it: the one place each cost
/// formula lives. `Simulator.project` dresses it as a `MonthlyProjection`; the totals-only path
/// of Monte Carlo trials and sweeps only adds it up.
struct MonthCost {
    var costs = CostLines()
    /// Tokens this option processes (output after its output_token_multiplier).
    var inputTokens = 0.0
    var outputTokens = 0.0
    var replicas: Double?
    /// GPUs paid for at the month's peak hour: rented in whole instances, reserved ones included;
    /// nil where no GPUs are rented.
    var gpus: Double?
    var utilization: Double?
    var unmetRequests = 0.0
    /// Cost without one-time costs and with bought machines amortized; nil: `costs.runRate`.
    var runRateCost: Double?
    /// Book value of machines still owned when the option stops, credited in `costs.hardware`.
    var resaleCredit = 0.0
}

extension MonthlyProjection {
    init(_ demand: MonthDemand, _ cost: MonthCost) {
        self.init(index: demand.index, date: demand.date, requests: demand.requests,
                  inputTokens: cost.inputTokens, outputTokens: cost.outputTokens, costs: cost.costs,
                  replicas: cost.replicas, utilization: cost.utilization, unmetRequests: cost.unmetRequests,
                  runRateCost: cost.runRateCost, resaleCredit: cost.resaleCredit, gpus: cost.gpus)
    }
}
