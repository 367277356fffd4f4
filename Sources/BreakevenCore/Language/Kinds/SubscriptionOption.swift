/// `subscription`: a flat fee per seat with a usage allowance; requests beyond it go to an `api`
/// option or stay unmet.
enum SubscriptionOption: OptionDeclaration {
    struct Settings: OptionSettings {
        var planID: String?
        var monthlyFee: Double?
        var seats: Int?
        var included = IncludedSettings()
        var overflow: String?
        var priceChangePerYear: Double?
        /// Resolved: the catalog plan in effect on `as_of`, in US dollars.
        var plan: SubscriptionPlan?
    }

    struct IncludedSettings: KeySettings {
        var requestsPerMonth: Double?
        /// Resolved: the plan, whose allowance applies when none is written.
        var plan: SubscriptionPlan?
    }

    static let kind = OptionKind.subscription
    static let doc = "A flat fee per seat with a usage cap."

    static let monthlyFee = NumberKey<Settings, Double>("monthly_fee", \.monthlyFee, SharedKeys.money(1e6), catalog: CatalogField(
        value: { $0.pointee.plan?.monthlyFee }, reference: { $0.plan.map(CatalogReference.init) }, isMoney: true), KeyDoc(
        "Subscription fee", .money(per: "seat-month"), "Price per seat per month (required without a catalog plan)."))
    static let seats = NumberKey<Settings, Int>("seats", \.seats, .atLeast(1, atMost: 1_000_000), default: .value(1), KeyDoc(
        "Seats", .count("seats"), "Seats paid for."))
    static let allowance = NumberKey<IncludedSettings, Double>("requests_per_month", \.requestsPerMonth, SpecBounds.includedRequests,
                                                               catalog: CatalogField(value: { $0.pointee.plan?.includedRequestsPerMonth },
                                                                                     reference: { $0.plan.map(CatalogReference.init) }, isMoney: false),
                                                               required: true, KeyDoc(
        "Requests included per seat", .count("requests a month"), "Requests included per seat per month."))
    static let overflow = SharedKeys.overflow(
        \Settings.overflow, "The id of an api option that serves requests beyond what is included, or \"unmet\".")
    static let priceChange = NumberKey<Settings, Double>("price_change_per_year", \.priceChangePerYear, SharedKeys.trend, default: .value(0), KeyDoc(
        "Subscription price change per year", .trend, "Yearly trend of the fee."))

    static let included: Key<Settings> = {
        var key = ObjectKey<Settings, IncludedSettings>("included", \.included, [allowance.key], KeyDoc(
            "Allowance", .text, "What a seat includes (absent: the plan's allowance, else unlimited).")).key
        let record = key.record
        key.record = { s, r, c in
            if r.has("included") { return record(s, r, c) }
            if s.included.plan?.includedRequestsPerMonth != nil { return allowance.key.record(s.included, r.nested("included"), c) }
            // A plan that states no allowance is not an unlimited one: say so.
            r.assume("included", s.plan.map { "unstated, counted as unlimited (\($0.includes))" } ?? "unlimited", .defaultValue)
        }
        return key
    }()

    static let keys: [Key<Settings>] = [
        TextKey("plan", \Settings.planID, recorded: false, KeyDoc("Catalog plan", .text, "A catalog plan (anthropic/claude-pro): fee and allowance.")).key,
        included, overflow.key, monthlyFee.key, seats.key, priceChange.key,
    ]

    static func resolve(_ s: inout Settings, _ r: KeyReader) {
        let catalog = r.context.catalog, asOf = r.context.asOf
        s.plan = r.lookup("plan", kind: "plan", in: Array(Set(catalog.plans.map(\.id))).sorted(), find: { catalog.plan($0, asOf: asOf) })
        s.included.plan = s.plan
        if s.plan == nil, !r.has("plan"), s.monthlyFee == nil {
            r.error(nil, "missing required key \"monthly_fee\" (or a catalog \"plan\")")
        }
        SharedKeys.checkOverflow(s.overflow, r)
    }

    static func lower(_ s: UnsafePointer<Settings>, _ c: LowerContext) throws(LoweringFailure) -> LoweredOption {
        let v = c.values
        return LoweredOption(.single(SubscriptionTerms(
            monthlyFee: monthlyFee.value(s, v) ?? 0, seats: seats.value(s, v) ?? 1,
            includedRequestsPerMonth: allowance.value(s.pointee.included, v), overflowOptionID: SharedKeys.overflowOptionID(s.pointee.overflow),
            priceChangePerYear: priceChange.value(s, v) ?? 0)))
    }
}
