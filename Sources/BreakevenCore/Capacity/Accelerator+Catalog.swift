extension Accelerator {
    /// A rented GPU from the catalog; the class is inferred from its id and name unless given.
    public init(_ gpu: GPUSpec, acceleratorClass: AcceleratorClass? = nil) {
        self.init(id: gpu.id, name: gpu.name,
                  acceleratorClass: acceleratorClass ?? Self.inferredClass(id: gpu.id, name: gpu.name), datasheet: gpu.datasheet)
    }

    /// An owned machine (a Mac, a workstation, a DGX Spark): one device with its usable memory.
    /// Formats without a quoted peak compute at the BF16 one.
    public init(_ hardware: HardwareSpec, acceleratorClass: AcceleratorClass? = nil) {
        self.init(id: hardware.id, name: hardware.name,
                  acceleratorClass: acceleratorClass ?? Self.inferredClass(id: hardware.id, name: hardware.name), datasheet: hardware.datasheet)
    }

    private static func inferredClass(id: String, name: String) -> AcceleratorClass {
        let fromID = AcceleratorClass(inferringFrom: id)
        return fromID != .other ? fromID : AcceleratorClass(inferringFrom: name)
    }
}
