/// `owned_hardware`: bought machines, a catalog machine or a price written, with power while on
/// and resale at the end of their life.
enum OwnedHardwareOption: OptionDeclaration {
    struct Settings: StaffedSettings, MultipliedSettings, DerivingSettings {
        var hardwareID: String?
        /// Only this seller's catalog price rows.
        var seller: String?
        var purchasePrice: Double?
        /// A written count; nil: "auto".
        var units: Int?
        var derivation = DerivationSettings()
        var maxUtilization: Double?
        var hoursOnPerDay: Double?
        var hoursOnPerMonth: Double?
        var wattsBusy: Double?
        var wattsIdle: Double?
        var electricityPerKWh: Double?
        var lifetimeMonths: Int?
        var resaleShare: Double?
        var accounting: OwnedHardwarePlan.Accounting?
        var hardwarePriceChangePerYear: Double?
        var team = TeamSettings()
        var oneTime: [String: Double] = [:]
        var monthlyFixed: [String: Double] = [:]
        var outputTokenMultiplier: Double?
        /// Resolved: the catalog machine in effect on `as_of`, in US dollars.
        var machine: HardwareSpec?
    }

    static let kind = OptionKind.ownedHardware
    static let doc = "Bought machines: capital cost, power and resale."
    static let provisionsCapacity = true

    /// `value` reads the machine where it lies in the settings (`$0.pointee.machine?.price`).
    private static func fromMachine(_ value: @escaping @Sendable (UnsafePointer<Settings>) -> Double?, money: Bool) -> CatalogField<Settings> {
        CatalogField(value: value, reference: { $0.machine.map(CatalogReference.init) }, isMoney: money)
    }

    static let purchasePrice = NumberKey<Settings, Double>("purchase_price", \.purchasePrice, SharedKeys.money(1e8), catalog: fromMachine({ $0.pointee.machine?.price }, money: true), KeyDoc(
        "Purchase price", .money(per: "unit"), "Price per unit (required without a catalog machine)."))
    static let unitsDoc = KeyDoc("Units owned", .count("units"), "Units owned, or \"auto\" to buy a unit in the month it is first needed.")
    static let units = Key<Settings>.unitsOrAuto("units", \.units, max: 10_000, unitsDoc)
    static let maxUtilization = NumberKey<Settings, Double>("max_utilization", \.maxUtilization, .atLeast(0.01, atMost: 1), default: .value(0.7), KeyDoc(
        "Highest planned utilization", .share, "Share of a unit's time on that the sizing may plan to use."))
    static let hoursPerDay = NumberKey<Settings, Double>("hours_on_per_day", \.hoursOnPerDay, .atLeast(0.01, atMost: 24), default: .value(24), KeyDoc(
        "Hours on a day", .quantity("hours a day"), "Hours a day the machines are on."))
    static let hoursPerMonth = NumberKey<Settings, Double>("hours_on_per_month", \.hoursOnPerMonth, .atLeast(0.01, atMost: 744), KeyDoc(
        "Hours on a month", .quantity("hours a month"), "Hours a month the machines are on, instead of per day."))
    static let wattsBusy = NumberKey<Settings, Double>("watts_busy", \.wattsBusy, SpecBounds.watts, default: .value(0),
                                                       catalog: fromMachine({ $0.pointee.machine?.wattsBusy }, money: false), KeyDoc(
        "Power while busy", .quantity("W"), "Power draw per unit while generating, in watts."))
    static let wattsIdle = NumberKey<Settings, Double>("watts_idle", \.wattsIdle, SpecBounds.watts, default: .value(0),
                                                       catalog: fromMachine({ $0.pointee.machine?.wattsIdle }, money: false), KeyDoc(
        "Power while idle", .quantity("W"), "Power draw per unit while on and idle, in watts; at most watts_busy."))
    static let electricity = NumberKey<Settings, Double>("electricity_per_kwh", \.electricityPerKWh, SharedKeys.money(10), default: .value(0), KeyDoc(
        "Electricity price", .money(per: "kWh"), "Price of a kWh."))
    static let lifetime = NumberKey<Settings, Int>("lifetime_months", \.lifetimeMonths, .atLeast(1, atMost: 240), default: .value(36), KeyDoc(
        "Lifetime", .count("months"), "Months before a unit is replaced."))
    static let resale = NumberKey<Settings, Double>("resale_share", \.resaleShare, .share, default: .value(0), KeyDoc(
        "Resale value", .share, "Share of the price a unit fetches at the end of its lifetime."))
    static let accounting = ChoiceKey<Settings, OwnedHardwarePlan.Accounting>("accounting", \.accounting, default: .cash, KeyDoc(
        "Accounting", .text, "cash: pay the price when bought; amortized: spread it over the lifetime."))
    static let priceChange = NumberKey<Settings, Double>("hardware_price_change_per_year", \.hardwarePriceChangePerYear, SharedKeys.trend,
                                                         default: .value(0), KeyDoc(
        "Hardware price change per year", .trend, "Yearly trend of the purchase price."))
    static let multiplier = SharedKeys.outputMultiplier(\Settings.outputTokenMultiplier)

