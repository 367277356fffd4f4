/// One device of a replica as the capacity model sees it: what a rented GPU (`GPUSpec`) and an
/// owned machine (`HardwareSpec`) both reduce to. Figures are per device, decimal units, dense.
public struct Accelerator: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    var acceleratorClass: AcceleratorClass
    /// Decimal gigabytes (10^9 bytes) of memory for weights, KV cache and runtime.
    public var memoryGB: Double
    /// Decimal terabytes per second.
    public var bandwidthTBps: Double
    /// Dense peaks, in 10^12 operations per second: datasheets quote 2:4-sparse figures, twice
    /// these (LLM-Viewer's `nvidia_H100_SXM` FP16 of 1979e12 is the sparse figure; dense is 989).
    public var bf16TFLOPS: Double
    public var fp8TFLOPS: Double?
    public var int8TOPS: Double?
    public var int4TOPS: Double?
    /// Dense FP4 (NVFP4 / MXFP4) peak where the tensor cores have one (Blackwell, GB10, MI355X).
    public var fp4TFLOPS: Double?
    /// Gigabytes per second each device sends to its tensor-parallel peers, one direction.
    var interconnectGBps: Double

    public init(id: String, name: String, acceleratorClass: AcceleratorClass, memoryGB: Double,
                bandwidthTBps: Double, bf16TFLOPS: Double, fp8TFLOPS: Double? = nil, int8TOPS: Double? = nil,
                int4TOPS: Double? = nil, fp4TFLOPS: Double? = nil, interconnectGBps: Double? = nil) {
        self.id = id
        self.name = name
        self.acceleratorClass = acceleratorClass
        self.memoryGB = memoryGB
        self.bandwidthTBps = bandwidthTBps
        self.bf16TFLOPS = bf16TFLOPS
        self.fp8TFLOPS = fp8TFLOPS
        self.int8TOPS = int8TOPS
        self.int4TOPS = int4TOPS
        self.fp4TFLOPS = fp4TFLOPS
        self.interconnectGBps = interconnectGBps ?? acceleratorClass.interconnectGBps
    }

    /// The peak that matrix multiplies on `weights` run at, and the format they run in.
    ///
    /// A device without a native path for a format dequantizes the weights into BF16 matrix
    /// multiplies (W8A16 / W4A16 kernels such as Marlin, AWQ, GGUF), so it gets the BF16 peak.
    /// Integer 4-bit weights use the 4-bit peak only where the tensor cores compute them
    /// (Blackwell, GB10); NVFP4 and MXFP4 use the FP4 peak wherever the device quotes one.
    public func peak(for weights: Precision) -> (teraOpsPerSecond: Double, runsAt: Precision) {
        switch weights {
        case .bf16:
            return (bf16TFLOPS, .bf16)
        case .fp8:
            if let fp8TFLOPS { return (fp8TFLOPS, .fp8) }
        case .int8:
            if let int8TOPS { return (int8TOPS, .int8) }
        case .int4:
            if acceleratorClass.computesFourBitNatively, let int4TOPS { return (int4TOPS, .int4) }
        case .nvfp4, .mxfp4:
            if let fp4TFLOPS { return (fp4TFLOPS, weights) }
        }
        return (bf16TFLOPS, .bf16)
    }
}
