/// What turning settings into engine terms needs beyond the settings: currency, the workload the
/// option serves (a derived throughput sizes for its mean request, time-of-day prices weight by
/// its shape), and the memo of derived capacities a thread keeps from one trial to the next.
struct LowerContext {
    var values: ValueContext
    var workload: Workload
    var profile: Scenario.Profile
    /// Where a mix's escalations go when its route names no fallback.
    var baselineID: String
    var capacities: CapacityMemo?
}

/// The engine terms of one option, and the sizing behind a derived throughput.
struct LoweredOption {
    var kind: ServingOption.Kind
    var derived: DerivedCapacity?
    /// What resolution found that the analysis should warn about (offers far apart).
    var notes: [Warning] = []
    /// The provider of the catalog offer the price came from.
    var provider: String?

    init(_ kind: ServingOption.Kind, derived: DerivedCapacity? = nil, notes: [Warning] = [], provider: String? = nil) {
        self.kind = kind
        self.derived = derived
        self.notes = notes
        self.provider = provider
    }
}
