/// What a guardrail measures on one option of a result.
///
/// How a missing figure counts, metric by metric:
/// - `total_cost`, `npv`, `monthly_cost`: always defined.
/// - `breakeven_month`: "never" (no breakeven within the horizon) counts as later than every
///   month, so a `max` rule is breached and a `min` rule passes; the baseline has no breakeven
///   month, so a rule naming it is an input error and `*` leaves it out.
/// - `utilization`: only options that provision capacity (self-hosted, owned hardware) have one;
///   naming another option is an input error and `*` leaves them out.
/// - `savings_vs_baseline`: compares an option with the baseline; like `breakeven_month`, the
///   baseline itself is an input error when named and left out by `*`.
/// - `gpus`: the most GPUs paid at any month's peak hour (whole instances, reservations
///   included); only options that rent GPUs (self-hosted) have it, like `utilization`.
/// - `unmet_requests`: requests no capacity served over the horizon; every option has it (0 where
///   all were served).
public enum GuardrailMetric: String, Sendable, Hashable, Codable, CaseIterable {
    case totalCost = "total_cost"
    case npv
    /// Any month: a `max` rule checks the dearest month, a `min` rule the cheapest; a change
    /// compares the dearest months.
    case monthlyCost = "monthly_cost"
    case breakevenMonth = "breakeven_month"
    /// Average utilization over the horizon, a share from 0 to 1.
    case utilization
    case savingsVsBaseline = "savings_vs_baseline"
    /// GPUs paid at the peak: what a cloud quota or a hardware budget caps.
    case gpus
    /// Requests left unmet over the horizon: a cheaper total that serves less is no saving.
    case unmetRequests = "unmet_requests"

    public enum Unit: Sendable, Hashable { case money, month, share, count }

    public var unit: Unit {
        switch self {
        case .totalCost, .npv, .monthlyCost, .savingsVsBaseline: return .money
        case .breakevenMonth: return .month
        case .utilization: return .share
        case .gpus, .unmetRequests: return .count
        }
    }

    /// Compares an option with the baseline, so the baseline itself has no value.
    var comparesWithBaseline: Bool { self == .breakevenMonth || self == .savingsVsBaseline }

    /// How messages name it: "total cost of self".
    public var words: String {
        switch self {
        case .totalCost: return "total cost"
        case .npv: return "NPV"
        case .monthlyCost: return "monthly cost"
        case .breakevenMonth: return "breakeven month"
        case .utilization: return "average utilization"
        case .savingsVsBaseline: return "savings vs the baseline"
        case .gpus: return "GPUs paid at the peak"
        case .unmetRequests: return "requests left unmet"
        }
    }

    /// What a count counts, for messages: "GPUs", "requests".
    public var countNoun: String { self == .gpus ? "GPU" : "request" }

    /// Why an option has no value of this metric; nil when it has one. Only the capacity metrics
    /// can be missing (the baseline's comparisons are left out apart).
    func missing(_ option: OptionResult) -> String? {
        switch self {
        case .utilization where option.averageUtilization == nil:
            return "\"\(option.id)\" (\(option.type)) provisions no capacity, so it has no utilization"
        case .gpus where !option.months.contains(where: { $0.gpus != nil }):
            return "\"\(option.id)\" (\(option.type)) rents no GPUs, so it has no GPUs paid"
        default:
            return nil
        }
    }

    /// Why `*` found no option with this metric.
    var noneHaveIt: String {
        switch self {
        case .utilization: return "no option provisions capacity, so none has a utilization"
        case .gpus: return "no option rents GPUs"
        default: return "there is no option besides the baseline"
        }
    }

    /// "total_cost, npv, …" for messages that list what is allowed.
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
