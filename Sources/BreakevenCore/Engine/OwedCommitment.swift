/// What an option's commitments still owe after the horizon's last month: reserved GPUs to the
/// end of their terms, provisioned units to the end of the term they are held for. The total a
/// report shows stops at the horizon; this is the bill that does not.
struct OwedCommitment: Sendable, Hashable {
    /// Months after the horizon until the last commitment ends.
    var months: Int
    var amount: Double

    /// Several models' commitments as one option's: the longest tail, the amounts added.
    static func combining(_ parts: [OwedCommitment?]) -> OwedCommitment? {
        let owed = parts.compactMap { $0 }
        guard let months = owed.map(\.months).max() else { return nil }
        return OwedCommitment(months: months, amount: owed.reduce(0) { $0 + $1.amount })
    }
}

/// The end of a projection: how many months it ran, and the calendar after it, whose months
/// a commitment still pays for (by the hour where it is priced by the hour).
struct HorizonEnd: Sendable {
    var months: Int
    /// The first month after the horizon.
    var next: CalendarMonth

    init(months: Int, start: CalendarMonth) {
        self.months = months
        next = start.adding(months: months)
    }

    /// Hours in the first `count` months after the horizon.
    func hours(_ count: Int) -> Double {
        (0..<max(0, count)).reduce(0) { $0 + next.adding(months: $1).hours }
    }
}
