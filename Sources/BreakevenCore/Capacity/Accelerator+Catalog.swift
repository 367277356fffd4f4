extension Accelerator {
    /// A rented GPU from the catalog; the class is inferred from its id and name unless given.
    public init(_ gpu: GPUSpec, acceleratorClass: AcceleratorClass? = nil) {
        self.init(id: gpu.id, name: gpu.name,
                  acceleratorClass: acceleratorClass ?? Self.inferredClass(id: gpu.id, name: gpu.name),
                  memoryGB: gpu.memoryGB, bandwidthTBps: gpu.bandwidthTBps, bf16TFLOPS: gpu.bf16TFLOPS,
                  fp8TFLOPS: gpu.fp8TFLOPS, int8TOPS: gpu.int8TOPS, int4TOPS: gpu.int4TOPS)
    }

    /// An owned machine (a Mac, a workstation, a DGX Spark): one device with its usable memory.
    /// It quotes only a BF16 peak, so every weight format computes at that peak.
    public init(_ hardware: HardwareSpec, acceleratorClass: AcceleratorClass? = nil) {
        self.init(id: hardware.id, name: hardware.name,
                  acceleratorClass: acceleratorClass ?? Self.inferredClass(id: hardware.id, name: hardware.name),
                  memoryGB: hardware.memoryGB, bandwidthTBps: hardware.bandwidthTBps,
                  bf16TFLOPS: hardware.bf16TFLOPS)
    }

    private static func inferredClass(id: String, name: String) -> AcceleratorClass {
        let fromID = AcceleratorClass(inferringFrom: id)
        return fromID != .other ? fromID : AcceleratorClass(inferringFrom: name)
    }
}