    static let keys: [Key<Settings>] = [
        TextKey("hardware", \Settings.hardwareID, recorded: false, KeyDoc(
            "Catalog machine", .text, "A catalog machine (pc-rtx-5090, mac-studio-m4-max-128gb): price, power and specs.")).key,
        TextKey("provider", \Settings.seller, .text, KeyDoc(
            "Machine seller", .text, "Only this seller's catalog price for the machine (apple, nvidia…).")).key,
        units,
    ] + DerivationKeys.keys(\Settings.derivation) + [
        purchasePrice.key, maxUtilization.key, hoursPerDayKey, hoursPerMonth.key, wattsBusy.key, wattsIdle.key, electricity.key,
        lifetime.key, resale.key, accounting.key, priceChange.key, multiplier.key,
        SharedKeys.team("People who look after the machines.", \Settings.team),
        SharedKeys.oneTime(\Settings.oneTime), SharedKeys.monthlyFixed(\Settings.monthlyFixed),
    ]

    /// Hours a day count only when hours a month are not given.
    static let hoursPerDayKey: Key<Settings> = {
        var key = hoursPerDay.key
        let record = key.record
        key.record = { s, r, c in if s.hoursOnPerMonth == nil { record(s, r, c) } }
        return key
    }()

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let catalog = r.context.catalog, asOf = r.context.asOf
        let seller = s.seller
        s.machine = r.lookup("hardware", kind: "machine", in: Array(Set(catalog.hardware.map(\.id))).sorted(),
                             find: { catalog.hardware($0, asOf: asOf, provider: seller) },
                             undatedReason: { id in
                                 if let seller, catalog.hardware(id, asOf: asOf) != nil {
                                     return "the catalog has no price for machine \"\(id)\" from \"\(seller)\" on \(asOf) (its prices come from \(catalog.providers(hardware: id).joined(separator: ", ")))"
                                 }
                                 guard let first = catalog.hardware.filter({ $0.id == id }).map(\.effectiveFrom).min(), first > asOf else { return nil }
                                 return "catalog machine \"\(id)\" has no price in effect on \(asOf) (its first price takes effect on \(first)); set as_of or give purchase_price"
                             })
        if seller != nil, !r.has("hardware") {
            r.error("provider", "provider picks a catalog machine's seller, so it needs a catalog \"hardware\"")
        }
        if s.machine == nil, !r.has("hardware"), s.purchasePrice == nil {
            r.error(nil, "missing required key \"purchase_price\" (or a catalog \"hardware\")")
        }
        if r.has("hours_on_per_month"), r.has("hours_on_per_day") {
            r.error("hours_on_per_month", "\"hours_on_per_month\" cannot be given together with \"hours_on_per_day\"")
        }
        r.check([FigureOrder.power(busy: s.wattsBusy ?? s.machine?.wattsBusy ?? 0, idle: s.wattsIdle ?? s.machine?.wattsIdle ?? 0)])
        s.derivation.device = s.machine.map { Accelerator($0) }
        s.derivation.deviceID = s.machine?.id
        s.derivation.oneRequestAtATime = r.context.profile == .personal
        DerivationKeys.resolve(&s.derivation, r, deviceKey: "hardware")
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        let v = c.values
        let derived = try s.pointee.derivation.capacity(c)
        var plan = OwnedHardwarePlan(
            purchasePrice: purchasePrice.value(s, v) ?? 0, units: s.pointee.units.map { .fixed($0) } ?? .auto,
            throughput: s.pointee.derivation.throughput(derived), maxUtilization: maxUtilization.value(s, v) ?? 0.7,
            hoursOnPerDay: s.pointee.hoursOnPerMonth != nil ? 24 : hoursPerDay.value(s, v) ?? 24,
            wattsBusy: wattsBusy.value(s, v) ?? 0, wattsIdle: wattsIdle.value(s, v) ?? 0, electricityPerKWh: electricity.value(s, v) ?? 0,
            lifetimeMonths: lifetime.value(s, v) ?? 36, resaleShare: resale.value(s, v) ?? 0, accounting: accounting.value(s) ?? .cash,
            hardwarePriceChangePerYear: priceChange.value(s, v) ?? 0, outputTokenMultiplier: multiplier.value(s, v) ?? 1,
            overheads: SharedKeys.overheads(s))
        plan.hoursOnPerMonth = s.pointee.hoursOnPerMonth
        // Resolution checked the written figures; a trial or a sweep point may draw others.
        let power = FigureOrder.power(busy: plan.wattsBusy, idle: plan.wattsIdle)
        guard power.holds else { throw LoweringFailure(message: "watts_idle: " + power.expectation(at: "watts_idle")) }
        return LoweredOption(.single(plan), derived: derived)
    }
}
