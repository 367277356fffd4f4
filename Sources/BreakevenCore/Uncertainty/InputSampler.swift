import Foundation

/// One input's distribution, prepared once for drawing many values: constants worked out,
/// truncation limits turned into probabilities.
struct InputSampler: Sendable {
    enum Method: Sendable {
        case constant(Double)
        case uniform(lo: Double, width: Double)
        case triangular(lo: Double, mode: Double, hi: Double)
        case pert(lo: Double, width: Double, alpha: Double, beta: Double)
        /// mean + sd·Φ⁻¹(u) with u drawn between the CDF values of the range's ends.
        case normal(mean: Double, sd: Double, pLow: Double, pHigh: Double)
        /// The same in logarithms.
        case lognormal(mu: Double, sigma: Double, pLow: Double, pHigh: Double)
        /// Values in order with their cumulative share of the weight.
        case choice(values: [Double], cumulative: [Double])
    }

    let method: Method
    let range: InputRange

    /// z at which the standard normal reaches 0.9.
    static let z90 = StandardNormal.quantile(0.9)

    init(_ distribution: Distribution, range: InputRange) {
        self.range = range
        switch distribution {
        case .uniform(let lo, let hi):
            method = lo == hi ? .constant(lo) : .uniform(lo: lo, width: hi - lo)
        case .triangular(let lo, let mode, let hi):
            method = lo == hi ? .constant(lo) : .triangular(lo: lo, mode: mode, hi: hi)
        case .pert(let lo, let mode, let hi):
            // PERT's beta: α = 1 + 4(mode − lo)/(hi − lo), β = 1 + 4(hi − mode)/(hi − lo).
            method = lo == hi ? .constant(lo)
                : .pert(lo: lo, width: hi - lo, alpha: 1 + 4 * (mode - lo) / (hi - lo), beta: 1 + 4 * (hi - mode) / (hi - lo))
        case .normal(let mean, let sd):
            guard sd > 0 else { method = .constant(mean); break }
            method = .normal(mean: mean, sd: sd,
                             pLow: range.lower.map { StandardNormal.cdf(($0 - mean) / sd) } ?? 0,
                             pHigh: range.upper.map { StandardNormal.cdf(($0 - mean) / sd) } ?? 1)
        case .lognormal(let median, let p90):
            guard p90 > median else { method = .constant(median); break }
            let mu = log(median), sigma = log(p90 / median) / InputSampler.z90
            method = .lognormal(mu: mu, sigma: sigma,
                                pLow: range.lower.flatMap { $0 > 0 ? StandardNormal.cdf((log($0) - mu) / sigma) : nil } ?? 0,
                                pHigh: range.upper.map { StandardNormal.cdf((log($0) - mu) / sigma) } ?? 1)
        case .choice(let items):
            let sorted = items.enumerated().sorted { ($0.element.value, $0.offset) < ($1.element.value, $1.offset) }.map(\.element)
            let total = sorted.reduce(0) { $0 + $1.weight }
            var running = 0.0
            let cumulative = sorted.map { item -> Double in
                running += item.weight
                return running / total
            }
            method = sorted.count == 1 ? .constant(sorted[0].value) : .choice(values: sorted.map(\.value), cumulative: cumulative)
        }
    }

    /// The share of a normal or lognormal that falls inside the input's range (1 for the others):
    /// what truncation keeps of it.
    var shareInsideRange: Double {
        switch method {
        case .normal(_, _, let low, let high), .lognormal(_, _, let low, let high): return high - low
        default: return 1
        }
    }

    /// One draw, valid for the input (integers rounded, kept inside the range).
    func sample(_ random: inout TrialRandom) -> Double {
        range.clamped(raw(&random))
    }

    private func raw(_ random: inout TrialRandom) -> Double {
        switch method {
        case .constant(let x): return x
        case .uniform(let lo, let width): return lo + random.unit() * width
        case .triangular, .normal, .lognormal, .choice: return quantileOfMethod(random.unit())
        case .pert(let lo, let width, let alpha, let beta):
            // Beta(α, β) as G1/(G1 + G2) of two gamma draws.
            let g1 = InputSampler.gamma(alpha, &random), g2 = InputSampler.gamma(beta, &random)
            return lo + width * g1 / (g1 + g2)
        }
    }

    /// The value below which a share p of the draws fall (p10: p = 0.1), valid for the input.
    func quantile(_ p: Double) -> Double {
        range.clamped(quantileOfMethod(p))
    }

    private func quantileOfMethod(_ p: Double) -> Double {
        switch method {
        case .constant(let x): return x
        case .uniform(let lo, let width): return lo + p * width
        case .triangular(let a, let c, let b):
            // Inverse of the triangular CDF, split at the mode's share F(c) = (c − a)/(b − a).
            if p < (c - a) / (b - a) { return a + (p * (b - a) * (c - a)).squareRoot() }
            return b - ((1 - p) * (b - a) * (b - c)).squareRoot()
        case .pert(let lo, let width, let alpha, let beta):
            return lo + width * InputSampler.betaQuantile(p, alpha, beta)
        case .normal(let mean, let sd, let pLow, let pHigh):
            return mean + sd * StandardNormal.quantile(pLow + p * (pHigh - pLow))
        case .lognormal(let mu, let sigma, let pLow, let pHigh):
            return exp(mu + sigma * StandardNormal.quantile(pLow + p * (pHigh - pLow)))
        case .choice(let values, let cumulative):
            for (k, share) in cumulative.enumerated() where p <= share + 1e-12 { return values[k] }
            return values[values.count - 1]
        }
    }

    /// Gamma(k, 1) for k ≥ 1: Marsaglia & Tsang (2000), "A simple method for generating gamma variables".
    static func gamma(_ k: Double, _ random: inout TrialRandom) -> Double {
        let d = k - 1.0 / 3.0, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat {
                x = StandardNormal.quantile(random.unit())
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = random.unit()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// x with I_x(α, β) = p: Newton's method on the CDF from the mean, its step the CDF's error over
    /// the beta density, inside a bracket that every evaluation narrows; a step that would leave
    /// the bracket bisects instead (the CDF rises monotonically from 0 to 1, so this always
    /// converges, in about six evaluations where bisection alone took fifty).
    static func betaQuantile(_ p: Double, _ alpha: Double, _ beta: Double) -> Double {
        if p <= 0 { return 0 }
        if p >= 1 { return 1 }
        let logBeta: Double = lgamma(alpha) + lgamma(beta) - lgamma(alpha + beta)
        var lo = 0.0, hi = 1.0
        var x = alpha / (alpha + beta)
        for _ in 0..<200 {
            let error = regularizedIncompleteBeta(x, alpha, beta) - p
            if error == 0 { return x }
            if error < 0 { lo = x } else { hi = x }
            let logDensity: Double = (alpha - 1) * log(x) + (beta - 1) * log(1 - x) - logBeta
            var next = x - error / exp(logDensity)
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - x) <= 1e-15 || hi - lo <= 1e-15 { return next }
            x = next
        }
        return x
    }

    /// I_x(a, b) by its continued fraction (Numerical Recipes, 3rd ed., §6.4), on the side of
    /// x where it converges fast.
    static func regularizedIncompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logGammas: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logGammas + logPowers)
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a, b) / a }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    /// Lentz's evaluation of the incomplete beta's continued fraction.
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...300 {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))
            d = 1 + aa * d; if abs(d) < tiny { d = tiny }
            c = 1 + aa / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return h
    }
}
