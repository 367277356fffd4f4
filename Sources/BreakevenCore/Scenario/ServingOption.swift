/// One way of serving the workload, as the engine runs it.
public struct ServingOption: Sendable, Identifiable {
    enum Kind: Sendable {
        /// An option that serves traffic itself, with the terms its kind's declaration lowered.
        case single(any ServingTerms)
        /// Start on one option, move to another.
        case switchover(SwitchPlan)
        /// Route shares of the traffic to several options.
        case mix(TrafficMix)
    }

    public var id: String
    public var label: String
    /// The kind the scenario declares.
    public var type: OptionKind
    var kind: Kind
    /// The sizing behind a derived throughput and the setup it came from, by reference: a trial
    /// copies its options, and these two are large.
    let derived: DerivedCapacity?
    /// The sizing behind a derived throughput (`throughput: "derived"`); nil when given by hand.
    public var capacity: ReplicaCapacity? { derived?.capacity }
    /// What `capacity` was worked out from.
    var derivedFrom: ServingSetup? { derived?.setup }
    /// What resolution found that a report must say (offers for one GPU far apart).
    public var notes: [Warning] = []
    /// The provider of the catalog offer its price came from, when one was picked.
    public var provider: String?

    init(id: String, label: String? = nil, type: OptionKind, kind: Kind, derived: DerivedCapacity? = nil) {
        self.id = id
        self.label = label ?? id
        self.type = type
        self.kind = kind
        self.derived = derived
    }

    /// Whether the option is made of other options.
    var isComposite: Bool { type.isComposite }

    /// The language's name for the kind: "api", "self_hosted", …
    public var typeName: String { type.rawValue }

    /// What one replica or unit serves, for an option that provisions capacity; nil for the rest.
    public var provisioning: Provisioning? {
        if case .single(let terms) = kind { return terms.provisioning }
        return nil
    }

    /// An API option's prices; nil for the other kinds.
    public var apiPricing: APIPricing? { terms(APIPricing.self) }

    /// The terms of a single option, of the type asked for (nil for another kind or a composite).
    func terms<T: ServingTerms>(_: T.Type) -> T? {
        if case .single(let terms) = kind { return terms as? T }
        return nil
    }
}

/// People and fixed costs that come with running something yourself.
public struct Overheads: Sendable, Hashable {
    public var engineers: Double = 0
    var costPerEngineerPerYear: Double = 0
    /// Paid in the option's first month, by name.
    public var oneTime: [String: Double] = [:]
    /// Paid every month, by name.
    var monthlyFixed: [String: Double] = [:]

    /// engineers × yearly cost / 12
    var teamPerMonth: Double { engineers * costPerEngineerPerYear / 12 }
    /// Summed in name order: a dictionary's order changes from run to run, and so would the
    /// last bits of a floating-point sum of three or more amounts.
    var oneTimeTotal: Double { Overheads.sum(oneTime) }
    var fixedPerMonth: Double { Overheads.sum(monthlyFixed) }

    private static func sum(_ amounts: [String: Double]) -> Double {
        // Two amounts add up alike in either order (0 + a + b = 0 + b + a): sorting, which
        // allocates, is needed only from three (every trial builds each option's overheads).
        guard amounts.count > 2 else { return amounts.values.reduce(0, +) }
        return amounts.sorted { $0.key < $1.key }.reduce(0) { $0 + $1.value }
    }
}

/// What one replica (or unit) can do, in the two figures that size it.
public struct Throughput: Sendable, Hashable {
    public var outputTokensPerSecond: Double
    public var inputTokensPerSecond: Double
}
