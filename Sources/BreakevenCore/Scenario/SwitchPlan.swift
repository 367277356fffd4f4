/// Start on one option and move to another at a month, or at the month that costs least.
struct SwitchPlan: Sendable, Hashable {
    public enum At: Sendable, Hashable {
        /// 1-based: `to` serves this month and after.
        case month(Int)
        /// Every switch month and never switching are evaluated; the lowest NPV wins.
        case best
    }

    public var fromID: String
    public var toID: String
    public var at: At

    public init(fromID: String, toID: String, at: At) {
        self.fromID = fromID
        self.toID = toID
        self.at = at
    }
}
