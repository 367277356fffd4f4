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

    init(termMonths: Int, months: Int) {
        self.termMonths = termMonths
        factor.reserveCapacity(months)
        costBefore.reserveCapacity(months + 1)
    }

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
    /// e (standing by before), replayed from i, for each (i, e) of `starts`.
    func starting(_ starts: [(start: Int, serving: Int)], _ needs: Needs,
                  discountedBefore: [Double]) -> [(total: Double, npv: Double)] {
        var bought = [Double](repeating: 0, count: needs.groups.count)
        return needs.groups.withUnsafeBufferPointer { groups in
            needs.idleGroups.withUnsafeBufferPointer { idleGroups in
                factor.withUnsafeBufferPointer { factor in
                    costBefore.withUnsafeBufferPointer { costBefore in
                        discountedBefore.withUnsafeBufferPointer { discountedBefore in
                            bought.withUnsafeMutableBufferPointer { bought in
                                starts.map { i, e in
                                    let n = groups.count, term = termMonths
                                    var held = 0.0, total = 0.0, npv = 0.0
                                    @inline(__always) func month(_ m: Int, needs: UnsafeBufferPointer<Double>) {
                                        let buy = max(0, needs[m] - held)
                                        bought[m] = buy
                                        held += buy
                                        guard buy > 0 else { return }
                                        let end = min(m + term, n)
                                        total += buy * factor[m] * (costBefore[end] - costBefore[m])
                                        npv += buy * factor[m] * (discountedBefore[end] - discountedBefore[m])
                                    }
                                    // Purchases end a term after they were made: none before month i + term
                                    // (the loop split there rather than asking each month).
                                    @inline(__always) func replay(_ months: Range<Int>, needs: UnsafeBufferPointer<Double>) {
                                        let firstEnding = min(max(months.lowerBound, i + term), months.upperBound)
                                        for m in months.lowerBound..<firstEnding { month(m, needs: needs) }
                                        for m in firstEnding..<months.upperBound {
                                            held -= bought[m - term]
                                            month(m, needs: needs)
                                        }
                                    }
                                    // Standing by, then serving.
                                    replay(i..<min(e, n), needs: idleGroups)
                                    replay(min(e, n)..<n, needs: groups)
                                    return (total, npv)
                                }
                            }
                        }
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
