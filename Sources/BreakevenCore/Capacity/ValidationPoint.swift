/// One published measurement the capacity model is checked against, with what it was measured on
/// and where it was published.
public struct ValidationPoint: Sendable, Hashable {
    /// What the measurement counts.
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        /// Output tokens per second of a saturated server (offline throughput benchmarks).
        case servingOutput = "serving output"
        /// One user's decode rate (llama-bench tg, a TPOT at concurrency 1).
        case decode
        /// Prompt tokens per second (llama-bench pp).
        case prefill
    }

    /// A device: a catalog GPU or machine, or datasheet figures written out.
    public enum Device: Sendable, Hashable {
        case gpu(String)
        case hardware(String)
        case specs(Accelerator)
    }

    /// A model: a catalog open model, or a config written out (one the catalog does not carry).
    public enum Model: Sendable, Hashable {
        case catalog(String)
        case config(OpenModelArchitecture)
    }

    public var model: Model
    public var device: Device
    public var weights: Precision
    var kvCache: Precision
    public var layout: ParallelLayout
    public var engine: ServingEngine
    public var inputTokens: Double
    public var outputTokens: Double
    /// The benchmark's cap on requests in flight (1 for llama-bench; nil: the engine's default).
    public var concurrency: Int?
    public var metric: Metric
    public var measured: Double
    public var source: String
    /// Largest relative error the suite accepts for this point.
    public var band: Double = 0.35
    /// Used to set a default efficiency: such points are reported apart from the held-out ones.
    public var tuning: Bool = false

    /// The setup the capacity model predicts this point from, resolved against `catalog`; nil when
    /// the catalog lacks the model or the device.
    public func setup(in catalog: CatalogSnapshot) -> ServingSetup? {
        let architecture: OpenModelArchitecture
        switch model {
        case .catalog(let id):
            guard let found = catalog.openModel(id) else { return nil }
            architecture = found
        case .config(let config):
            architecture = config
        }
        let accelerator: Accelerator
        switch device {
        case .gpu(let id):
            guard let gpu = catalog.gpu(id) else { return nil }
            accelerator = Accelerator(gpu)
        case .hardware(let id):
            guard let machine = catalog.hardware.last(where: { $0.id == id }) else { return nil }
            accelerator = Accelerator(machine)
        case .specs(let specs):
            accelerator = specs
        }
        // A decode measurement starts from a prompt already in the cache (llama-bench's depth):
        // no prompt rides along with the measured steps.
        let request = RequestShape(inputTokens: inputTokens, outputTokens: outputTokens,
                                   cachedInputShare: metric == .decode ? 1 : 0)
        return ServingSetup(model: architecture, accelerator: accelerator, weightPrecision: weights, kvCachePrecision: kvCache,
                            tensorParallel: layout.devices,
                            layoutChoice: layout.kind == .tensor ? .tensor : .expertDataAttention,
                            request: request, engine: engine, maxConcurrency: concurrency)
    }

    /// The model's prediction of `measured`.
    public func predicted(in catalog: CatalogSnapshot, efficiency: EfficiencyOverrides = .none) throws(CapacityError) -> Double? {
        guard var setup = setup(in: catalog) else { return nil }
        setup.efficiency = efficiency
        let capacity = try ReplicaCapacity.estimate(for: setup)
        switch metric {
        case .servingOutput: return capacity.effectiveOutputTokensPerSecond
        case .decode: return capacity.effectiveOutputTokensPerSecond
        case .prefill: return capacity.prefillOnlyTokensPerSecond
        }
    }

    /// The model id or name, for tables.
    public var modelName: String {
        switch model {
        case .catalog(let id): id
        case .config(let config): config.id
        }
    }

    public var deviceName: String {
        switch device {
        case .gpu(let id), .hardware(let id): id
        case .specs(let specs): specs.id
        }
    }
}
