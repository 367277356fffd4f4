/// A machine one can buy and run at home or in an office: price, memory, speed and power.
public struct HardwareSpec: Sendable, Hashable, Codable {
    /// e.g. `mac-studio-m4-max-128gb`
    public var id: String
    public var name: String
    /// USD per unit.
    public var price: Double
    /// Memory usable for weights and KV cache (VRAM, or unified memory), decimal GB.
    public var memoryGB: Double
    public var bandwidthTBps: Double
    /// Dense BF16/FP16 TFLOPS of the accelerator, for prefill.
    public var bf16TFLOPS: Double
    /// Dense FP8 and FP4 peaks where the machine's GPU has them (an RTX 5090, a GB10); nil elsewhere.
    public var fp8TFLOPS: Double?
    public var fp4TFLOPS: Double?
    public var tdpWatts: Double
    public var wattsBusy: Double
    public var wattsIdle: Double
    public var effectiveFrom: CalendarDay
    public var source: String
    /// Who sells it at this price (apple, nvidia, a system builder…); nil when the source names no seller.
    public var provider: String?

    public init(id: String, name: String, price: Double, memoryGB: Double, bandwidthTBps: Double,
                bf16TFLOPS: Double, tdpWatts: Double, wattsBusy: Double, wattsIdle: Double,
                effectiveFrom: CalendarDay, source: String, fp8TFLOPS: Double? = nil, fp4TFLOPS: Double? = nil, provider: String? = nil) {
        self.id = id
        self.name = name
        self.price = price
        self.memoryGB = memoryGB
        self.bandwidthTBps = bandwidthTBps
        self.bf16TFLOPS = bf16TFLOPS
        self.tdpWatts = tdpWatts
        self.wattsBusy = wattsBusy
        self.wattsIdle = wattsIdle
        self.effectiveFrom = effectiveFrom
        self.source = source
        self.fp8TFLOPS = fp8TFLOPS
        self.fp4TFLOPS = fp4TFLOPS
        self.provider = provider
    }
}
