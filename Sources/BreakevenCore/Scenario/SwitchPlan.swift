/// Start on one option and move to another at a month, or at the month that costs least.
struct SwitchPlan: Sendable, Hashable {
    enum At: Sendable, Hashable {
        /// 1-based: `to` starts this month (its one-time costs fall here) and serves from the end
        /// of the overlap.
        case month(Int)
        /// Every switch month and never switching are evaluated; the lowest NPV wins.
        case best
    }

    var fromID: String
    var toID: String
    var at: At
    /// Months from the switch month during which `from` still serves (and is billed for) all the
    /// traffic while `to` runs without traffic, billed what it costs standing by (`OptionModel`).
    var overlapMonths: Int = 0
}
