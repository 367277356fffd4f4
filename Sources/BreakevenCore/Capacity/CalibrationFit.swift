import Foundation

/// One measured point of a user's benchmark.
public struct CalibrationMeasurement: Sendable, Hashable {
    public var inputTokens: Double
    public var outputTokens: Double
    public var concurrency: Int
    var metric: ValidationPoint.Metric
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
///
/// Points often cannot tell all three apart: one `benchmark_serving` run, or a deployment that
/// only ever ran at low batch where the arithmetic never limits a step. Then many values fit
/// equally well and the grid's first one (a compute utilization of 0.1, say) would be stored and
/// used at batches the points never saw. So the fit is taken in two passes: the least residual;
/// then, where the points fix fewer than the three figures there (`identified`), among values
/// within `tolerance` of it (0.1% of RMS log error, far below any benchmark's run-to-run noise),
/// the one nearest the published defaults (in log terms for the utilizations, milliseconds for
/// the overhead): only as many figures fitted as the points fix, the others at their defaults. The
/// outcome says how many of the three figures the points fix.
public enum CalibrationFit {
    /// The three figures fitted.
    public enum Figure: String, Sendable, CaseIterable {
        case memoryBandwidthUtilization = "memory bandwidth utilization"
        case computeUtilization = "compute utilization"
        case stepOverhead = "step overhead"

        /// Every set of at most `count` figures, the empty one first.
        static func subsets(ofAtMost count: Int) -> [Set<Figure>] {
            (0..<(1 << allCases.count)).map { mask in Set(allCases.indices.filter { mask & (1 << $0) != 0 }.map { allCases[$0] }) }
                .filter { $0.count <= count }
        }
    }

    public struct Outcome: Sendable {
        public var memoryBandwidthUtilization: Double
        public var computeUtilization: Double
        public var stepOverheadMs: Double
        /// RMS of ln(predicted / measured) after the fit, and with the defaults before.
        public var residual: Double
        public var residualBefore: Double
        public var points: [Calibration.Point]
        /// How many of the three figures the points fix: the rank of their sensitivities (how
        /// each point's ln prediction moves with each figure) at the fitted values. Under 3, the
        /// fit stays nearest the defaults along what the points leave open.
        public var determined: Int
        /// The figures no point's prediction moves with at all (a compute utilization that
        /// only decode at low batch was measured with).
        public var unseen: [Figure]
    }

    /// Residuals closer than this are one fit.
    static let tolerance = 1e-3

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

    /// Memory-bandwidth and compute utilization in (0, 1], the overhead in milliseconds.
    struct Candidate: Equatable {
        var mbu, mfu, overhead: Double

        var overrides: EfficiencyOverrides {
            EfficiencyOverrides(memoryBandwidthUtilization: mbu, computeUtilization: mfu, stepOverheadMs: overhead)
        }

        /// How far from `defaults`: squared log ratios of the utilizations, squared milliseconds of overhead.
        func distance(to defaults: Candidate) -> Double {
            let m = log(mbu / defaults.mbu), c = log(mfu / defaults.mfu), o = overhead - defaults.overhead
            return m * m + c * c + o * o
        }

        func with(_ figure: Figure, _ value: Double) -> Candidate {
            var c = self
            switch figure {
            case .memoryBandwidthUtilization: c.mbu = value
            case .computeUtilization: c.mfu = value
            case .stepOverhead: c.overhead = value
            }
            return c
        }
    }

    public static func fit(_ points: [CalibrationMeasurement], setup: ServingSetup) -> Outcome {
        let published = ServingEfficiency.defaults(for: setup.accelerator.acceleratorClass).applying(setup.efficiency)
        let defaults = Candidate(mbu: published.memoryBandwidthUtilization, mfu: published.computeUtilization,
                                 overhead: published.stepOverheadSeconds * 1000)
        func value(_ c: Candidate) -> Double { residual(points, setup, c.overrides) }

        // Pass 1: the least residual. Pass 2, only where the points leave a choice there: within
        // `tolerance` of it, the nearest the defaults. Points that fix all three keep their fit exactly.
        let least = search(from: defaults, value: value) { v, _, bestValue, _ in v < bestValue }
        var chosen = least
        var (determined, unseen) = identified(points, setup: setup, at: least.candidate)
        if determined < Figure.allCases.count {
            let threshold = least.value + tolerance
            // As many figures free as the points fix, the others at their defaults: of the sets of
            // figures that fit as well as all three, the fit nearest the defaults. A step search
            // from the least fit toward the defaults is the fallback: it reaches only about ±0.1 of a
            // utilization, not a default far along the valley of equal fits.
            let fits = Figure.subsets(ofAtMost: determined).compactMap { free in
                let fit = search(from: defaults, free: free, value: value) { v, _, bestValue, _ in v < bestValue }
                return fit.value <= threshold ? fit : nil
            }
            chosen = fits.min { $0.candidate.distance(to: defaults) < $1.candidate.distance(to: defaults) }
                ?? search(from: least.candidate, also: defaults, value: value) { v, c, _, best in
                    v <= threshold && c.distance(to: defaults) < best.distance(to: defaults)
                }
            (determined, unseen) = identified(points, setup: setup, at: chosen.candidate)
        }

        let before = EfficiencyOverrides()
        let after = chosen.candidate.overrides
        let rows = points.map { m in
            Calibration.Point(inputTokens: m.inputTokens, outputTokens: m.outputTokens, concurrency: m.concurrency, metric: m.metric.rawValue,
                              measured: m.measured, predictedBefore: predict(m, setup: setup, efficiency: before) ?? 0,
                              predictedAfter: predict(m, setup: setup, efficiency: after) ?? 0)
        }
        return Outcome(memoryBandwidthUtilization: chosen.candidate.mbu, computeUtilization: chosen.candidate.mfu,
                       stepOverheadMs: chosen.candidate.overhead, residual: chosen.value,
                       residualBefore: residual(points, setup, before), points: rows, determined: determined, unseen: unseen)
    }

