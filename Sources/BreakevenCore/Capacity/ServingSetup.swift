/// Everything that decides what one replica can serve: the model, the device, the number formats,
/// the request shape, the engine and the latency it must keep.
public struct ServingSetup: Sendable, Hashable {
    public var model: OpenModelArchitecture
    public var accelerator: Accelerator
    public var weightPrecision: Precision
    public var kvCachePrecision: Precision
    /// Devices per replica; nil: chosen by `tensorParallelPolicy`.
    public var tensorParallel: Int?
    var tensorParallelPolicy: TensorParallelPolicy
    /// Which layouts the choice may take (`auto`: expert parallel too for a mixture of experts).
    var layoutChoice: LayoutChoice
    public var request: RequestShape
    var latency: LatencyTarget
    var efficiency: EfficiencyOverrides
    /// Most requests in flight at once (1 for a single person at a desk); nil: no cap of the scenario's.
    var maxBatch: Int?
    /// nil: `ServingEngine.assumed(for:)` the device's class.
    public var engine: ServingEngine?
    /// The engine's cap on requests decoded together; nil: the engine's documented default.
    var maxConcurrency: Int?

    public init(model: OpenModelArchitecture, accelerator: Accelerator, weightPrecision: Precision,
                kvCachePrecision: Precision = .bf16, tensorParallel: Int? = nil,
                tensorParallelPolicy: TensorParallelPolicy = .mostThroughputPerDevice, layoutChoice: LayoutChoice = .auto,
                request: RequestShape, latency: LatencyTarget = .none, efficiency: EfficiencyOverrides = .none,
                maxBatch: Int? = nil, engine: ServingEngine? = nil, maxConcurrency: Int? = nil) {
        self.model = model
        self.accelerator = accelerator
        self.weightPrecision = weightPrecision
        self.kvCachePrecision = kvCachePrecision
        self.tensorParallel = tensorParallel
        self.tensorParallelPolicy = tensorParallelPolicy
        self.layoutChoice = layoutChoice
        self.request = request
        self.latency = latency
        self.efficiency = efficiency
        self.maxBatch = maxBatch
        self.engine = engine
        self.maxConcurrency = maxConcurrency
    }

    /// Every field, the numbers a trial varies first: a memo of derived capacities compares a
    /// new setup with many whose model and device are the same.
    public static func == (a: ServingSetup, b: ServingSetup) -> Bool {
        a.request == b.request && a.efficiency == b.efficiency && a.latency == b.latency && a.maxBatch == b.maxBatch
            && a.maxConcurrency == b.maxConcurrency && a.tensorParallel == b.tensorParallel && a.weightPrecision == b.weightPrecision
            && a.kvCachePrecision == b.kvCachePrecision && a.tensorParallelPolicy == b.tensorParallelPolicy
            && a.layoutChoice == b.layoutChoice && a.engine == b.engine && a.accelerator == b.accelerator && a.model == b.model
    }

    /// The engine the replica runs.
    public var servingEngine: ServingEngine { engine ?? .assumed(for: accelerator.acceleratorClass) }

    /// The engine's cap on the batch, and whether the scenario set it; nil: memory decides.
    var concurrencyCap: (cap: Int, set: Bool)? {
        if let maxConcurrency { return (maxConcurrency, true) }
        return servingEngine.defaultMaxConcurrency.map { ($0, false) }
    }
}
