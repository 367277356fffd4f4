/// The ranges of a device's datasheet figures, an open model's architecture, a machine's power, a
/// serving engine's utilizations and a plan's allowance, declared once: a scenario's inline `gpu`,
/// `model`, `watts_*`, efficiency and `included` keys take them, and the catalog checks its GPUs,
/// machines, open models, calibrations and plans against them when it reads them, so the capacity model never meets a figure (a 0
/// it divides by, a 1e300 that becomes inf) that a scenario could not write.
public enum SpecBounds {
    public static let memoryGB = NumberBounds.atLeast(0.1, atMost: 1e5)
    public static let bandwidthTBps = NumberBounds.atLeast(1e-3, atMost: 1e3)
    /// Dense BF16, FP8, FP4 TFLOPS and INT8, INT4 TOPS.
    public static let compute = NumberBounds.atLeast(1e-3, atMost: 1e6)
    public static let parameters = NumberBounds.atLeast(1e6, atMost: 1e14)
    public static let layers = NumberBounds.atLeast(1, atMost: 1000)
    public static let hiddenSize = NumberBounds.atLeast(1, atMost: 1_000_000)
    /// Attention and key/value heads, and the dimension of one.
    public static let heads = NumberBounds.atLeast(1, atMost: 10_000)
    public static let latentKVValues = NumberBounds.atLeast(1, atMost: 1_000_000)
    public static let contextLength = NumberBounds.atLeast(1, atMost: 100_000_000)
    public static let experts = NumberBounds.atLeast(1, atMost: 100_000)
    public static let watts = NumberBounds.atLeast(0, atMost: 1e6)
    /// Achieved over datasheet bandwidth or peak FLOPS (a calibration's fit stays within it too).
    public static let utilization = NumberBounds.atLeast(0.01, atMost: 1)
    /// Requests a subscription seat includes a month.
    public static let includedRequests = NumberBounds.atLeast(0, atMost: 1e12)
}
