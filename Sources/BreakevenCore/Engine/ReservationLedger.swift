/// Rented GPUs bought for a term (`commitment: "reserved_1y"` or `"reserved_3y"`): what a month
/// buys is paid every hour until its term ends, whatever the load, as AWS, GCP and Lambda bill a
/// reservation from its purchase. A month that needs more than is held buys the difference at
/// that month's price; capacity whose term has ended is bought again only if the month needs it.
/// Counted in whole instances (or the instances one large replica spans: `InstancePacking`).
/// A value its cost model keeps in place and steps (a class held behind a reference cost a
/// retain and a release every month of every trial).
struct ReservationLedger {
    /// What one month bought: how many, the month (0-based), and its price factor (the GPU price
    /// trend), kept for the whole term.
    struct Purchase {
        var count = 0.0
        var month = 0
        var factor = 0.0
    }

    let termMonths: Int
    /// The purchases of the last `termMonths` months, by month index modulo the term.
    private var bought: [Purchase]
    private var lastMonth = -1
    /// Held in the month last stepped, and the sum of each purchase × its price factor.
    private(set) var held = 0.0
    private(set) var pricedHeld = 0.0

    init(termMonths: Int) {
        self.termMonths = max(1, termMonths)
        bought = Array(repeating: Purchase(), count: self.termMonths)
    }

    /// Holds at least `need` in month `index` (stepped in order), buying what is missing at
    /// `factor`. Purchases whose term ended before `index` are let go first.
    /// Returns what is then held, and its sum of each purchase × its price factor.
    @discardableResult
    mutating func hold(_ need: Double, month index: Int, factor: Double) -> (held: Double, pricedHeld: Double) {
        let expired = expire(before: index)
        buy(max(0, need - held), month: index, factor: factor, expired: expired)
        return (held, pricedHeld)
    }

    /// Buys `count` in month `index` (stepped in order) at `factor`: a purchase replayed.
    mutating func buy(_ count: Double, month index: Int, factor: Double) {
        buy(count, month: index, factor: factor, expired: expire(before: index))
    }

    /// Lets go of the purchases whose term ended before month `index`; whether any did.
    private mutating func expire(before index: Int) -> Bool {
        if index < lastMonth { restart() }
        var changed = false
        if index > lastMonth {
            // Months since the last one stepped: their slots' purchases (a term ago) end now.
            for m in max(lastMonth + 1, index - termMonths + 1)...index where bought[m % termMonths].count > 0 {
                bought[m % termMonths].count = 0
                changed = true
            }
            lastMonth = index
        }
        if changed { held = count() }
        return changed
    }

    private mutating func buy(_ amount: Double, month index: Int, factor: Double, expired: Bool) {
        var changed = expired
        if amount > 0 {
            let slot = index % termMonths
            bought[slot] = Purchase(count: bought[slot].count + amount, month: index, factor: factor)
            changed = true
        }
        guard changed else { return }
        // Summed slot by slot in index order: the same additions whichever months changed them.
        held = count()
        var priced = 0.0
        for p in bought where p.count > 0 { priced += p.count * p.factor }
        pricedHeld = priced
    }

    /// Everything held: whole numbers, exact in any order.
    @inline(__always)
    private func count() -> Double {
        var total = 0.0
        for p in bought { total += p.count }
        return total
    }

    /// What month `index` bought (0 when it bought nothing or has not been stepped).
    func purchase(in index: Int) -> Double {
        let p = bought[index % termMonths]
        return p.month == index ? p.count : 0
    }

    /// What is still held after month `months - 1`, purchase by purchase, with the months of its
    /// term left after it.
    func owed(after months: Int) -> [(purchase: Purchase, monthsLeft: Int)] {
        bought.compactMap { p in
            let left = p.month + termMonths - months
            return p.count > 0 && left > 0 ? (p, left) : nil
        }
    }

    /// Takes over an earlier ledger's purchases (a replay builds each month's model anew).
    mutating func continueFrom(_ earlier: ReservationLedger) {
        guard earlier.termMonths == termMonths else { return }
        (bought, lastMonth, held, pricedHeld) = (earlier.bought, earlier.lastMonth, earlier.held, earlier.pricedHeld)
    }

    /// Holds nothing, as built.
    mutating func restart() {
        for k in bought.indices { bought[k].count = 0 }
        (lastMonth, held, pricedHeld) = (-1, 0, 0)
    }
}
