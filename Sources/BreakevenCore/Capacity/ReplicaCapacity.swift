/// What one replica (a model on `tensorParallel` devices) serves at its operating point: the
/// largest batch that fits memory and keeps the latency targets.
public struct ReplicaCapacity: Sendable, Hashable {
    /// Devices per replica.
    public var tensorParallel: Int
    public var tensorParallelReason: TensorParallelReason
    /// How the model is spread over those devices.
    var layout: ParallelLayout
    public var engine: ServingEngine
    /// The layout with the lowest cost per token (most output per device) among those that fit and
    /// meet the targets, when it is not this one; nil when this one is the best.
    var betterLayout: ParallelLayout?
    /// Its effective output tokens per second per device.
    var betterLayoutOutputPerDevice: Double?
    /// Requests decoded together at the operating point.
    public var batch: Int
    public var batchLimit: BatchLimit
    /// The two rates the engine sizes replicas with, uncached input / input rate + output / output
    /// rate = the replica's time per request: each step's time split between the output tokens
    /// and the prompt tokens riding along by their share of its arithmetic.
    public var outputTokensPerSecond: Double
    public var inputTokensPerSecond: Double
    /// Prompt tokens per second when prefill has the replica alone.
    public var prefillOnlyTokensPerSecond: Double
    /// What a user sees between tokens: one step, the prompts riding along included.
    public var timePerOutputTokenMs: Double
    /// Prefill of one request's uncached prompt on an idle replica (no queueing).
    public var timeToFirstTokenMs: Double
    public var bound: CapacityBound
    /// Decimal GB.
    public var weightsGB: Double
    /// KV cache reserved for the operating batch (each request at its full context), decimal GB.
    public var kvCacheGB: Double

    /// Output tokens per second with prefill and decode sharing the replica: batch / step.
    public var effectiveOutputTokensPerSecond: Double
    /// Largest batch memory alone allows.
    var batchThatFillsMemory: Int
    var kvCacheBytesPerToken: Double
    /// (Weights + KV cache) / devices, decimal GB.
    public var memoryUsedPerDeviceGB: Double
    /// Device memory less the runtime reserve, decimal GB.
    var memoryUsablePerDeviceGB: Double
    public var memoryPerDeviceGB: Double
    var efficiency: ServingEfficiency
    /// The calibration whose efficiencies the replica was derived with, if any.
    public var calibration: Calibration? = nil
}
