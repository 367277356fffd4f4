import Foundation

/// How the workload's volume changes month by month, as a multiplier of month 1's.
enum Growth: Sendable, Hashable {
    case flat
    /// (1 + r)^i
    case monthlyRate(Double)
    /// (1 + a)^(i/12)
    case annualRate(Double)
    /// Multipliers from month 1; the last one holds.
    case schedule([Double])
    /// c / (1 + (c − 1)·e^(−k·i)): starts at 1, approaches the ceiling c.
    case logistic(ceiling: Double, steepness: Double)

    func factor(month i: Int) -> Double {
        switch self {
        case .flat: return 1
        case .monthlyRate(let r): return pow(1 + r, Double(i))
        case .annualRate(let a): return pow(1 + a, Double(i) / 12)
        case .schedule(let values): return values.isEmpty ? 1 : values[min(i, values.count - 1)]
        case .logistic(let c, let k): return c / (1 + (c - 1) * exp(-k * Double(i)))
        }
    }
}
