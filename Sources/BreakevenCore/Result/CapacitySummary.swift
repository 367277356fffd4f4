/// The sizing behind a derived throughput, as the result JSON gives it.
public struct CapacitySummary: Sendable, Hashable, Codable {
    public var tensorParallel: Int
    public var tensorParallelReason: String
    public var batch: Int
    public var batchLimit: String
    public var outputTokensPerSecond: Double
    public var inputTokensPerSecond: Double
    public var effectiveOutputTokensPerSecond: Double
    public var timePerOutputTokenMs: Double
    public var timeToFirstTokenMs: Double
    /// "memory" or "compute": what limits a decode step.
    public var bound: String
    public var weightsGB: Double
    public var kvCacheGB: Double
    public var memoryUsedPerDeviceGB: Double
    public var memoryPerDeviceGB: Double
    public var memoryBandwidthUtilization: Double
    public var computeUtilization: Double
    /// "TP4", "EP8 + DP attention"; nil in result files written before layouts were reported.
    public var layout: String?
    /// Prompt tokens per second when prefill has the replica alone.
    public var prefillOnlyTokensPerSecond: Double?
    public var engine: String?
    /// The layout with the lowest cost per token, when it is not this one.
    public var betterLayout: String?
    /// The calibration the efficiencies came from, with its measured points.
    public var calibration: Calibration?

    init(_ c: ReplicaCapacity) {
        tensorParallel = c.tensorParallel
        tensorParallelReason = c.tensorParallelReason.rawValue
        batch = c.batch
        batchLimit = c.batchLimit.rawValue
        outputTokensPerSecond = c.outputTokensPerSecond
        inputTokensPerSecond = c.inputTokensPerSecond
        effectiveOutputTokensPerSecond = c.effectiveOutputTokensPerSecond
        timePerOutputTokenMs = c.timePerOutputTokenMs
        timeToFirstTokenMs = c.timeToFirstTokenMs
        bound = c.bound.rawValue
        weightsGB = c.weightsGB
        kvCacheGB = c.kvCacheGB
        memoryUsedPerDeviceGB = c.memoryUsedPerDeviceGB
        memoryPerDeviceGB = c.memoryPerDeviceGB
        memoryBandwidthUtilization = c.efficiency.memoryBandwidthUtilization
        computeUtilization = c.efficiency.computeUtilization
        layout = c.layout.description
        prefillOnlyTokensPerSecond = c.prefillOnlyTokensPerSecond
        engine = c.engine.rawValue
        betterLayout = c.betterLayout?.description
        calibration = c.calibration
    }

    enum CodingKeys: String, CodingKey {
        case tensorParallel = "tensor_parallel"
        case tensorParallelReason = "tensor_parallel_reason"
        case batch
        case batchLimit = "batch_limit"
        case outputTokensPerSecond = "output_tokens_per_second"
        case inputTokensPerSecond = "input_tokens_per_second"
        case effectiveOutputTokensPerSecond = "effective_output_tokens_per_second"
        case timePerOutputTokenMs = "time_per_output_token_ms"
        case timeToFirstTokenMs = "time_to_first_token_ms"
        case bound
        case weightsGB = "weights_gb"
        case kvCacheGB = "kv_cache_gb"
        case memoryUsedPerDeviceGB = "memory_used_per_device_gb"
        case memoryPerDeviceGB = "memory_per_device_gb"
        case memoryBandwidthUtilization = "memory_bandwidth_utilization"
        case computeUtilization = "compute_utilization"
        case layout, engine
        case prefillOnlyTokensPerSecond = "prefill_only_tokens_per_second"
        case betterLayout = "better_layout"
        case calibration
    }
}
