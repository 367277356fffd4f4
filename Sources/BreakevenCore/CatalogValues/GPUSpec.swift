/// A GPU's datasheet figures that decide inference speed. TFLOPS are dense (no 2:4 sparsity).
public struct GPUSpec: Sendable, Hashable, Codable {
    /// e.g. `h100-sxm`
    public var id: String
    public var name: String
    /// Decimal gigabytes (10^9 bytes), as vendors quote them.
    public var memoryGB: Double
    /// Decimal terabytes per second.
    public var bandwidthTBps: Double
    public var bf16TFLOPS: Double
    public var fp8TFLOPS: Double?
    public var int8TOPS: Double?
    public var int4TOPS: Double?
    /// Dense FP4 (NVFP4 / MXFP4) peak, where the tensor cores have one.
    public var fp4TFLOPS: Double?
    public var tdpWatts: Double
    public var source: String
    /// When `source` was read; nil when not recorded.
    public var retrievedOn: CalendarDay?

    public init(id: String, name: String, memoryGB: Double, bandwidthTBps: Double, bf16TFLOPS: Double,
                fp8TFLOPS: Double? = nil, int8TOPS: Double? = nil, int4TOPS: Double? = nil, fp4TFLOPS: Double? = nil,
                tdpWatts: Double, source: String, retrievedOn: CalendarDay? = nil) {
        self.id = id
        self.name = name
        self.memoryGB = memoryGB
        self.bandwidthTBps = bandwidthTBps
        self.bf16TFLOPS = bf16TFLOPS
        self.fp8TFLOPS = fp8TFLOPS
        self.int8TOPS = int8TOPS
        self.int4TOPS = int4TOPS
        self.fp4TFLOPS = fp4TFLOPS
        self.tdpWatts = tdpWatts
        self.source = source
        self.retrievedOn = retrievedOn
    }
}
