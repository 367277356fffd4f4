/// Everything the engine may look up in a catalog, as plain values: the catalog module reads
/// its database (or the embedded seed) into one of these, and scenario resolution reads from it.
/// Decoded from the seed, never written as JSON (a user catalog is written as rows).
public struct CatalogSnapshot: Sendable, Hashable, Decodable {
    /// Every dated price of every model (several rows per id form its price history).
    public var modelPrices: [ModelPrice]
    public var gpus: [GPUSpec]
    public var gpuOffers: [GPUOffer]
    public var openModels: [OpenModelArchitecture]
    public var hardware: [HardwareSpec]
    public var plans: [SubscriptionPlan]
    /// Entries of kinds stored generically (provisioned capacity offers); catalogs written before
    /// they existed have none.
    @EmptyWhenMissing public var entries: [CatalogOffer]
    /// Efficiencies fitted to measured benchmarks (`breakeven capacity calibrate`); nil in the seed.
    public var calibrations: [Calibration]?

    public init(modelPrices: [ModelPrice] = [], gpus: [GPUSpec] = [], gpuOffers: [GPUOffer] = [],
                openModels: [OpenModelArchitecture] = [], hardware: [HardwareSpec] = [], plans: [SubscriptionPlan] = [],
                entries: [CatalogOffer] = [], calibrations: [Calibration]? = nil) {
        self.modelPrices = modelPrices
        self.gpus = gpus
        self.gpuOffers = gpuOffers
        self.openModels = openModels
        self.hardware = hardware
        self.plans = plans
        self.entries = entries
        self.calibrations = calibrations
    }

    /// The entry of a kind in effect on `day`.
    public func entry(kind: String, id: String, asOf day: CalendarDay) -> CatalogOffer? {
        latest(entries.filter { $0.kind == kind && $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    /// A calibration by name.
    public func calibration(_ name: String) -> Calibration? { calibrations?.first { $0.name == name } }

    /// The calibration fitted for this GPU (or machine), model and engine: the latest made, then by name.
    public func calibration(gpu: String, model: String, engine: ServingEngine) -> Calibration? {
        (calibrations ?? []).filter { $0.gpu == gpu && $0.model == model && $0.engine == engine }
            .max { ($0.createdOn, $1.name) < ($1.createdOn, $0.name) }
    }

    /// The price of `id` in effect on `day`: the latest row whose effective date is on or before it.
    func modelPrice(_ id: String, asOf day: CalendarDay) -> ModelPrice? {
        latest(modelPrices.filter { $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    public func gpu(_ id: String) -> GPUSpec? { gpus.first { $0.id == id } }

    public func openModel(_ id: String) -> OpenModelArchitecture? { openModels.first { $0.id == id } }

    public func gpuOffer(_ id: String, asOf day: CalendarDay) -> GPUOffer? {
        latest(gpuOffers.filter { $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    /// The cheapest offer for a GPU under a commitment on `day`, only from `provider` when one is
    /// given: for `replicas` replicas of `gpusPerReplica` GPUs, in the offer's whole instances (an
    /// 8-GPU instance a little cheaper per GPU is 8 times dearer for one GPU); ties: the cheaper
    /// GPU-hour, then the smallest id.
    func cheapestOffer(gpu: String, commitment: GPUCommitment, asOf day: CalendarDay, provider: String? = nil,
                              replicas: Int = 1, gpusPerReplica: Int = 1) -> GPUOffer? {
        let ids = Set(gpuOffers.filter { $0.gpu == gpu && $0.commitment == commitment && (provider == nil || $0.provider == provider) }.map(\.id))
        func hourly(_ o: GPUOffer) -> Double {
            o.hourly * InstancePacking(gpusPerReplica: gpusPerReplica, gpusPerInstance: o.gpusPerInstance).billedGPUs(replicas: Double(max(1, replicas)))
        }
        return ids.compactMap { gpuOffer($0, asOf: day) }
            .min { (hourly($0), $0.hourly, $0.id) < (hourly($1), $1.hourly, $1.id) }
    }

    /// The machine's price in effect on `day`, only from `provider`'s price rows when one is given.
    public func hardware(_ id: String, asOf day: CalendarDay, provider: String? = nil) -> HardwareSpec? {
        latest(hardware.filter { $0.id == id && (provider == nil || $0.provider == provider) }, asOf: day, date: \.effectiveFrom)
    }

    /// The providers with offers for a GPU (or price rows for a machine), for a message.
    public func providers(gpu: String) -> [String] { Set(gpuOffers.filter { $0.gpu == gpu }.map(\.provider)).sorted() }
    public func providers(hardware id: String) -> [String] { Set(hardware.filter { $0.id == id }.compactMap(\.provider)).sorted() }

    public func plan(_ id: String, asOf day: CalendarDay) -> SubscriptionPlan? {
        latest(plans.filter { $0.id == id }, asOf: day, date: \.effectiveFrom)
    }

    private func latest<T>(_ rows: [T], asOf day: CalendarDay, date: KeyPath<T, CalendarDay>) -> T? {
        rows.filter { $0[keyPath: date] <= day }.max { $0[keyPath: date] < $1[keyPath: date] }
    }
}
