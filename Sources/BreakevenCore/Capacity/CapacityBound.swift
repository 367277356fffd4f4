/// What limits a decode step at the operating batch.
public enum CapacityBound: String, Sendable, Hashable {
    /// Reading weights and KV cache from memory takes longer than the arithmetic.
    case memory
    /// The arithmetic takes longer than reading memory.
    case compute
}

/// What stopped the batch from growing.
public enum BatchLimit: String, Sendable, Hashable {
    /// The KV cache of one more request would not fit.
    case memory
    /// One more request would break the time-per-output-token target.
    case latency
    /// The scenario caps requests in flight (`maxBatch`).
    case maxBatch = "max_batch"
    /// The scenario set the engine's cap (`max_concurrency`).
    case maxConcurrency = "max_concurrency"
    /// No cap was set and the engine's default one applies (`ServingEngine.defaultMaxConcurrency`).
    case engineMaximum = "engine_maximum"
}

/// Why the replica has the tensor-parallel degree it has.
public enum TensorParallelReason: String, Sendable, Hashable {
    /// The scenario set it.
    case set
    /// The smallest degree whose memory holds the weights and one full request.
    case memory
    /// A smaller degree fits but cannot meet the latency targets.
    case latency
    /// The layout with the lowest cost per token: the most output tokens per second per device.
    case throughput
}
