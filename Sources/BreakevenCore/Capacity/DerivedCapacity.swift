/// A replica's capacity worked out by the capacity model, with the setup it was worked out from.
/// A reference: a lowering hands it on through a few layers before the option keeps its parts,
/// and the two values are large.
final class DerivedCapacity: Sendable {
    let setup: ServingSetup
    let capacity: ReplicaCapacity

    init(setup: ServingSetup, capacity: ReplicaCapacity) {
        self.setup = setup
        self.capacity = capacity
    }
}

extension ReplicaCapacity {
    /// The two rates the engine sizes replicas with.
    var throughput: Throughput {
        Throughput(outputTokensPerSecond: outputTokensPerSecond, inputTokensPerSecond: inputTokensPerSecond)
    }
}
