extension ReplicaCapacity {
    /// Tensor-parallel degrees within one 8-device node.
    public static let tensorParallelDegrees = [1, 2, 4, 8]

    /// Most requests an engine decodes together when the scenario sets no cap: TensorRT-LLM's
    /// default max_batch_size (2,048). Past it, host-side work per token (sampling,
    /// detokenization) rather than the GPU limits small models.
    public static let engineMaxBatch = 2048

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
    public static func estimate(for setup: ServingSetup) throws(CapacityError) -> ReplicaCapacity {
        try validate(setup)
        let efficiency = ServingEfficiency.defaults(for: setup.accelerator.acceleratorClass).applying(setup.efficiency)

        if let degree = setup.tensorParallel {
            guard tensorParallelDegrees.contains(degree) else { throw .invalidTensorParallel(found: degree) }
            let plan = ReplicaPlan(setup: setup, tensorParallel: degree, efficiency: efficiency)
            guard plan.holdsOneRequest else { throw doesNotFit(plan) }
            return try operatingPoint(of: plan, reason: .set)
        }

        let plans = tensorParallelDegrees.map { ReplicaPlan(setup: setup, tensorParallel: $0, efficiency: efficiency) }
        let fitting = plans.filter(\.holdsOneRequest)
        guard let smallest = fitting.first, let largest = fitting.last else {
            let plan = plans[plans.count - 1]
            throw .modelTooLarge(model: setup.model.id, precision: setup.weightPrecision, accelerator: setup.accelerator.id,
                                 requiredGB: plan.minimumBytes / 1e9,
                                 availableGB: plan.usableBytesPerDevice * Double(plan.tensorParallel) / 1e9,
                                 reserveShare: efficiency.memoryReserveShare)
        }

        switch setup.tensorParallelPolicy {
        case .smallestThatFits:
            // Step up from the smallest degree that fits until one meets the latency targets.
            for plan in fitting where plan.tensorParallel < largest.tensorParallel {
                if let capacity = try? operatingPoint(of: plan, reason: plan.tensorParallel == smallest.tensorParallel ? .memory : .latency) {
                    return capacity
                }
            }
            return try operatingPoint(of: largest, reason: largest.tensorParallel == smallest.tensorParallel ? .memory : .latency)
        case .mostThroughputPerDevice:
            let feasible = fitting.compactMap { try? operatingPoint(of: $0, reason: .throughput) }
            // Ascending degrees, and max(by:) keeps the first of equals: ties go to the smaller degree.
            guard let best = feasible.max(by: { $0.perDevice < $1.perDevice }) else {
                return try operatingPoint(of: largest, reason: .throughput)
            }
            return best
        }
    }

    private var perDevice: Double { effectiveOutputTokensPerSecond / Double(tensorParallel) }

    /// The largest batch that fits memory, respects `maxBatch` and keeps the latency targets.
    private static func operatingPoint(of plan: ReplicaPlan, reason: TensorParallelReason) throws(CapacityError) -> ReplicaCapacity {
        let setup = plan.setup
        let timeToFirstTokenMs = plan.timeToFirstTokenSeconds * 1000
        if let target = setup.latency.maxTimeToFirstTokenMs, timeToFirstTokenMs > target {
            throw .latencyUnreachable(metric: .timeToFirstToken, targetMs: target, bestMs: timeToFirstTokenMs,
                                      accelerator: setup.accelerator.id, tensorParallel: plan.tensorParallel)
        }

        let memoryBatch = plan.batchThatFillsMemory
        var batch = memoryBatch
        var limit = BatchLimit.memory
        if let cap = setup.maxBatch, cap < batch {
            batch = cap
            limit = .maxBatch
        } else if setup.maxBatch == nil, engineMaxBatch < batch {
            batch = engineMaxBatch
            limit = .engineMaximum
        }
        if let target = setup.latency.maxTimePerOutputTokenMs {
            let meets = { (b: Int) in plan.timePerOutputTokenSeconds(batch: b) * 1000 <= target }
            guard meets(1) else {
                throw .latencyUnreachable(metric: .timePerOutputToken, targetMs: target,
                                          bestMs: plan.timePerOutputTokenSeconds(batch: 1) * 1000,
                                          accelerator: setup.accelerator.id, tensorParallel: plan.tensorParallel)
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
        return ReplicaCapacity(plan: plan, batch: batch, limit: limit, reason: reason,
                               timeToFirstTokenMs: timeToFirstTokenMs)
    }

    private init(plan: ReplicaPlan, batch: Int, limit: BatchLimit, reason: TensorParallelReason, timeToFirstTokenMs: Double) {
        let setup = plan.setup
        let step = plan.decodeStep(batch: batch)
        let outputRate = Double(batch) / step.seconds
        let inputRate = plan.inputTokensPerSecond
        let requestSeconds = setup.request.uncachedInputTokens / inputRate + setup.request.outputTokens / outputRate
        let kvCacheBytes = Double(batch) * plan.kvCacheBytesPerRequest
        let devices = Double(plan.tensorParallel)
        let peak = plan.peak

        self.init(
            tensorParallel: plan.tensorParallel, tensorParallelReason: reason, batch: batch, batchLimit: limit,
            outputTokensPerSecond: outputRate, inputTokensPerSecond: inputRate,
            timePerOutputTokenMs: plan.timePerOutputTokenSeconds(batch: batch) * 1000,
            timeToFirstTokenMs: timeToFirstTokenMs, bound: step.bound,
            weightsGB: plan.weightBytes / 1e9, kvCacheGB: kvCacheBytes / 1e9,
            decodeStepMs: step.seconds * 1000, communicationMsPerStep: step.communicationSeconds * 1000,
            requestsPerSecond: 1 / requestSeconds,
            effectiveOutputTokensPerSecond: setup.request.outputTokens / requestSeconds,
            batchThatFillsMemory: plan.batchThatFillsMemory, kvCacheBytesPerToken: plan.kvCacheBytesPerToken,
            memoryUsedPerDeviceGB: (plan.weightBytes + kvCacheBytes) / devices / 1e9,
            memoryUsablePerDeviceGB: plan.usableBytesPerDevice / 1e9,
            memoryPerDeviceGB: setup.accelerator.memoryGB,
            computePrecision: peak.runsAt, peakTeraOpsPerDevice: peak.teraOpsPerSecond,
            acceleratorClass: setup.accelerator.acceleratorClass, efficiency: plan.efficiency)
    }

    private static func doesNotFit(_ plan: ReplicaPlan) -> CapacityError {
        .doesNotFit(model: plan.setup.model.id, precision: plan.setup.weightPrecision, accelerator: plan.setup.accelerator.id,
                    tensorParallel: plan.tensorParallel, requiredGB: plan.minimumBytes / 1e9,
                    availableGB: plan.usableBytesPerDevice * Double(plan.tensorParallel) / 1e9,
                    reserveShare: plan.efficiency.memoryReserveShare)
    }
}
