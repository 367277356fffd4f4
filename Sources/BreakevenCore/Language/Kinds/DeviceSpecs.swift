/// A device's datasheet figures written in the scenario (`gpu: {memory_gb, …}`) instead of a
/// catalog GPU.
struct DeviceSettings: KeySettings {
    var memoryGB: Double?
    var bandwidthTBps: Double?
    var bf16TFLOPS: Double?
    var fp8TFLOPS: Double?
    var int8TOPS: Double?
    var int4TOPS: Double?
    var fp4TFLOPS: Double?
    var deviceClass: AcceleratorClass?
    var name: String?

    var accelerator: Accelerator {
        // Messages and assumptions name a device by its id: the name written, else what it is.
        let name = self.name ?? "inline GPU"
        return Accelerator(id: name, name: name, acceleratorClass: deviceClass ?? AcceleratorClass(inferringFrom: name),
                           memoryGB: memoryGB ?? 0, bandwidthTBps: bandwidthTBps ?? 0, bf16TFLOPS: bf16TFLOPS ?? 0,
                           fp8TFLOPS: fp8TFLOPS, int8TOPS: int8TOPS, int4TOPS: int4TOPS, fp4TFLOPS: fp4TFLOPS)
    }
}

enum DeviceSpecs {
    typealias S = DeviceSettings

    static let keys: [Key<S>] = [
        NumberKey("memory_gb", \S.memoryGB, SpecBounds.memoryGB, required: true, KeyDoc(
            "Device memory", .quantity("GB"), "Memory per device, decimal GB.")).key,
        NumberKey("bandwidth_tbps", \S.bandwidthTBps, SpecBounds.bandwidthTBps, required: true, KeyDoc(
            "Memory bandwidth", .quantity("TB/s"), "Memory bandwidth, TB/s.")).key,
        NumberKey("bf16_tflops", \S.bf16TFLOPS, SpecBounds.compute, required: true, KeyDoc(
            "BF16 compute", .quantity("TFLOPS"), "Dense BF16 TFLOPS.")).key,
        NumberKey("fp8_tflops", \S.fp8TFLOPS, SpecBounds.compute, KeyDoc("FP8 compute", .quantity("TFLOPS"), "Dense FP8 TFLOPS.")).key,
        NumberKey("int8_tops", \S.int8TOPS, SpecBounds.compute, KeyDoc("INT8 compute", .quantity("TOPS"), "Dense INT8 TOPS.")).key,
        NumberKey("int4_tops", \S.int4TOPS, SpecBounds.compute, KeyDoc("INT4 compute", .quantity("TOPS"), "Dense INT4 TOPS.")).key,
        NumberKey("fp4_tflops", \S.fp4TFLOPS, SpecBounds.compute, KeyDoc(
            "FP4 compute", .quantity("TFLOPS"), "Dense FP4 (NVFP4/MXFP4) TFLOPS, where the device has an FP4 path.")).key,
        ChoiceKey("class", \S.deviceClass, KeyDoc(
            "Device class", .text, "Device class, for default efficiencies (default: inferred from the name).")).key,
        TextKey("name", \S.name, recorded: false, KeyDoc("Device name", .text, "Name shown in reports.")).key,
    ]

}
