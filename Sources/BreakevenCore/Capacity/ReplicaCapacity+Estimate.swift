extension ReplicaCapacity {
    /// Devices per replica within one 8-device node.
    public static let tensorParallelDegrees = [1, 2, 4, 8]

    /// The capacity of one replica of `setup` at its operating point.
    ///
    /// Usage:
    /// ```swift
    /// let setup = ServingSetup(model: llama70B, accelerator: Accelerator(h100), weightPrecision: .fp8,
    ///                          kvCachePrecision: .fp8,
    ///                          request: RequestShape(inputTokens: 1800, outputTokens: 350, cachedInputShare: 0.4),
    ///                          latency: LatencyTarget(maxTimePerOutputTokenMs: 50))
    /// let capacity = try ReplicaCapacity.estimate(for: setup)
    /// // capacity.tensorParallel GPUs per replica, capacity.outputTokensPerSecond, capacity.inputTokensPerSecond
    /// ```
    static func estimate(for setup: ServingSetup) throws(CapacityError) -> ReplicaCapacity {
        try validate(setup)
        let efficiency = ServingEfficiency.defaults(for: setup.accelerator.acceleratorClass).applying(setup.efficiency)
        let shared = ReplicaSetupTerms(setup: setup, efficiency: efficiency)
        let layouts = layouts(for: setup)
        // The layouts that hold one request, each with its operating point worked out once (nil
        // where it misses a target); only the chosen one's figures are worked out.
        var fitting: [ReplicaPlan] = [], points: [OperatingPoint?] = []
        fitting.reserveCapacity(layouts.count)
        points.reserveCapacity(layouts.count)
        for layout in layouts {
            let plan = ReplicaPlan(shared: shared, layout: layout)
            guard plan.holdsOneRequest else { continue }
            fitting.append(plan)
            points.append(try? operatingPoint(of: plan))
        }
        // The lowest cost per token over every layout that fits and meets the targets.
        let best = points.lazy.compactMap { $0 }.max { $0.perDevice < $1.perDevice }

        let chosen: ReplicaCapacity
        if let degree = setup.tensorParallel {
            guard tensorParallelDegrees.contains(degree) else { throw .invalidTensorParallel(found: degree) }
            let atDegree = fitting.indices.filter { fitting[$0].tensorParallel == degree }
            guard let first = atDegree.first else {
                throw doesNotFit(ReplicaPlan(shared: shared, layout: layouts.first { $0.devices == degree } ?? .tensor(degree)))
            }
            guard let top = atDegree.lazy.compactMap({ points[$0] }).max(by: { $0.perDevice < $1.perDevice }) else {
                return try ReplicaCapacity(operatingPoint(of: fitting[first]), reason: .set)
            }
            chosen = ReplicaCapacity(top, reason: .set)
        } else {
            guard let smallest = fitting.first, let largest = fitting.last else {
                let plan = ReplicaPlan(shared: shared, layout: layouts.last { $0.kind == .tensor } ?? layouts.last ?? .tensor(8))
                throw .modelTooLarge(model: setup.model.id, precision: setup.weightPrecision, accelerator: setup.accelerator.id,
                                     requiredGB: plan.minimumBytes / 1e9,
                                     availableGB: plan.usableBytesPerDevice * Double(plan.tensorParallel) / 1e9,
                                     reserveShare: efficiency.memoryReserveShare)
            }
            switch setup.tensorParallelPolicy {
            case .smallestThatFits:
                // Step up from the smallest layout that fits until one meets the latency targets.
                var found: ReplicaCapacity?
                for (k, plan) in fitting.enumerated() where plan.tensorParallel < largest.tensorParallel {
                    if let point = points[k] {
                        found = ReplicaCapacity(point, reason: plan.tensorParallel == smallest.tensorParallel ? .memory : .latency)
                        break
                    }
                }
                if let found {
                    chosen = found
                } else {
                    let reason: TensorParallelReason = largest.tensorParallel == smallest.tensorParallel ? .memory : .latency
                    if let point = points[points.count - 1] {
                        chosen = ReplicaCapacity(point, reason: reason)
                    } else {
                        chosen = try ReplicaCapacity(operatingPoint(of: largest), reason: reason)
                    }
                }
            case .mostThroughputPerDevice:
                guard let best else { return try ReplicaCapacity(operatingPoint(of: largest), reason: .throughput) }
                chosen = ReplicaCapacity(best, reason: .throughput)
            }
        }
        var result = chosen
        if let best, best.plan.layout != chosen.layout, best.perDevice > chosen.perDevice * (1 + 1e-9) {
            result.betterLayout = best.plan.layout
            result.betterLayoutOutputPerDevice = best.perDevice
        }
        return result
    }

    /// The layouts a setup may take, fewest devices first and tensor parallel first at each count:
    /// expert parallelism with data-parallel attention only for a mixture of experts whose expert
    /// counts are known, and only from two devices on.
    static func layouts(for setup: ServingSetup) -> [ParallelLayout] {
        let tensor = setup.layoutChoice.allows(.tensor)
        let expert = setup.layoutChoice.allows(.expertDataAttention) && setup.model.expertSplit != nil
        var out: [ParallelLayout] = []
        out.reserveCapacity(2 * tensorParallelDegrees.count)
        for n in tensorParallelDegrees {
            if tensor { out.append(.tensor(n)) }
            if expert, n > 1 { out.append(ParallelLayout(.expertDataAttention, devices: n)) }
        }
        return out
    }

    /// Effective output tokens per second per device: what a device-hour buys.
    var perDevice: Double { effectiveOutputTokensPerSecond / Double(tensorParallel) }

    /// A layout at its operating point, before the rest of its figures: enough to rank layouts.
    private struct OperatingPoint {
        var plan: ReplicaPlan
        var batch: Int
        var limit: BatchLimit
        var timeToFirstTokenMs: Double
        /// `ReplicaCapacity.perDevice` of this point, the same arithmetic.
        var perDevice: Double
    }

    /// The largest batch that fits memory, respects the caps and keeps the latency targets.
    private static func operatingPoint(of plan: ReplicaPlan) throws(CapacityError) -> OperatingPoint {
        let shared = plan.shared
        let timeToFirstTokenMs = plan.timeToFirstTokenSeconds * 1000
        if let target = shared.setup.latency.maxTimeToFirstTokenMs, timeToFirstTokenMs > target {
            throw .latencyUnreachable(metric: .timeToFirstToken, targetMs: target, bestMs: timeToFirstTokenMs,
                                      accelerator: shared.setup.accelerator.id, tensorParallel: plan.tensorParallel)
        }

        var batch = plan.batchThatFillsMemory
        var limit = BatchLimit.memory
        if let cap = shared.setup.maxBatch, cap < batch {
            batch = cap
            limit = .maxBatch
        }
        if let cap = shared.setup.concurrencyCap, cap.cap < batch {
            batch = cap.cap
            limit = cap.set ? .maxConcurrency : .engineMaximum
        }
        if let target = shared.setup.latency.maxTimePerOutputTokenMs {
            let meets = { (b: Int) in plan.timePerOutputTokenSeconds(batch: b) * 1000 <= target }
            guard meets(1) else {
                throw .latencyUnreachable(metric: .timePerOutputToken, targetMs: target,
                                          bestMs: plan.timePerOutputTokenSeconds(batch: 1) * 1000,
                                          accelerator: shared.setup.accelerator.id, tensorParallel: plan.tensorParallel)
            }
            if !meets(batch) {
                // Time per output token grows with the batch: bisect for the last batch that meets it.
                var low = 1, high = batch
                while high - low > 1 {
                    let middle = low + (high - low) / 2
                    if meets(middle) { low = middle } else { high = middle }
                }
                batch = low
                limit = .latency
            }
        }
        let effectiveOutput = Double(batch) / plan.decodeStep(batch: batch).seconds
        return OperatingPoint(plan: plan, batch: batch, limit: limit, timeToFirstTokenMs: timeToFirstTokenMs,
                              perDevice: effectiveOutput / Double(plan.tensorParallel))
    }

    private init(_ point: OperatingPoint, reason: TensorParallelReason) {
        let plan = point.plan, batch = point.batch, shared = plan.shared
        let step = plan.decodeStep(batch: batch)
        let effectiveOutput = Double(batch) / step.seconds
        let requestSeconds = shared.setup.request.outputTokens / effectiveOutput
        let prefillOnly = plan.prefillOnlyTokensPerSecond
        // The step's time split between prompt and output tokens by their share of its arithmetic.
        let uncached = shared.setup.request.uncachedInputTokens
        let share = uncached > 0 ? min(max(step.prefillFLOPShare, 1e-9), 1 - 1e-9) : 0
        let inputRate = share > 0 ? uncached / (requestSeconds * share) : prefillOnly
        let outputRate = shared.setup.request.outputTokens / (requestSeconds * (1 - share))
        let kvCacheBytes = Double(batch) * plan.kvCacheBytesPerRequest
        let devices = Double(plan.tensorParallel)
        let peak = plan.peak

        self.init(
            tensorParallel: plan.tensorParallel, tensorParallelReason: reason, layout: plan.layout,
            engine: shared.setup.servingEngine, betterLayout: nil, betterLayoutOutputPerDevice: nil, batch: batch, batchLimit: point.limit,
            outputTokensPerSecond: outputRate, inputTokensPerSecond: inputRate, prefillOnlyTokensPerSecond: prefillOnly,
            timePerOutputTokenMs: step.seconds * 1000,
            timeToFirstTokenMs: point.timeToFirstTokenMs, bound: step.bound,
            weightsGB: plan.weightBytes / 1e9, kvCacheGB: kvCacheBytes / 1e9,
            decodeStepMs: step.seconds * 1000, communicationMsPerStep: step.communicationSeconds * 1000,
            requestsPerSecond: 1 / requestSeconds,
            effectiveOutputTokensPerSecond: effectiveOutput,
            batchThatFillsMemory: plan.batchThatFillsMemory, kvCacheBytesPerToken: plan.kvCacheBytesPerToken,
            memoryUsedPerDeviceGB: (plan.weightBytes + kvCacheBytes) / devices / 1e9,
            memoryUsablePerDeviceGB: plan.usableBytesPerDevice / 1e9,
            memoryPerDeviceGB: shared.setup.accelerator.memoryGB,
            computePrecision: peak.runsAt, peakTeraOpsPerDevice: peak.teraOpsPerSecond,
            acceleratorClass: shared.setup.accelerator.acceleratorClass, efficiency: plan.efficiency)
    }

    private static func doesNotFit(_ plan: ReplicaPlan) -> CapacityError {
        .doesNotFit(model: plan.setup.model.id, precision: plan.setup.weightPrecision, accelerator: plan.setup.accelerator.id,
                    tensorParallel: plan.tensorParallel, requiredGB: plan.minimumBytes / 1e9,
                    availableGB: plan.usableBytesPerDevice * Double(plan.tensorParallel) / 1e9,
                    reserveShare: plan.efficiency.memoryReserveShare)
    }
}
