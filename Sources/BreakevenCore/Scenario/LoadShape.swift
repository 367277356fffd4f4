/// How a day's load is spread over its hours; sizing for peak, not average, is what makes
/// idle GPUs visible.
enum LoadShape: Sendable, Hashable {
    case flat
    /// Peak hourly load over the average; no shape to follow within the day.
    case peakToAverage(Double)
    /// 24 relative weights, hour 0 to 23.
    case hourly([Double])

    /// The 24 hourly factors of the average load (they average 1), or nil where only the
    /// peak is known.
    var hourlyFactors: [Double]? {
        switch self {
        case .flat: return [Double](repeating: 1, count: 24)
        case .peakToAverage: return nil
        case .hourly(let weights):
            let mean = weights.reduce(0, +) / 24
            return weights.map { mean > 0 ? $0 / mean : 1 }
        }
    }

    /// The peak hour's load over the average.
    var peakFactor: Double {
        switch self {
        case .flat: return 1
        case .peakToAverage(let p): return p
        case .hourly: return hourlyFactors?.max() ?? 1
        }
    }

    var isFlat: Bool {
        if case .flat = self { return true }
        return false
    }
}
