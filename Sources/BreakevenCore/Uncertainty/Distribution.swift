/// How likely each value of one uncertain input is, as the scenario's `uncertainty.inputs`
/// gives it.
public enum Distribution: Sendable, Hashable {
    case uniform(lo: Double, hi: Double)
    case triangular(lo: Double, mode: Double, hi: Double)
    /// A beta between lo and hi with mean (lo + 4·mode + hi)/6 (the PERT estimate).
    case pert(lo: Double, mode: Double, hi: Double)
    /// Truncated to the input's valid range.
    case normal(mean: Double, sd: Double)
    /// ln X normal with median e^μ; p90 fixes σ. Truncated to the input's valid range.
    case lognormal(median: Double, p90: Double)
    case choice([WeightedValue])

    public struct WeightedValue: Sendable, Hashable {
        public var value: Double
        public var weight: Double

    }

    /// The key the scenario uses: "triangular".
    public var name: String {
        switch self {
        case .uniform: return "uniform"
        case .triangular: return "triangular"
        case .pert: return "pert"
        case .normal: return "normal"
        case .lognormal: return "lognormal"
        case .choice: return "choice"
        }
    }

    /// As the scenario writes it: `triangular [1.8, 2.49, 3.2]`, `normal {mean 0.04, sd 0.02}`.
    public var text: String {
        func n(_ x: Double) -> String { NumberBounds.format(x) }
        switch self {
        case .uniform(let lo, let hi): return "uniform [\(n(lo)), \(n(hi))]"
        case .triangular(let lo, let mode, let hi): return "triangular [\(n(lo)), \(n(mode)), \(n(hi))]"
        case .pert(let lo, let mode, let hi): return "pert [\(n(lo)), \(n(mode)), \(n(hi))]"
        case .normal(let mean, let sd): return "normal {mean \(n(mean)), sd \(n(sd))}"
        case .lognormal(let median, let p90): return "lognormal {median \(n(median)), p90 \(n(p90))}"
        case .choice(let items): return "choice [" + items.map { "[\(n($0.value)), \(n($0.weight))]" }.joined(separator: ", ") + "]"
        }
    }
}
