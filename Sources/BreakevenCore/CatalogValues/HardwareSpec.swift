/// A machine one can buy and run at home or in an office: price, memory, speed and power.
public struct HardwareSpec: Sendable, Hashable {
    /// e.g. `mac-studio-m4-max-128gb`
    public var id: String
    public var name: String
    /// USD per unit.
    public var price: Double
    /// Its accelerator's figures: memory usable for weights and KV cache (VRAM, or unified
    /// memory), and the FP8 and FP4 peaks where its GPU has them (an RTX 5090, a GB10). The
    /// catalog records no INT8 or INT4 peak for a machine: those formats compute at BF16.
    public var datasheet: Datasheet
    public var tdpWatts: Double
    public var wattsBusy: Double
    public var wattsIdle: Double
    public var effectiveFrom: CalendarDay
    public var source: String
    /// Who sells it at this price (apple, nvidia, a system builder…); nil when the source names no seller.
    public var provider: String?

    public init(id: String, name: String, price: Double, datasheet: Datasheet, tdpWatts: Double, wattsBusy: Double,
                wattsIdle: Double, effectiveFrom: CalendarDay, source: String, provider: String? = nil) {
        self.id = id
        self.name = name
        self.price = price
        self.datasheet = datasheet
        self.tdpWatts = tdpWatts
        self.wattsBusy = wattsBusy
        self.wattsIdle = wattsIdle
        self.effectiveFrom = effectiveFrom
        self.source = source
        self.provider = provider
    }
}
