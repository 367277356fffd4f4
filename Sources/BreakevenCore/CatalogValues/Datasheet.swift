/// A device's datasheet figures that decide inference speed: what a catalog GPU and a catalog
/// machine both quote, and what the capacity model's `Accelerator` is built from. Per device,
/// decimal units, dense.
public struct Datasheet: Sendable, Hashable, Decodable {
    /// Decimal gigabytes (10^9 bytes), as vendors quote them, usable for weights, KV cache and
    /// runtime (VRAM, or a machine's unified memory).
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

    public init(memoryGB: Double, bandwidthTBps: Double, bf16TFLOPS: Double, fp8TFLOPS: Double? = nil,
                int8TOPS: Double? = nil, int4TOPS: Double? = nil, fp4TFLOPS: Double? = nil) {
        self.memoryGB = memoryGB
        self.bandwidthTBps = bandwidthTBps
        self.bf16TFLOPS = bf16TFLOPS
        self.fp8TFLOPS = fp8TFLOPS
        self.int8TOPS = int8TOPS
        self.int4TOPS = int4TOPS
        self.fp4TFLOPS = fp4TFLOPS
    }
}
