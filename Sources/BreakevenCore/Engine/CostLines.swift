/// One month's cost of one option, split by where the money goes (USD).
public struct CostLines: Sendable, Hashable, Codable {
    public var api = 0.0
    public var gpu = 0.0
    /// Purchases (cash) or amortization; resale and end-of-horizon book value are negative.
    public var hardware = 0.0
    public var energy = 0.0
    public var subscription = 0.0
    /// Reserved model capacity bought from an API provider (provisioned units).
    public var provisioned = 0.0
    public var team = 0.0
    public var fixed = 0.0
    public var oneTime = 0.0

    public init() {}

    public var total: Double { api + gpu + hardware + energy + subscription + provisioned + team + fixed + oneTime }

    /// Everything but one-time costs: what the option costs to keep running.
    public var runRate: Double { total - oneTime }

    public static func + (a: CostLines, b: CostLines) -> CostLines {
        var c = CostLines()
        c.api = a.api + b.api
        c.gpu = a.gpu + b.gpu
        c.hardware = a.hardware + b.hardware
        c.energy = a.energy + b.energy
        c.subscription = a.subscription + b.subscription
        c.provisioned = a.provisioned + b.provisioned
        c.team = a.team + b.team
        c.fixed = a.fixed + b.fixed
        c.oneTime = a.oneTime + b.oneTime
        return c
    }

    /// The components in report order, with their column names.
    public var named: [(name: String, value: Double)] {
        [("api", api), ("gpu", gpu), ("hardware", hardware), ("energy", energy), ("subscription", subscription),
         ("provisioned", provisioned), ("team", team), ("fixed", fixed), ("one_time", oneTime)]
    }

    enum CodingKeys: String, CodingKey {
        case api, gpu, hardware, energy, subscription, provisioned, team, fixed
        case oneTime = "one_time"
    }
}
