/// Everything that decides what one replica can serve: the model, the device, the number formats,
/// the request shape and the latency it must keep.
public struct ServingSetup: Sendable, Hashable, Codable {
    public var model: OpenModelArchitecture
    public var accelerator: Accelerator
    public var weightPrecision: Precision
    public var kvCachePrecision: Precision
    /// nil: chosen by `tensorParallelPolicy`.
    public var tensorParallel: Int?
    public var tensorParallelPolicy: TensorParallelPolicy
    public var request: RequestShape
    public var latency: LatencyTarget
    public var efficiency: EfficiencyOverrides
    /// Most requests in flight at once (1 for a single person at a desk); nil: memory decides, up
    /// to the engine default `ReplicaCapacity.engineMaxBatch`.
    public var maxBatch: Int?

    public init(model: OpenModelArchitecture, accelerator: Accelerator, weightPrecision: Precision,
                kvCachePrecision: Precision = .bf16, tensorParallel: Int? = nil,
                tensorParallelPolicy: TensorParallelPolicy = .smallestThatFits, request: RequestShape,
                latency: LatencyTarget = .none, efficiency: EfficiencyOverrides = .none, maxBatch: Int? = nil) {
        self.model = model
        self.accelerator = accelerator
        self.weightPrecision = weightPrecision
        self.kvCachePrecision = kvCachePrecision
        self.tensorParallel = tensorParallel
        self.tensorParallelPolicy = tensorParallelPolicy
        self.request = request
        self.latency = latency
        self.efficiency = efficiency
        self.maxBatch = maxBatch
    }
}
