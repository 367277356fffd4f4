/// What one replica (a model on `tensorParallel` devices) serves at its operating point: the
/// largest batch that fits memory and keeps the latency targets.
public struct ReplicaCapacity: Sendable, Hashable, Codable {
    public var tensorParallel: Int
    public var tensorParallelReason: TensorParallelReason
    /// Requests decoded together at the operating point.
    public var batch: Int
    public var batchLimit: BatchLimit
    /// Decode rate at the operating batch: batch / decode step.
    public var outputTokensPerSecond: Double
    /// Prefill rate: uncached prompt tokens per second while prefill has the replica.
    public var inputTokensPerSecond: Double
    /// What a user sees between tokens: decode step plus the prefills slipped in between steps.
    public var timePerOutputTokenMs: Double
    /// Prefill of one request's uncached prompt on an idle replica (no queueing).
    public var timeToFirstTokenMs: Double
    public var bound: CapacityBound
    /// Decimal GB.
    public var weightsGB: Double
    /// KV cache reserved for the operating batch (each request at its full context), decimal GB.
    public var kvCacheGB: Double

    // For the report.
    public var decodeStepMs: Double
    /// Tensor-parallel all-reduce time inside each decode step.
    public var communicationMsPerStep: Double
    /// Requests per second the replica completes with prefill and decode sharing it:
    /// 1 / (uncached input / input rate + output / output rate).
    public var requestsPerSecond: Double
    /// Output tokens per second with prefill and decode sharing the replica: output × requests/s.
    public var effectiveOutputTokensPerSecond: Double
    /// Largest batch memory alone allows.
    public var batchThatFillsMemory: Int
    public var kvCacheBytesPerToken: Double
    /// (Weights + KV cache) / devices, decimal GB.
    public var memoryUsedPerDeviceGB: Double
    /// Device memory less the runtime reserve, decimal GB.
    public var memoryUsablePerDeviceGB: Double
    public var memoryPerDeviceGB: Double
    /// The format matrix multiplies run in and its dense peak per device.
    public var computePrecision: Precision
    public var peakTeraOpsPerDevice: Double
    public var acceleratorClass: AcceleratorClass
    public var efficiency: ServingEfficiency
}
