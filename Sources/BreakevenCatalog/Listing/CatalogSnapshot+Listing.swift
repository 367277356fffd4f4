import BreakevenCore

// What `breakeven catalog list|show` needs, as values: the executable formats them.
// `search` matches case-insensitively anywhere in an entry's id or name; `provider` matches a
// provider id exactly (case-insensitive). Lists are sorted by id. Dated entries (model prices,
// offers, hardware, plans) list the row in force on `asOf`, or the latest row when `asOf` is nil.

extension CatalogSnapshot {
    /// One price per model: the row in force on `asOf` (latest when nil).
    public func listModelPrices(provider: String? = nil, search: String? = nil, asOf: CalendarDay? = nil) -> [ModelPrice] {
        current(modelPrices.filter { Self.matches($0.provider, provider) && Self.matches(search, $0.id) },
                id: \.id, date: \.effectiveFrom, asOf: asOf)
    }

    /// Every dated price of one model, oldest first; empty for an unknown id.
    public func priceHistory(of id: String) -> [ModelPrice] {
        modelPrices.filter { $0.id == id }.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    public func listGPUs(search: String? = nil) -> [GPUSpec] {
        gpus.filter { Self.matches(search, $0.id, $0.name) }.sorted { $0.id < $1.id }
    }

    /// One row per offer, optionally only for one GPU.
    public func listGPUOffers(gpu: String? = nil, provider: String? = nil, search: String? = nil,
                              asOf: CalendarDay? = nil) -> [GPUOffer] {
        current(gpuOffers.filter {
            (gpu == nil || $0.gpu == gpu) && Self.matches($0.provider, provider) && Self.matches(search, $0.id)
        }, id: \.id, date: \.effectiveFrom, asOf: asOf)
    }

    public func listOpenModels(search: String? = nil) -> [OpenModelArchitecture] {
        openModels.filter { Self.matches(search, $0.id, $0.name) }.sorted { $0.id < $1.id }
    }

    public func listHardware(search: String? = nil, asOf: CalendarDay? = nil) -> [HardwareSpec] {
        current(hardware.filter { Self.matches(search, $0.id, $0.name) }, id: \.id, date: \.effectiveFrom, asOf: asOf)
    }

    public func listPlans(provider: String? = nil, search: String? = nil, asOf: CalendarDay? = nil) -> [SubscriptionPlan] {
        current(plans.filter { Self.matches($0.provider, provider) && Self.matches(search, $0.id, $0.name) },
                id: \.id, date: \.effectiveFrom, asOf: asOf)
    }

    /// One row per offer of an option kind (`provisioned`), the row in force on `asOf`; `search`
    /// also matches the model an offer serves.
    public func listOffers(kind: String, provider: String? = nil, search: String? = nil, asOf: CalendarDay? = nil) -> [CatalogOffer] {
        current(entries.filter { $0.kind == kind && Self.matches($0.provider, provider) && Self.matches(search, $0.id, $0.words["model"] ?? "") },
                id: \.id, date: \.effectiveFrom, asOf: asOf)
    }

    /// Everything the catalog holds under `id`, every dated row included (for `catalog show`).
    /// Empty when nothing matches; more than one entry only if two kinds share an id.
    public func entries(id: String) -> [CatalogEntry] {
        var found: [CatalogEntry] = []
        let history = priceHistory(of: id)
        if !history.isEmpty { found.append(.model(history)) }
        if let gpu = gpu(id) { found.append(.gpu(gpu)) }
        let offers = gpuOffers.filter { $0.id == id }.sorted { $0.effectiveFrom < $1.effectiveFrom }
        if !offers.isEmpty { found.append(.gpuOffer(offers)) }
        if let model = openModel(id) { found.append(.openModel(model)) }
        let machines = hardware.filter { $0.id == id }.sorted { $0.effectiveFrom < $1.effectiveFrom }
        if !machines.isEmpty { found.append(.hardware(machines)) }
        let plan = plans.filter { $0.id == id }.sorted { $0.effectiveFrom < $1.effectiveFrom }
        if !plan.isEmpty { found.append(.plan(plan)) }
        let offered = entries.filter { $0.id == id }.sorted { $0.effectiveFrom < $1.effectiveFrom }
        if !offered.isEmpty { found.append(.offer(offered)) }
        return found
    }

    /// Every id in the catalog, sorted and without repeats: what a "did you mean" can choose from.
    public var allIDs: [String] {
        Set(modelPrices.map(\.id) + gpus.map(\.id) + gpuOffers.map(\.id) + openModels.map(\.id) + hardware.map(\.id) + plans.map(\.id)
            + entries.map(\.id))
            .sorted()
    }

    private func current<T>(_ rows: [T], id: KeyPath<T, String>, date: KeyPath<T, CalendarDay>, asOf: CalendarDay?) -> [T] {
        var latest: [String: T] = [:]
        for row in rows where asOf.map({ row[keyPath: date] <= $0 }) ?? true {
            if let kept = latest[row[keyPath: id]], kept[keyPath: date] >= row[keyPath: date] { continue }
            latest[row[keyPath: id]] = row
        }
        return latest.keys.sorted().map { latest[$0]! }
    }

    private static func matches(_ value: String, _ provider: String?) -> Bool {
        provider.map { value.lowercased() == $0.lowercased() } ?? true
    }

    private static func matches(_ search: String?, _ fields: String...) -> Bool {
        guard let search, !search.isEmpty else { return true }
        let needle = search.lowercased()
        return fields.contains { $0.lowercased().contains(needle) }
    }
}

/// One thing `catalog show ID` can find, with all of its dated rows.
public enum CatalogEntry: Sendable, Hashable {
    case model([ModelPrice])
    case gpu(GPUSpec)
    case gpuOffer([GPUOffer])
    case openModel(OpenModelArchitecture)
    case hardware([HardwareSpec])
    case plan([SubscriptionPlan])
    /// The dated rows of an offer of an option kind (a provisioned-throughput offer).
    case offer([CatalogOffer])
}