    /// How many figures the points fix at `c`, and which they do not see: each figure's column of
    /// central differences of every point's ln prediction (±5% of a utilization, ±0.5 ms of
    /// overhead), a column under `tolerance` at every point unseen, and the rank by Gram–Schmidt, a
    /// column counted where what the earlier ones leave of it is over 1% of its length.
    static func identified(_ points: [CalibrationMeasurement], setup: ServingSetup, at c: Candidate) -> (determined: Int, unseen: [Figure]) {
        func logs(_ x: Candidate) -> [Double] {
            points.map { m in predict(m, setup: setup, efficiency: x.overrides).map { log(max($0, .leastNormalMagnitude)) } ?? 0 }
        }
        var basis: [[Double]] = [], unseen: [Figure] = []
        for figure in Figure.allCases {
            let (low, high): (Candidate, Candidate)
            switch figure {
            case .memoryBandwidthUtilization: (low, high) = (c.with(figure, c.mbu * 0.95), c.with(figure, min(1, c.mbu * 1.05)))
            case .computeUtilization: (low, high) = (c.with(figure, c.mfu * 0.95), c.with(figure, min(1, c.mfu * 1.05)))
            case .stepOverhead: (low, high) = (c.with(figure, max(0, c.overhead - 0.5)), c.with(figure, c.overhead + 0.5))
            }
            let column = zip(logs(high), logs(low)).map { $0 - $1 }
            guard column.contains(where: { abs($0) >= tolerance }) else {
                unseen.append(figure)
                continue
            }
            var rest = column
            for b in basis {
                let projection = zip(rest, b).reduce(0) { $0 + $1.0 * $1.1 }
                rest = zip(rest, b).map { $0 - projection * $1 }
            }
            let length = column.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let left = rest.reduce(0) { $0 + $1 * $1 }.squareRoot()
            if left > 0.01 * length { basis.append(rest.map { $0 / left }) }
        }
        return (basis.count, unseen)
    }

    /// A coarse grid, then halving steps around the best, moving only the `free` figures (the
    /// others stay at `start`'s): `better(value, candidate, best value, best)` says whether a
    /// candidate replaces the best so far.
    static func search(from start: Candidate, also extra: Candidate? = nil, free: Set<Figure> = Set(Figure.allCases),
                       value: (Candidate) -> Double,
                       better: (Double, Candidate, Double, Candidate) -> Bool) -> (candidate: Candidate, value: Double) {
        var best = start, bestValue = value(start)
        func consider(_ c: Candidate) {
            let v = value(c)
            if better(v, c, bestValue, best) { (best, bestValue) = (c, v) }
        }
        func values(_ figure: Figure, _ grid: [Double], at fixed: Double) -> [Double] { free.contains(figure) ? grid : [fixed] }
        let steps: (Figure) -> [Double] = { free.contains($0) ? [-1, 0, 1] : [0] }
        if let extra { consider(extra) }
        for mbu in values(.memoryBandwidthUtilization, Array(stride(from: 0.1, through: 1.0, by: 0.1)), at: start.mbu) {
            for mfu in values(.computeUtilization, Array(stride(from: 0.1, through: 1.0, by: 0.1)), at: start.mfu) {
                for overhead in values(.stepOverhead, [0.0, 1, 2, 4, 8], at: start.overhead) {
                    consider(Candidate(mbu: mbu, mfu: mfu, overhead: overhead))
                }
            }
        }
        var step = (mbu: 0.05, mfu: 0.05, overhead: 0.5)
        for _ in 0..<12 {
            for dm in steps(.memoryBandwidthUtilization) {
                for dc in steps(.computeUtilization) {
                    for doh in steps(.stepOverhead) {
                        consider(Candidate(mbu: min(1, max(0.01, best.mbu + dm * step.mbu)), mfu: min(1, max(0.01, best.mfu + dc * step.mfu)),
                                           overhead: max(0, best.overhead + doh * step.overhead)))
                    }
                }
            }
            step = (step.mbu / 2, step.mfu / 2, step.overhead / 2)
        }
        return (best, bestValue)
    }
}
