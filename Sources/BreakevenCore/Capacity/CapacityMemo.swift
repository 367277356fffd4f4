/// Derived capacities already worked out, by setup: a trial that leaves an option's derivation
/// inputs alone does not run the capacity model again. One per thread.
final class CapacityMemo {
    /// The most recently derived setups in a ring, the newest at `newest`, and their capacities
    /// at the same places: a trial that varies only prices finds each option's setup among the
    /// last few, and one that varies the request shape costs a few comparisons that stop at the
    /// first differing number. A new setup overwrites the oldest: nothing is moved. (Arrays of
    /// their own, not one of triples: reading a triple's setup copies the whole triple first.)
    /// (Used by one thread, one call at a time: its accesses are not checked at run time.)
    @exclusivity(unchecked) private var setups: [ServingSetup] = []
    /// Each setup's request shape, what a trial varies most: compared alone before the rest
    /// (reading a setup out of its array copies it).
    @exclusivity(unchecked) private var requests: [RequestShape] = []
    @exclusivity(unchecked) private var capacities: [ReplicaCapacity] = []
    @exclusivity(unchecked) private var newest = 0
    /// Setups derived since the last one found here.
    @exclusivity(unchecked) private var missesSinceHit = 0
    static let slots = 16
    /// Once the ring has turned over without a hit (every trial draws a new setup), only one new
    /// setup in this many is stored: storing one copies and releases two large values, most of
    /// what a miss costs beside the estimate. A hit stores every one again.
    static let sparseStride = 8

    func capacity(_ setup: ServingSetup) throws(CapacityError) -> ReplicaCapacity {
        let n = setups.count
        var k = newest
        for _ in 0..<n {
            if requests[k] == setup.request, setups[k] == setup {
                missesSinceHit = 0
                return capacities[k]
            }
            k = k == 0 ? n - 1 : k - 1
        }
        let c = try ReplicaCapacity.estimate(for: setup)
        missesSinceHit += 1
        guard missesSinceHit <= CapacityMemo.slots || missesSinceHit % CapacityMemo.sparseStride == 0 else { return c }
        if n < CapacityMemo.slots {
            setups.append(setup)
            requests.append(setup.request)
            capacities.append(c)
            newest = n
        } else {
            newest = newest == n - 1 ? 0 : newest + 1
            setups[newest] = setup
            requests[newest] = setup.request
            capacities[newest] = c
        }
        return c
    }
}
