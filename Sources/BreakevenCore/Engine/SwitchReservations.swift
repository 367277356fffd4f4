/// The GPUs a side of a switch reserves for a term (`commitment: "reserved_1y"`), priced for
/// every switch month at once (`SwitchSides`). A purchase costs its count × its month's price
/// factor × a group's cost in each month it is held (`ReservationLedger`'s rule, summed by
/// purchase rather than by month); `costBefore` and `discountedBefore` are those group costs
/// summed over the months before each, plain and discounted.
struct SwitchReservations {
    var termMonths: Int
    /// The price factor of each month (the GPU price trend).
    var factor: [Double] = []
    /// A reserved group's cost in each month at month-1 prices, summed over the months before each.
    var costBefore: [Double] = []

    /// Its lists come from `pool`; `recycle(into:)` gives them back.
    init(termMonths: Int, months: Int, pool: inout SwitchPool) {
        self.termMonths = termMonths
        factor = pool.months.take(capacity: months)
        costBefore = pool.months.take(capacity: months + 1)
        costBefore.append(0)
    }

    mutating func recycle(into pool: inout SwitchPool) {
        pool.months.give(&factor)
        pool.months.give(&costBefore)
    }

    mutating func append(factor f: Double, groupCost: Double) {
        factor.append(f)
        costBefore.append(costBefore[costBefore.count - 1] + groupCost)
    }

    /// `costBefore` discounted month by month, written into `sums` (emptied first).
    func discountedBefore(_ discount: UnsafeBufferPointer<Double>, into sums: consuming [Double]) -> [Double] {
        sums.removeAll(keepingCapacity: true)
        sums.append(0)
        for m in 0..<(costBefore.count - 1) { sums.append(sums[m] + (costBefore[m + 1] - costBefore[m]) * discount[m]) }
        return sums
    }

    /// `to` reserving: what each month needs held, serving and standing by.
    struct Needs {
        var groups: [Double] = []
        var idleGroups: [Double] = []
    }

    /// What `to`'s reservations cost from month i to the end when it starts at i and serves from
    /// e (standing by before), replayed from i, for each (i, e) of `starts`. Four starts are
    /// replayed side by side: each month of a replay waits on the month before (what it holds),
    /// so four independent ones run in little more than the time of one. Each replay's arithmetic
    /// is its own, in month order, as if it ran alone.
    /// - Parameter results: a slot for each start, written.
    // Kept out of line: inlined into `SwitchSides.candidates`, its replay loop counted 6% more
    // instructions (callgrind, team-coding-assistant).
    @inline(never)
    func starting(_ starts: [(start: Int, serving: Int)], _ needs: Needs, discountedBefore: [Double],
                  into results: inout [(total: Double, npv: Double)], pool: inout SwitchPool) {
        let n = needs.groups.count
        // No month or no start: no replay steps.
        guard n > 0, let last = starts.indices.last else { return }
        // What each month bought, a row for each of the four replays (each month written before it is read).
        var scratch = pool.months.take(repeating: 0, count: 4 * n)
        defer { pool.months.give(&scratch) }
        needs.groups.withUnsafeBufferPointer { groups in
            needs.idleGroups.withUnsafeBufferPointer { idleGroups in
                factor.withUnsafeBufferPointer { factor in
                    costBefore.withUnsafeBufferPointer { costBefore in
                        discountedBefore.withUnsafeBufferPointer { discountedBefore in
                            scratch.withUnsafeMutableBufferPointer { scratch in
                                // Not empty: n > 0.
                                guard let bought = scratch.baseAddress else { return }
                                let prices = Replay.Prices(term: termMonths, months: n, groups: groups, idleGroups: idleGroups, factor: factor,
                                                           costBefore: costBefore, discountedBefore: discountedBefore)
                                // The last group is filled with its last start again; those replays' results are not kept.
                                for j in stride(from: 0, through: last, by: 4) {
                                    var a = Replay(starts[j], bought: bought), b = Replay(starts[min(j + 1, last)], bought: bought + n)
                                    var c = Replay(starts[min(j + 2, last)], bought: bought + 2 * n)
                                    var d = Replay(starts[min(j + 3, last)], bought: bought + 3 * n)
                                    // Each alone up to the latest start, then all four together.
                                    let all = max(a.start, b.start, c.start, d.start)
                                    for m in a.start..<all { a.step(m, prices) }
                                    for m in b.start..<all { b.step(m, prices) }
                                    for m in c.start..<all { c.step(m, prices) }
                                    for m in d.start..<all { d.step(m, prices) }
                                    for m in all..<n {
                                        a.step(m, prices)
                                        b.step(m, prices)
                                        c.step(m, prices)
                                        d.step(m, prices)
                                    }
                                    results[j] = (a.total, a.npv)
                                    if j + 1 <= last { results[j + 1] = (b.total, b.npv) }
                                    if j + 2 <= last { results[j + 2] = (c.total, c.npv) }
                                    if j + 3 <= last { results[j + 3] = (d.total, d.npv) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// One start's replay: what it holds, what each month bought, and what it has cost so far.
    private struct Replay {
        /// What every replay reads.
        struct Prices {
            var term: Int
            var months: Int
            var groups: UnsafeBufferPointer<Double>
            var idleGroups: UnsafeBufferPointer<Double>
            var factor: UnsafeBufferPointer<Double>
            var costBefore: UnsafeBufferPointer<Double>
            var discountedBefore: UnsafeBufferPointer<Double>
        }

        let start: Int
        /// The month it starts serving: before it, it stands by (`idleGroups`).
        let serving: Int
        let bought: UnsafeMutablePointer<Double>
        var held = 0.0, total = 0.0, npv = 0.0

        init(_ start: (start: Int, serving: Int), bought: UnsafeMutablePointer<Double>) {
            self.start = start.start
            serving = start.serving
            self.bought = bought
        }

        /// Month m: purchases made a term ago end, and what the month needs beyond what is
        /// held is bought at its price for its term.
        @inline(__always)
        mutating func step(_ m: Int, _ p: Prices) {
            if m >= start + p.term { held -= bought[m - p.term] }
            let buy = max(0, (m < serving ? p.idleGroups[m] : p.groups[m]) - held)
            bought[m] = buy
            held += buy
            guard buy > 0 else { return }
            let end = min(m + p.term, p.months)
            total += buy * p.factor[m] * (p.costBefore[end] - p.costBefore[m])
            npv += buy * p.factor[m] * (p.discountedBefore[end] - p.discountedBefore[m])
        }
    }

    /// What `from`'s reservations still cost after it stops serving at month e: the purchases of
    /// the term before e (`bought`, a month each, from stepping it once) for the rest of their terms.
    func owedLeaving(at e: Int, bought: [Double], discountedBefore: [Double]) -> (total: Double, npv: Double) {
        let n = factor.count
        var total = 0.0, npv = 0.0
        for p in max(0, e - termMonths)..<e where bought[p] > 0 {
            let end = min(p + termMonths, n)
            guard end > e else { continue }
            total += bought[p] * factor[p] * (costBefore[end] - costBefore[e])
            npv += bought[p] * factor[p] * (discountedBefore[end] - discountedBefore[e])
        }
        return (total, npv)
    }
}
