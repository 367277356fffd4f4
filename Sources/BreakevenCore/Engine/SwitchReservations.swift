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
    var costBefore: [Double] = [0]

    mutating func append(factor f: Double, groupCost: Double) {
        factor.append(f)
        costBefore.append(costBefore[costBefore.count - 1] + groupCost)
    }

    /// `costBefore` discounted month by month.
    func discountedBefore(_ discount: UnsafeBufferPointer<Double>) -> [Double] {
        var sums = [0.0]
        sums.reserveCapacity(costBefore.count)
        for m in 0..<(costBefore.count - 1) { sums.append(sums[m] + (costBefore[m + 1] - costBefore[m]) * discount[m]) }
        return sums
    }

    /// `to` reserving: what each month needs held, serving and standing by.
    struct Needs {
        var groups: [Double] = []
        var idleGroups: [Double] = []
    }

    /// What `to`'s reservations cost from month i to the end when it starts at i and serves from
    /// e (standing by before), replayed from i. `bought` is scratch, a slot a month.
    func startingAt(_ i: Int, serving e: Int, _ needs: Needs, discountedBefore: UnsafeBufferPointer<Double>,
                    bought: UnsafeMutableBufferPointer<Double>) -> (total: Double, npv: Double) {
        needs.groups.withUnsafeBufferPointer { groups in
            needs.idleGroups.withUnsafeBufferPointer { idleGroups in
                factor.withUnsafeBufferPointer { factor in
                    costBefore.withUnsafeBufferPointer { costBefore in
                        let n = groups.count, term = termMonths
                        var held = 0.0, total = 0.0, npv = 0.0
                        for m in i..<n {
                            if m - term >= i { held -= bought[m - term] }
                            let buy = max(0, (m < e ? idleGroups[m] : groups[m]) - held)
                            bought[m] = buy
                            held += buy
                            guard buy > 0 else { continue }
                            let end = min(m + term, n)
                            total += buy * factor[m] * (costBefore[end] - costBefore[m])
                            npv += buy * factor[m] * (discountedBefore[end] - discountedBefore[m])
                        }
                        return (total, npv)
                    }
                }
            }
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
