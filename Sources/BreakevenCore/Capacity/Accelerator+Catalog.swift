extension Accelerator {
    /// A rented GPU from the catalog; the class is inferred from its id and name unless given.
    public init(_ gpu: GPUSpec, acceleratorClass: AcceleratorClass? = nil) {
        self.init(id: gpu.id, name: gpu.name,
                  acceleratorClass: acceleratorClass ?? Self.inferredClass(id: gpu.id, name: gpu.name),
                  memoryGB: gpu.memoryGB, bandwidthTBps: gpu.bandwidthTBps, bf16TFLOPS: gpu.bf16TFLOPS,
                  fp8TFLOPS: gpu.fp8TFLOPS, int8TOPS: gpu.int8TOPS, int4TOPS: gpu.int4TOPS, fp4TFLOPS: gpu.fp4TFLOPS)
    }

    /// An owned machine (a Mac, a workstation, a DGX Spark): one device with its usable memory.
    /// Formats without a quoted peak compute at the BF16 one.
    public init(_ hardware: HardwareSpec, acceleratorClass: AcceleratorClass? = nil) {
        self.init(id: hardware.id, name: hardware.name,
                  acceleratorClass: acceleratorClass ?? Self.inferredClass(id: hardware.id, name: hardware.name),
                  memoryGB: hardware.memoryGB, bandwidthTBps: hardware.bandwidthTBps,
                  bf16TFLOPS: hardware.bf16TFLOPS, fp8TFLOPS: hardware.fp8TFLOPS, fp4TFLOPS: hardware.fp4TFLOPS)
    }

    private static func inferredClass(id: String, name: String) -> AcceleratorClass {
        let fromID = AcceleratorClass(inferringFrom: id)
        return fromID != .other ? fromID : AcceleratorClass(inferringFrom: name)
    }
}
