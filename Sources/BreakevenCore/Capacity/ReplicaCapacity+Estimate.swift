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
        // The layouts that hold one request, each with its operating point worked out once (nil
        // where it misses a target); only the chosen one's figures are worked out. They are kept
        // on the stack, by layout (a plan is rebuilt from its layout, the same arithmetic): a trial
        // that draws the request shape estimates every derived option again, and three arrays
        // cost as much as the arithmetic.
        return try withUnsafeTemporaryAllocation(of: Fitting.self, capacity: 2 * tensorParallelDegrees.count) {
            buffer throws(CapacityError) in
            var count = 0
            forEachLayout(of: setup) { layout in
                let plan = ReplicaPlan(shared: shared, layout: layout)
                guard plan.holdsOneRequest else { return }
                buffer[count] = Fitting(layout: layout, point: try? operatingPoint(of: plan))
                count += 1
            }
            return try choose(among: UnsafeBufferPointer(rebasing: buffer[..<count]), shared)
        }
    }

    /// A layout that holds one request, and its operating point (nil where it misses a target).
    private struct Fitting {
        var layout: ParallelLayout
        var point: OperatingPoint?
    }

    /// The layout the setup's policy picks among those that fit, at its operating point.
    private static func choose(among fitting: UnsafeBufferPointer<Fitting>, _ shared: ReplicaSetupTerms)
        throws(CapacityError) -> ReplicaCapacity {
        let setup = shared.setup
        // The lowest cost per token over every layout that fits and meets the targets.
        let best = fitting.lazy.compactMap({ $0.point }).max { $0.perDevice < $1.perDevice }

        // Set once on each path, then given the better layout in place (a copy of a capacity is large).
        var chosen: ReplicaCapacity
        if let degree = setup.tensorParallel {
            guard tensorParallelDegrees.contains(degree) else { throw .invalidTensorParallel(found: degree) }
            guard let first = fitting.firstIndex(where: { $0.layout.devices == degree }) else {
                let layouts = layouts(for: setup)
                throw doesNotFit(ReplicaPlan(shared: shared, layout: layouts.first { $0.devices == degree } ?? .tensor(degree)))
            }
            let atDegree = fitting.lazy.filter { $0.layout.devices == degree }
            guard let top = atDegree.compactMap({ $0.point }).max(by: { $0.perDevice < $1.perDevice }) else {
                return try ReplicaCapacity(operatingPoint(of: ReplicaPlan(shared: shared, layout: fitting[first].layout)), shared,
                                           reason: .set)
            }
            chosen = ReplicaCapacity(top, shared, reason: .set)
        } else {
            guard let smallest = fitting.first?.layout, let largest = fitting.last?.layout else {
                let layouts = layouts(for: setup)
                let plan = ReplicaPlan(shared: shared, layout: layouts.last { $0.kind == .tensor } ?? layouts.last ?? .tensor(8))
                throw .modelTooLarge(model: setup.model.id, precision: setup.weightPrecision, accelerator: setup.accelerator.id,
                                     requiredGB: plan.minimumBytes / 1e9,
                                     availableGB: plan.usableBytesPerDevice * Double(plan.tensorParallel) / 1e9,
                                     reserveShare: shared.efficiency.memoryReserveShare)
            }
            switch setup.tensorParallelPolicy {
            case .smallestThatFits:
                // Step up from the smallest layout that fits until one meets the latency targets.
                var found: ReplicaCapacity?
                for candidate in fitting where candidate.layout.devices < largest.devices {
                    if let point = candidate.point {
                        found = ReplicaCapacity(point, shared, reason: candidate.layout.devices == smallest.devices ? .memory : .latency)
                        break
                    }
                }
                if let found {
                    chosen = found
                } else {
                    let reason: TensorParallelReason = largest.devices == smallest.devices ? .memory : .latency
                    if let point = fitting[fitting.count - 1].point {
                        chosen = ReplicaCapacity(point, shared, reason: reason)
                    } else {
                        chosen = try ReplicaCapacity(operatingPoint(of: ReplicaPlan(shared: shared, layout: largest)), shared, reason: reason)
                    }
                }
            case .mostThroughputPerDevice:
                guard let best else {
                    return try ReplicaCapacity(operatingPoint(of: ReplicaPlan(shared: shared, layout: largest)), shared, reason: .throughput)
                }
                chosen = ReplicaCapacity(best, shared, reason: .throughput)
            }
        }
        if let best, best.layout != chosen.layout, best.perDevice > chosen.perDevice * (1 + 1e-9) {
            chosen.betterLayout = best.layout
            chosen.betterLayoutOutputPerDevice = best.perDevice
        }
        return chosen
    }

    /// The layouts a setup may take, fewest devices first and tensor parallel first at each count:
    /// expert parallelism with data-parallel attention only for a mixture of experts whose expert
    /// counts are known, and only from two devices on.
    static func layouts(for setup: ServingSetup) -> [ParallelLayout] {
        var out: [ParallelLayout] = []
        out.reserveCapacity(2 * tensorParallelDegrees.count)
        forEachLayout(of: setup) { out.append($0) }
        return out
    }

    /// `layouts(for:)` one by one, with no array.
    private static func forEachLayout(of setup: ServingSetup, _ body: (ParallelLayout) -> Void) {
        let tensor = setup.layoutChoice.allows(.tensor)
        let expert = setup.layoutChoice.allows(.expertDataAttention) && setup.model.expertSplit != nil
        for n in tensorParallelDegrees {
            if tensor { body(.tensor(n)) }
            if expert, n > 1 { body(ParallelLayout(.expertDataAttention, devices: n)) }
        }
    }

    /// Effective output tokens per second per device: what a device-hour buys.
    var perDevice: Double { effectiveOutputTokensPerSecond / Double(tensorParallel) }

    /// A layout at its operating point, before the rest of its figures: enough to rank layouts.
    private struct OperatingPoint {
        /// The plan's layout (a plan holds the setup by reference: a copy would retain it).
        var layout: ParallelLayout
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
            let oneMs = plan.timePerOutputTokenSeconds(batch: 1) * 1000
            guard oneMs <= target else {
                throw .latencyUnreachable(metric: .timePerOutputToken, targetMs: target, bestMs: oneMs,
                                          accelerator: shared.setup.accelerator.id, tensorParallel: plan.tensorParallel)
            }
            let batchMs = plan.timePerOutputTokenSeconds(batch: batch) * 1000
            if !(batchMs <= target) {
                batch = lastBatchMeeting(target, plan, low: (1, oneMs), high: (batch, batchMs))
                limit = .latency
            }
        }
        let effectiveOutput = Double(batch) / plan.decodeStep(batch: batch).seconds
        return OperatingPoint(layout: plan.layout, batch: batch, limit: limit, timeToFirstTokenMs: timeToFirstTokenMs,
                              perDevice: effectiveOutput / Double(plan.tensorParallel))
    }

    /// The last batch between `low` and `high` whose time per output token keeps `targetMs`, given
    /// that `low` keeps it and `high` does not (each with its time, in ms).
    ///
    /// The time never falls as the batch grows, in floating point as in the formula: every term of
    /// a step is built from the batch by sums, products and quotients with non-negative figures
    /// that do not depend on it, by `max`, and by 1 − pow(c, tokens) with c in [0, 1]; rounding to
    /// nearest keeps each of these monotone (pow is within an ulp, and one more request multiplies
    /// c^tokens by c or less, far more than an ulp). So exactly one batch keeps the target with the
    /// next one missing it, and any search that keeps `low` meeting the target and `high` missing
    /// it ends there, as the bisection this replaces did. It guesses where the time crosses the
    /// target by interpolating between the two ends — right at once where the time is linear in
    /// the batch, as a memory-bound step is — and bisects once after two guesses in a row moved
    /// the same end (where the time curves, a guess can creep up on the answer from one side).
    private static func lastBatchMeeting(_ targetMs: Double, _ plan: ReplicaPlan, low: (batch: Int, ms: Double),
                                         high: (batch: Int, ms: Double)) -> Int {
        var low = low, high = high
        var streak = 0, movedLow = false
        while high.batch - low.batch > 1 {
            var probe = low.batch + (high.batch - low.batch) / 2
            if streak < 2 {
                let fraction = (targetMs - low.ms) / (high.ms - low.ms)
                // In [0, 1) between finite ends; a NaN or an infinite end bisects.
                if fraction >= 0, fraction < 1 {
                    probe = min(max(low.batch + Int(fraction * Double(high.batch - low.batch)), low.batch + 1), high.batch - 1)
                }
            }
            let ms = plan.timePerOutputTokenSeconds(batch: probe) * 1000
            let meets = ms <= targetMs
            if meets { low = (probe, ms) } else { high = (probe, ms) }
            streak = streak >= 2 ? 0 : (streak > 0 && meets == movedLow ? streak + 1 : 1)
            movedLow = meets
        }
        return low.batch
    }

    private init(_ point: OperatingPoint, _ shared: ReplicaSetupTerms, reason: TensorParallelReason) {
        let plan = ReplicaPlan(shared: shared, layout: point.layout), batch = point.batch
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

        self.init(
            tensorParallel: plan.tensorParallel, tensorParallelReason: reason, layout: plan.layout,
            engine: shared.setup.servingEngine, betterLayout: nil, betterLayoutOutputPerDevice: nil, batch: batch, batchLimit: point.limit,
            outputTokensPerSecond: outputRate, inputTokensPerSecond: inputRate, prefillOnlyTokensPerSecond: prefillOnly,
            timePerOutputTokenMs: step.seconds * 1000,
            timeToFirstTokenMs: point.timeToFirstTokenMs, bound: step.bound,
            weightsGB: plan.weightBytes / 1e9, kvCacheGB: kvCacheBytes / 1e9,
            effectiveOutputTokensPerSecond: effectiveOutput,
            batchThatFillsMemory: plan.batchThatFillsMemory, kvCacheBytesPerToken: plan.kvCacheBytesPerToken,
            memoryUsedPerDeviceGB: (plan.weightBytes + kvCacheBytes) / devices / 1e9,
            memoryUsablePerDeviceGB: plan.usableBytesPerDevice / 1e9,
            memoryPerDeviceGB: shared.setup.accelerator.memoryGB,
            efficiency: plan.efficiency)
    }

    private static func doesNotFit(_ plan: ReplicaPlan) -> CapacityError {
        .doesNotFit(model: plan.setup.model.id, precision: plan.setup.weightPrecision, accelerator: plan.setup.accelerator.id,
                    tensorParallel: plan.tensorParallel, requiredGB: plan.minimumBytes / 1e9,
                    availableGB: plan.usableBytesPerDevice * Double(plan.tensorParallel) / 1e9,
                    reserveShare: plan.efficiency.memoryReserveShare)
    }
}
