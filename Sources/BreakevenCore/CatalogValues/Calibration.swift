/// Efficiencies fitted to a user's own benchmark of one GPU × model × engine (`breakeven capacity
/// calibrate`): stored in the catalog and applied by the capacity model where they match.
public struct Calibration: Sendable, Hashable, Codable {
    /// One measured point and the prediction after the fit.
    public struct Point: Sendable, Hashable, Codable {
        public var inputTokens: Double
        public var outputTokens: Double
        /// Requests in flight (the benchmark's concurrency).
        public var concurrency: Int
        /// "serving output", "decode" or "prefill" (`ValidationPoint.Metric`).
        public var metric: String
        public var measured: Double
        public var predictedBefore: Double
        public var predictedAfter: Double

        public init(inputTokens: Double, outputTokens: Double, concurrency: Int, metric: String, measured: Double,
                    predictedBefore: Double, predictedAfter: Double) {
            self.inputTokens = inputTokens
            self.outputTokens = outputTokens
            self.concurrency = concurrency
            self.metric = metric
            self.measured = measured
            self.predictedBefore = predictedBefore
            self.predictedAfter = predictedAfter
        }
    }

    public var name: String
    public var gpu: String
    public var model: String
    public var engine: ServingEngine
    public var precision: Precision
    public var kvCachePrecision: Precision
    public var tensorParallel: Int
    public var memoryBandwidthUtilization: Double
    public var computeUtilization: Double
    public var stepOverheadMs: Double
    /// Root mean square of ln(predicted / measured) over the points after the fit.
    public var residual: Double
    public var points: [Point]
    /// The benchmark format: vllm, guidellm, aiperf, genai-perf, llama-bench, sglang, llmperf, prometheus.
    public var format: String
    /// SHA-256 of the result files, in the order given.
    public var sourceDigest: String
    public var sourceFiles: [String]
    public var createdOn: CalendarDay

    public init(name: String, gpu: String, model: String, engine: ServingEngine, precision: Precision,
                kvCachePrecision: Precision, tensorParallel: Int, memoryBandwidthUtilization: Double,
                computeUtilization: Double, stepOverheadMs: Double, residual: Double, points: [Point], format: String,
                sourceDigest: String, sourceFiles: [String], createdOn: CalendarDay) {
        self.name = name
        self.gpu = gpu
        self.model = model
        self.engine = engine
        self.precision = precision
        self.kvCachePrecision = kvCachePrecision
        self.tensorParallel = tensorParallel
        self.memoryBandwidthUtilization = memoryBandwidthUtilization
        self.computeUtilization = computeUtilization
        self.stepOverheadMs = stepOverheadMs
        self.residual = residual
        self.points = points
        self.format = format
        self.sourceDigest = sourceDigest
        self.sourceFiles = sourceFiles
        self.createdOn = createdOn
    }

    /// The efficiencies it sets, as the capacity model takes overrides.
    var overrides: EfficiencyOverrides {
        EfficiencyOverrides(memoryBandwidthUtilization: memoryBandwidthUtilization, computeUtilization: computeUtilization,
                            stepOverheadMs: stepOverheadMs)
    }

    /// How a report names it: "calibration h100-llama (12 points from vllm results, residual 4.1%, 2026-12-01)".
    public var summary: String {
        let percent = (residual * 1000).rounded() / 10
        return "calibration \(name) (\(points.count) points from \(format) results \(sourceDigest.prefix(12)), residual \(percent)%, \(createdOn))"
    }
}
