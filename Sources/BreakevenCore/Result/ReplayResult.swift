/// What the months that happened (`workload.actuals`) would have cost under one option
/// (`Simulator.replay`): the same figures as the projection's months, their total, and the
/// savings against the baseline's replay.
public struct ReplayResult: Sendable, Hashable, Codable {
    public var months: [MonthResult]
    public var totalCost: Double
    public var savingsVsBaseline: Double

    enum CodingKeys: String, CodingKey {
        case months
        case totalCost = "total_cost"
        case savingsVsBaseline = "savings_vs_baseline"
    }
}
