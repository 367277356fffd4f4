/// One month's cost of one option, split by where the money goes (USD).
public struct CostLines: Sendable, Hashable, Codable {
    public var api = 0.0
    public var gpu = 0.0
    /// Purchases (cash) or amortization; resale and end-of-horizon book value are negative.
    public var hardware = 0.0
    var energy = 0.0
    public var subscription = 0.0
    /// Reserved model capacity bought from an API provider (provisioned units).
    public var provisioned = 0.0
    public var team = 0.0
    public var fixed = 0.0
    public var oneTime = 0.0

    public init() {}

    public var total: Double { api + gpu + hardware + energy + subscription + provisioned + team + fixed + oneTime }

    /// Everything but one-time costs: what the option costs to keep running.
    var runRate: Double { total - oneTime }

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

    /// One component as reports show it: its key (the JSON key, and the CSV column `KEY_cost`),
    /// its title, and where its amount is.
    public struct Line: Sendable {
        public let key: String
        public let title: String
        public let amount: WritableKeyPath<CostLines, Double> & Sendable
    }

    /// Every component in report order: the one list renderers read, so a new component is
    /// declared here and nowhere else.
    public static let lines: [Line] = [
        Line(key: "api", title: "API", amount: \.api), Line(key: "gpu", title: "GPU", amount: \.gpu),
        Line(key: "hardware", title: "Hardware", amount: \.hardware), Line(key: "energy", title: "Energy", amount: \.energy),
        Line(key: "subscription", title: "Subscription", amount: \.subscription),
        Line(key: "provisioned", title: "Provisioned units", amount: \.provisioned),
        Line(key: "team", title: "Team", amount: \.team), Line(key: "fixed", title: "Fixed", amount: \.fixed),
        Line(key: "one_time", title: "One-time", amount: \.oneTime),
    ]

    enum CodingKeys: String, CodingKey {
        case api, gpu, hardware, energy, subscription, provisioned, team, fixed
        case oneTime = "one_time"
    }
}
