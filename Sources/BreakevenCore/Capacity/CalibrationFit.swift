import Foundation

/// One measured point of a user's benchmark.
public struct CalibrationMeasurement: Sendable, Hashable {
    public var inputTokens: Double
    public var outputTokens: Double
    public var concurrency: Int
    public var metric: ValidationPoint.Metric
    public var measured: Double

    public init(inputTokens: Double, outputTokens: Double, concurrency: Int, metric: ValidationPoint.Metric, measured: Double) {
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.concurrency = concurrency
        self.metric = metric
        self.measured = measured
    }
}

/// Fits memory-bandwidth and compute utilization and the per-step overhead of one device × model ×
/// engine to measured points: the values that minimise the root mean square of ln(predicted /
/// measured), searched on a grid and refined around the best (deterministic, no random start).
public enum CalibrationFit {
    public struct Outcome: Sendable {
        public var memoryBandwidthUtilization: Double
        public var computeUtilization: Double
        public var stepOverheadMs: Double
        /// RMS of ln(predicted / measured) after the fit, and with the defaults before.
        public var residual: Double
        public var residualBefore: Double
        public var points: [Calibration.Point]
    }

    /// The prediction of a measurement with `setup` (its request and caps replaced by the point's).
    static func predict(_ m: CalibrationMeasurement, setup: ServingSetup, efficiency: EfficiencyOverrides) -> Double? {
        var s = setup
        s.request = RequestShape(inputTokens: m.inputTokens, outputTokens: m.outputTokens, cachedInputShare: m.metric == .decode ? 1 : 0)
        s.maxConcurrency = m.concurrency
        s.maxBatch = nil
        s.latency = .none
        s.efficiency = efficiency
        guard let c = try? ReplicaCapacity.estimate(for: s) else { return nil }
        return m.metric == .prefill ? c.prefillOnlyTokensPerSecond : c.effectiveOutputTokensPerSecond
    }

    static func residual(_ points: [CalibrationMeasurement], _ setup: ServingSetup, _ e: EfficiencyOverrides) -> Double {
        var sum = 0.0
        for m in points {
            guard let p = predict(m, setup: setup, efficiency: e), p > 0 else { return .infinity }
            let r = log(p / m.measured)
            sum += r * r
        }
        return (sum / Double(max(points.count, 1))).squareRoot()
    }

    public static func fit(_ points: [CalibrationMeasurement], setup: ServingSetup) -> Outcome {
        var defaults = ServingEfficiency.defaults(for: setup.accelerator.acceleratorClass)
        defaults = defaults.applying(setup.efficiency)
        var best = (mbu: defaults.memoryBandwidthUtilization, mfu: defaults.computeUtilization, overhead: defaults.stepOverheadSeconds * 1000)
        func value(_ c: (mbu: Double, mfu: Double, overhead: Double)) -> Double {
            residual(points, setup, EfficiencyOverrides(memoryBandwidthUtilization: c.mbu, computeUtilization: c.mfu, stepOverheadMs: c.overhead))
        }
        var bestValue = value(best)
        // A coarse grid, then halving steps around the best: MBU and MFU in (0, 1], overhead in ms.
        for mbu in stride(from: 0.1, through: 1.0, by: 0.1) {
            for mfu in stride(from: 0.1, through: 1.0, by: 0.1) {
                for overhead in [0.0, 1, 2, 4, 8] {
                    let v = value((mbu, mfu, overhead))
                    if v < bestValue { (best, bestValue) = ((mbu, mfu, overhead), v) }
                }
            }
        }
        var step = (mbu: 0.05, mfu: 0.05, overhead: 0.5)
        for _ in 0..<6 {
            for dm in [-1.0, 0, 1] {
                for dc in [-1.0, 0, 1] {
                    for doh in [-1.0, 0, 1] {
                        let c = (mbu: min(1, max(0.01, best.mbu + dm * step.mbu)), mfu: min(1, max(0.01, best.mfu + dc * step.mfu)),
                                 overhead: max(0, best.overhead + doh * step.overhead))
                        let v = value(c)
                        if v < bestValue { (best, bestValue) = (c, v) }
                    }
                }
            }
            step = (step.mbu / 2, step.mfu / 2, step.overhead / 2)
        }
        let before = EfficiencyOverrides()
        let after = EfficiencyOverrides(memoryBandwidthUtilization: best.mbu, computeUtilization: best.mfu, stepOverheadMs: best.overhead)
        let rows = points.map { m in
            Calibration.Point(inputTokens: m.inputTokens, outputTokens: m.outputTokens, concurrency: m.concurrency, metric: m.metric.rawValue,
                              measured: m.measured, predictedBefore: predict(m, setup: setup, efficiency: before) ?? 0,
                              predictedAfter: predict(m, setup: setup, efficiency: after) ?? 0)
        }
        return Outcome(memoryBandwidthUtilization: best.mbu, computeUtilization: best.mfu, stepOverheadMs: best.overhead,
                       residual: bestValue, residualBefore: residual(points, setup, before), points: rows)
    }
}
