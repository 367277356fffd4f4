/// Everything the engine may look up in a catalog, as plain values: the catalog module reads
/// its database (or the embedded seed) into one of these, and scenario resolution reads from it.
public struct CatalogSnapshot: Sendable, Hashable, Codable {
    /// Every dated price of every model (several rows per id form its price history).
    public var modelPrices: [ModelPrice]
    public var gpus: [GPUSpec]
    public var gpuOffers: [GPUOffer]
    public var openModels: [OpenModelArchitecture]
    public var hardware: [HardwareSpec]
    public var plans: [SubscriptionPlan]
    /// Efficiencies fitted to measured benchmarks (`breakeven capacity calibrate`); nil in the seed.
    public var calibrations: [Calibration]?

    public init(modelPrices: [ModelPrice] = [], gpus: [GPUSpec] = [], gpuOffers: [GPUOffer] = [],
                openModels: [OpenModelArchitecture] = [], hardware: [HardwareSpec] = [], plans: [SubscriptionPlan] = [],
                calibrations: [Calibration]? = nil) {
        self.modelPrices = modelPrices
        self.gpus = gpus
        self.gpuOffers = gpuOffers
        self.openModels = openModels
        self.hardware = hardware
        self.plans = plans
        self.calibrations = calibrations
    }

    /// A calibration by name.
    public func calibration(_ name: String) -> Calibration? { calibrations?.first { $0.name == name } }

    /// The calibration fitted for this GPU (or machine), model and engine: the latest made, then by name.
    public func calibration(gpu: String, model: String, engine: ServingEngine) -> Calibration? {
        (calibrations ?? []).filter { $0.gpu == gpu && $0.model == model && $0.engine == engine }
            .max { ($0.createdOn, $1.name) < ($1.createdOn, $0.name) }
    }

    /// The price of `id` in effect on `day`: the latest row whose effective date is on or before it.
    public func modelPrice(_ id: String, asOf day: CalendarDay) -> ModelPrice? {
        latest(modelPrices.filter { $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    public func gpu(_ id: String) -> GPUSpec? { gpus.first { $0.id == id } }

    public func openModel(_ id: String) -> OpenModelArchitecture? { openModels.first { $0.id == id } }

    public func gpuOffer(_ id: String, asOf day: CalendarDay) -> GPUOffer? {
        latest(gpuOffers.filter { $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    /// The cheapest offer for a GPU under a commitment on `day` (ties: the smallest id).
    public func cheapestOffer(gpu: String, commitment: GPUCommitment, asOf day: CalendarDay) -> GPUOffer? {
        let ids = Set(gpuOffers.filter { $0.gpu == gpu && $0.commitment == commitment }.map(\.id))
        return ids.compactMap { gpuOffer($0, asOf: day) }
            .min { ($0.hourly, $0.id) < ($1.hourly, $1.id) }
    }

    public func hardware(_ id: String, asOf day: CalendarDay) -> HardwareSpec? {
        latest(hardware.filter { $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    public func plan(_ id: String, asOf day: CalendarDay) -> SubscriptionPlan? {
        latest(plans.filter { $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    private func latest<T>(_ rows: [T], asOf day: CalendarDay, date: KeyPath<T, CalendarDay>) -> T? {
        rows.filter { $0[keyPath: date] <= day }.max { $0[keyPath: date] < $1[keyPath: date] }
    }
}
