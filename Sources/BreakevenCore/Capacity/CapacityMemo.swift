/// Derived capacities already worked out, by setup: a trial that leaves an option's derivation
/// inputs alone does not run the capacity model again. One per thread.
final class CapacityMemo {
    /// The most recently derived setups in a ring, the newest at `newest`: a trial that varies
    /// only prices finds each option's setup among the last few, and one that varies the request
    /// shape costs a few comparisons that stop at the first differing number (`ServingSetup`'s
    /// `==` compares those first). A new setup overwrites the oldest: nothing is moved.
    private var entries: [(setup: ServingSetup, capacity: ReplicaCapacity)] = []
    private var newest = 0
    static let slots = 16

    func capacity(_ setup: ServingSetup) throws(CapacityError) -> ReplicaCapacity {
        let n = entries.count
        var k = newest
        for _ in 0..<n {
            if entries[k].setup == setup { return entries[k].capacity }
            k = k == 0 ? n - 1 : k - 1
        }
        let c = try ReplicaCapacity.estimate(for: setup)
        if n < CapacityMemo.slots {
            entries.append((setup, c))
            newest = n
        } else {
            newest = newest == n - 1 ? 0 : newest + 1
            entries[newest] = (setup, c)
        }
        return c
    }
}
