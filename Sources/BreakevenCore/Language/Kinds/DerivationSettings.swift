/// Settings of a kind whose throughput may be given or derived from a model on a device.
protocol DerivingSettings: OptionSettings {
    var derivation: DerivationSettings { get set }
}

/// `throughput` and the keys that derive it (`throughput: "derived"`): the model, its number
/// formats, the layout, latency targets and efficiencies.
struct DerivationSettings: KeySettings {
    var derived = false
    var given = GivenThroughput()
    var modelID: String?
    var inlineModel = Presence<ArchitectureSettings>()
    var precision: Precision?
    var kvCachePrecision: Precision?
    /// A written degree; nil: chosen by `tensorParallelPolicy`.
    var tensorParallel: Int?
    var tensorParallelPolicy: TensorParallelWord?
    var layout: LayoutChoice?
    var engine: ServingEngine?
    var maxConcurrency: Int?
    var calibrationName: String?
    var latency = LatencySettings()
    var efficiency = EfficiencySettings()
    var maxBatch: Int?
    /// Resolved: the catalog model `modelID` names.
    var catalogModel: OpenModelArchitecture?
    /// Resolved by the kind: its catalog GPU, inline specs or machine, and its catalog id.
    var device: Accelerator?
    var deviceID: String?
    /// Resolved: a machine on a person's desk serves one request at a time unless `max_batch` says otherwise.
    var oneRequestAtATime = false
    /// Resolved: the calibration named, or the one fitted for this device, model and engine.
    var calibration: Calibration?

    /// The weights' format: written, else the one the model is published in.
    var weightPrecision: Precision? { precision ?? model.map { $0.nativePrecision ?? .bf16 } }

    /// The engine: written, else the one assumed on the device's class.
    var servingEngine: ServingEngine? { engine ?? device.map { ServingEngine.assumed(for: $0.acceleratorClass) } }

    /// The model the capacity model runs: the inline architecture or the catalog's.
    var model: OpenModelArchitecture? {
        inlineModel.written.map(\.architecture) ?? catalogModel
    }

    /// Everything the capacity model needs, with the workload's mean request; nil while a
    /// model, a device or a precision is missing (resolution reports which).
    func setup(for workload: Workload) -> ServingSetup? {
        guard derived, let model, let device, let precision = weightPrecision else { return nil }
        // A calibration's efficiencies, where the scenario writes none of its own.
        let base = calibration?.overrides ?? .none
        return ServingSetup(
            model: model, accelerator: device, weightPrecision: precision, kvCachePrecision: kvCachePrecision ?? .bf16,
            tensorParallel: tensorParallel,
            tensorParallelPolicy: tensorParallelPolicy == .smallest ? .smallestThatFits : .mostThroughputPerDevice,
            layoutChoice: layout ?? .auto,
            request: RequestShape(meanOf: workload),
            latency: LatencyTarget(maxTimePerOutputTokenMs: latency.maxTimePerOutputTokenMs, maxTimeToFirstTokenMs: latency.maxTimeToFirstTokenMs),
            efficiency: EfficiencyOverrides(
                memoryBandwidthUtilization: efficiency.memoryBandwidthUtilization ?? base.memoryBandwidthUtilization,
                computeUtilization: efficiency.computeUtilization ?? base.computeUtilization,
                memoryReserveShare: efficiency.memoryReserveShare,
                stepOverheadMs: efficiency.stepOverheadMs ?? base.stepOverheadMs),
            maxBatch: maxBatch ?? (oneRequestAtATime ? 1 : nil), engine: engine, maxConcurrency: maxConcurrency)
    }

    /// The replica's rates: given, or worked out by the capacity model (remembered per thread).
    func capacity(_ c: LowerContext) throws(LoweringFailure) -> DerivedCapacity? {
        guard derived else { return nil }
        guard let setup = setup(for: c.workload) else { throw LoweringFailure(message: "the derived throughput lacks a model, a device or a precision") }
        do throws(CapacityError) {
            var capacity = if let memo = c.capacities { try memo.capacity(setup) } else { try ReplicaCapacity.estimate(for: setup) }
            capacity.calibration = calibration
            return DerivedCapacity(setup: setup, capacity: capacity)
        } catch {
            throw LoweringFailure(message: error.description)
        }
    }

    /// Given rates, or the derived replica's.
    func throughput(_ derived: DerivedCapacity?) -> Throughput {
        guard let rates = derived?.capacity.throughput else {
            return Throughput(outputTokensPerSecond: given.outputTokensPerSecond ?? 1, inputTokensPerSecond: given.inputTokensPerSecond ?? 1)
        }
        let scale = efficiency.throughputScale ?? 1
        return Throughput(outputTokensPerSecond: rates.outputTokensPerSecond * scale, inputTokensPerSecond: rates.inputTokensPerSecond * scale)
    }
}

/// `tensor_parallel` as a word: the policy that picks the degree.
enum TensorParallelWord: String, CaseIterable, Sendable {
    case smallest, best
}

/// Rates given by hand: `throughput: {output_tokens_per_second, input_tokens_per_second}`.
struct GivenThroughput: KeySettings {
    var outputTokensPerSecond: Double?
    var inputTokensPerSecond: Double?
}

struct LatencySettings: KeySettings {
    var maxTimePerOutputTokenMs: Double?
    var maxTimeToFirstTokenMs: Double?
}

struct EfficiencySettings: KeySettings {
    var memoryBandwidthUtilization: Double?
    var computeUtilization: Double?
    var memoryReserveShare: Double?
    var stepOverheadMs: Double?
    /// A factor on the derived rates (1: as the capacity model predicts).
    var throughputScale: Double?
    /// Resolved: the device's class, whose measured defaults apply where nothing is written, and
    /// the calibration whose fitted values come first.
    var deviceClass: AcceleratorClass?
    var calibration: Calibration?

    var defaults: ServingEfficiency? { deviceClass.map(ServingEfficiency.defaults(for:)) }
}

/// An open model's architecture written in the scenario, as its config.json gives it.
struct ArchitectureSettings: KeySettings {
    var totalParameters: Double?
    var activeParameters: Double?
    var layers: Int?
    var hiddenSize: Int?
    var attentionHeads: Int?
    var kvHeads: Int?
    var headDimension: Int?
    var latentKVValues: Int?
    var contextLength: Int?
    var experts: Int?
    var expertsPerToken: Int?
    var nativePrecision: Precision?

    var architecture: OpenModelArchitecture {
        let total = totalParameters ?? 0
        return OpenModelArchitecture(
            id: "inline model", name: "inline model", totalParameters: total, activeParameters: activeParameters ?? total,
            layers: layers ?? 1, hiddenSize: hiddenSize ?? 1, attentionHeads: attentionHeads ?? 1, kvHeads: kvHeads ?? 1,
            headDimension: headDimension ?? 1, latentKVValues: latentKVValues, experts: experts, expertsPerToken: expertsPerToken,
            nativePrecision: nativePrecision ?? .bf16, contextLength: contextLength ?? 131_072,
            license: "", source: "scenario")
    }
}
