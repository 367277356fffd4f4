import BreakevenCore

/// One figure of one option, before and after: `null` where it does not exist (a new option's
/// "before", a breakeven month that never comes).
public struct FigureChange: Sendable, Hashable, Encodable {
    public enum Figure: String, Sendable, Hashable, Encodable, CaseIterable {
        case totalCost = "total_cost"
        case npv
        case firstMonthCost = "first_month_cost"
        case lastMonthCost = "last_month_cost"
        case savingsVsBaseline = "savings_vs_baseline"
        case breakevenMonth = "breakeven_month"
        case runRateBreakevenMonth = "run_rate_breakeven_month"
        case breakevenTokensPerMonth = "breakeven_tokens_per_month"
        case breakevenRequestsPerDay = "breakeven_requests_per_day"
        case cheaperBelowTokensPerMonth = "cheaper_below_tokens_per_month"
        /// The most replicas, provisioned units or owned machines of any month: what a change asks
        /// of the fleet, which a total can hide (more capacity at a lower price).
        case peakReplicas = "peak_replicas"
        /// The most GPUs paid at any month's peak hour (whole instances, reservations included).
        case peakGPUs = "peak_gpus"
        case averageUtilization = "average_utilization"
        /// Requests no capacity served over the horizon: a change that leaves demand unmet is
        /// cheaper only on paper.
        case unmetRequests = "unmet_requests"
        /// The Monte Carlo figures, where the scenario has an `uncertainty` block: savings against
        /// the baseline at the trials' 10th, 50th and 90th percentiles, and the shares of trials in
        /// which the option breaks even and is cheapest (a change can move the odds while the
        /// scenario's own figures hardly move, or the other way round).
        case savingsP10 = "savings_p10"
        case savingsP50 = "savings_p50"
        case savingsP90 = "savings_p90"
        case probabilityBreakeven = "probability_breakeven"
        case probabilityCheapest = "probability_cheapest"

        /// Whether nil is an answer ("never") rather than "does not apply": an added or removed
        /// option shows such a figure even where it is nil.
        var nilIsNever: Bool {
            self == .breakevenMonth || self == .runRateBreakevenMonth || self == .breakevenTokensPerMonth
        }

        /// Whether 0 on both sides says nothing worth a row (no request was unmet before or after).
        var zeroIsQuiet: Bool { self == .unmetRequests }

        /// What the capacity is rather than what it costs: a row in the comment only where it
        /// moved, or for an option added or removed (the money figures show "no change" too).
        var isCapacity: Bool { self == .peakReplicas || self == .peakGPUs || self == .averageUtilization || self == .unmetRequests }

        /// A share (of the hours, of the trials): shown as a percentage, changed in points.
        var isShare: Bool { self == .averageUtilization || self == .probabilityBreakeven || self == .probabilityCheapest }

        /// The figure of an option result; nil where the result has none.
        func value(_ o: OptionResult, in r: BreakevenResult) -> Double? {
            let isBaseline = o.id == r.baseline
            switch self {
            case .totalCost: return o.totalCost
            case .npv: return o.npv
            case .firstMonthCost: return o.months.first?.totalCost
            case .lastMonthCost: return o.months.last?.totalCost
            case .savingsVsBaseline: return isBaseline ? nil : o.savingsVsBaseline
            case .breakevenMonth: return o.breakevenMonth.map(Double.init)
            case .runRateBreakevenMonth: return o.runRateBreakevenMonth.map(Double.init)
            case .breakevenTokensPerMonth: return o.breakevenTokensPerMonth
            case .breakevenRequestsPerDay: return o.breakevenRequestsPerDay
            case .cheaperBelowTokensPerMonth: return o.cheaperBelowTokensPerMonth
            case .peakReplicas: return o.months.compactMap(\.replicas).max()
            case .peakGPUs: return o.months.compactMap(\.gpus).max()
            case .averageUtilization: return o.averageUtilization
            case .unmetRequests: return o.unmetRequests
            case .savingsP10: return isBaseline ? nil : o.uncertainty?.savingsVsBaseline.p10
            case .savingsP50: return isBaseline ? nil : o.uncertainty?.savingsVsBaseline.p50
            case .savingsP90: return isBaseline ? nil : o.uncertainty?.savingsVsBaseline.p90
            case .probabilityBreakeven: return o.uncertainty?.probabilityBreakeven
            case .probabilityCheapest: return o.uncertainty?.probabilityCheapest
            }
        }
    }

    /// Not written: the figure is the key of the object holding it.
    public var figure: Figure
    @ExplicitNull public private(set) var old: Double?
    @ExplicitNull public private(set) var new: Double?
    /// new − old; nil unless both exist.
    @ExplicitNull public private(set) var change: Double?
    /// (new − old) / |old| as a share; nil unless both exist and old ≠ 0.
    @ExplicitNull public private(set) var relativeChange: Double?

    public init(figure: Figure, old: Double?, new: Double?) {
        self.figure = figure
        self.old = old
        self.new = new
        if let old, let new {
            change = new - old
            relativeChange = old == 0 ? nil : (new - old) / abs(old)
        }
    }

    var isUnchanged: Bool { old == new }

    /// Whether the figure says anything: one side has it, and it is not a quiet zero.
    var isPresent: Bool {
        if figure.zeroIsQuiet { return (old ?? 0) != 0 || (new ?? 0) != 0 }
        return old != nil || new != nil
    }

    /// `{"old": …, "new": …, "change": …, "relative_change": …}`, nulls written.
    enum CodingKeys: String, CodingKey {
        case old, new, change
        case relativeChange = "relative_change"
    }
}
