/// One device of a replica as the capacity model sees it: what a rented GPU (`GPUSpec`) and an
/// owned machine (`HardwareSpec`) both reduce to: their datasheet, with a device class and an
/// interconnect. The datasheet's figures read as its own (`accelerator.memoryGB`).
@dynamicMemberLookup
public struct Accelerator: Sendable, Hashable {
    public var id: String
    public var name: String
    var acceleratorClass: AcceleratorClass
    public var datasheet: Datasheet
    /// Gigabytes per second each device sends to its tensor-parallel peers, one direction.
    var interconnectGBps: Double

    init(id: String, name: String, acceleratorClass: AcceleratorClass, datasheet: Datasheet, interconnectGBps: Double? = nil) {
        self.id = id
        self.name = name
        self.acceleratorClass = acceleratorClass
        self.datasheet = datasheet
        self.interconnectGBps = interconnectGBps ?? acceleratorClass.interconnectGBps
    }

    /// A device given figure by figure (a scenario's inline GPU, the validation ledger's machines).
    init(id: String, name: String, acceleratorClass: AcceleratorClass, memoryGB: Double,
                bandwidthTBps: Double, bf16TFLOPS: Double, fp8TFLOPS: Double? = nil, int8TOPS: Double? = nil,
                int4TOPS: Double? = nil, fp4TFLOPS: Double? = nil, interconnectGBps: Double? = nil) {
        let datasheet = Datasheet(memoryGB: memoryGB, bandwidthTBps: bandwidthTBps, bf16TFLOPS: bf16TFLOPS, fp8TFLOPS: fp8TFLOPS,
                                  int8TOPS: int8TOPS, int4TOPS: int4TOPS, fp4TFLOPS: fp4TFLOPS)
        self.init(id: id, name: name, acceleratorClass: acceleratorClass, datasheet: datasheet, interconnectGBps: interconnectGBps)
    }

    public subscript<Figure>(dynamicMember figure: KeyPath<Datasheet, Figure>) -> Figure { datasheet[keyPath: figure] }

    /// The peak that matrix multiplies on `weights` run at, and the format they run in.
    ///
    /// A device without a native path for a format dequantizes the weights into BF16 matrix
    /// multiplies (W8A16 / W4A16 kernels such as Marlin, AWQ, GGUF), so it gets the BF16 peak.
    /// Integer 4-bit weights use the 4-bit peak only where the tensor cores compute them
    /// (Blackwell, GB10); NVFP4 and MXFP4 use the FP4 peak wherever the device quotes one.
    public func peak(for weights: Precision) -> (teraOpsPerSecond: Double, runsAt: Precision) {
        switch weights {
        case .bf16:
            return (datasheet.bf16TFLOPS, .bf16)
        case .fp8:
            if let fp8 = datasheet.fp8TFLOPS { return (fp8, .fp8) }
        case .int8:
            if let int8 = datasheet.int8TOPS { return (int8, .int8) }
        case .int4:
            if acceleratorClass.computesFourBitNatively, let int4 = datasheet.int4TOPS { return (int4, .int4) }
        case .nvfp4, .mxfp4:
            if let fp4 = datasheet.fp4TFLOPS { return (fp4, weights) }
        }
        return (datasheet.bf16TFLOPS, .bf16)
    }
}
