/// A stretch of the horizon (experimentation, pilot, production) with its own volume and the
/// options allowed to serve it.
struct WorkloadPhase: Sendable, Hashable {
    var name: String
    /// 1-based, inclusive: the phase runs after the previous phase's last month up to this one.
    var untilMonth: Int
    var volumeMultiplier: Double = 1
    /// nil: every option.
    var allowedOptions: Set<String>?
}

extension [WorkloadPhase] {
    /// The phase of month i (0-based); months past the last phase stay in the last one.
    func phase(month i: Int) -> WorkloadPhase? {
        first { i < $0.untilMonth } ?? last
    }

    /// The volume multiplier of month i's phase (1 without phases), read in place: copying the
    /// phase out (its name and allowed options retained) cost more than the month's demand.
    func volumeMultiplier(month i: Int) -> Double {
        guard !isEmpty else { return 1 }
        for k in indices where i < self[k].untilMonth { return self[k].volumeMultiplier }
        return self[count - 1].volumeMultiplier
    }

    func allows(_ optionID: String, month i: Int) -> Bool {
        phase(month: i)?.allowedOptions.map { $0.contains(optionID) } ?? true
    }
}
