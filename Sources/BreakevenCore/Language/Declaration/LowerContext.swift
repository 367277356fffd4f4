/// What turning settings into engine terms needs beyond the settings: currency, the workload the
/// option serves (a derived throughput sizes for its mean request, time-of-day prices weight by
/// its shape), and the memo of derived capacities a thread keeps from one trial to the next.
struct LowerContext {
    var values: ValueContext
    var workload: Workload
    var profile: Scenario.Profile
    /// Where a mix's escalations go when its route names no fallback.
    var baselineID: String
    var capacities: CapacityMemo?
}

/// The engine terms of one option, and the sizing behind a derived throughput.
struct LoweredOption {
    var kind: ServingOption.Kind
    var derived: DerivedCapacity?
    /// What resolution found that the analysis should warn about (offers far apart).
    var notes: [Warning] = []
    /// The provider of the catalog offer the price came from.
    var provider: String?

    init(_ kind: ServingOption.Kind, derived: DerivedCapacity? = nil, notes: [Warning] = [], provider: String? = nil) {
        self.kind = kind
        self.derived = derived
        self.notes = notes
        self.provider = provider
    }
}

/// Derived capacities already worked out, by setup: a trial that leaves an option's derivation
/// inputs alone does not run the capacity model again. One per thread.
final class CapacityMemo {
    /// The most recently derived setups, newest first: a trial that varies only prices finds
    /// each option's setup at the front, and one that varies the request shape costs a few
    /// comparisons that stop at the first differing field (no hashing, no insertion).
    private var recent: [(setup: ServingSetup, capacity: ReplicaCapacity)] = []
    static let slots = 16

    func capacity(_ setup: ServingSetup) throws(CapacityError) -> ReplicaCapacity {
        if let k = recent.firstIndex(where: { $0.setup == setup }) {
            if k > 0 { recent.swapAt(0, k) }
            return recent[0].capacity
        }
        let c = try ReplicaCapacity.estimate(for: setup)
        if recent.count >= CapacityMemo.slots { recent.removeLast() }
        recent.insert((setup, c), at: 0)
        return c
    }
}
