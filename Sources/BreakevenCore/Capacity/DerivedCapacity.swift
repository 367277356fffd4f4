/// A replica's capacity worked out by the capacity model, with the setup it was worked out from.
struct DerivedCapacity {
    var setup: ServingSetup
    var capacity: ReplicaCapacity
}

extension ReplicaCapacity {
    /// The two rates the engine sizes replicas with.
    var throughput: Throughput {
        Throughput(outputTokensPerSecond: outputTokensPerSecond, inputTokensPerSecond: inputTokensPerSecond)
    }
}
