import Foundation

/// The volume and growth of a monthly series of requests per day, fitted on log volume: a
/// constant monthly rate (log-linear least squares) or, where it fits clearly better, a
/// logistic curve (Levenberg–Marquardt from a grid over its ceiling). The criterion is AICc on
/// log requests per day; the logistic is chosen only when its AICc is lower by more than 2
/// (Burnham & Anderson's threshold for substantial support) and its curve is one the scenario
/// language takes (a ceiling of at least the current level, steepness up to 10).
struct GrowthFit: Sendable, Hashable {
    enum Model: String, Sendable, Hashable {
        case flat
        case monthlyRate = "monthly_rate"
        case logistic
    }

    /// One model's fit.
    struct Candidate: Sendable, Hashable {
        var model: Model
        /// Requests per day at the first projected month.
        var level: Double
        var levelError: Double?
        /// monthly_rate, or logistic ceiling (× level) and steepness.
        var parameters: [Parameter]
        /// Standard deviation of log volume around the curve (n − parameters degrees of freedom).
        var residualError: Double?
        var aicc: Double?
    }

    /// A fitted figure and its standard error (nil where the data cannot tell it).
    struct Parameter: Sendable, Hashable {
        var name: String
        var value: Double
        var error: Double?
    }

    var chosen: Candidate
    var candidates: [Candidate]

    static let criterion = "AICc on log requests per day; logistic only when its AICc is lower by more than 2"

    /// - Parameters:
    ///   - points: (month offset, requests per day) of the complete months with usage (> 0).
    ///   - at: the month offset of the first projected month.
    static func fit(_ points: [(t: Double, v: Double)], at projected: Double) -> GrowthFit {
        let data = points.filter { $0.v > 0 }
        guard data.count >= 2 else {
            let flat = Candidate(model: .flat, level: data.first?.v ?? 0, levelError: nil, parameters: [], residualError: nil, aicc: nil)
            return GrowthFit(chosen: flat, candidates: [flat])
        }
        let exponential = logLinear(data, at: projected)
        var candidates = [exponential]
        if data.count >= 6, let logistic = logistic(data, at: projected) {
            candidates.append(logistic)
            if let a = logistic.aicc, let b = exponential.aicc, a < b - 2,
               let ceiling = logistic.parameters.first?.value, ceiling >= 1, ceiling <= 1e6,
               let k = logistic.parameters.last?.value, k > 0, k <= 10 {
                return GrowthFit(chosen: logistic, candidates: candidates)
            }
        }
        return GrowthFit(chosen: exponential, candidates: candidates)
    }

    /// AICc with K = parameters + 1 (the residual variance) on n points.
    static func aicc(ssr: Double, n: Int, parameters: Int) -> Double? {
        let k = Double(parameters + 1), m = Double(n)
        guard m - k - 1 > 0 else { return nil }
        return m * log(max(ssr, 1e-300) / m) + 2 * k + 2 * k * (k + 1) / (m - k - 1)
    }

    /// ln v = a + b·t by least squares: monthly rate e^b − 1.
    static func logLinear(_ data: [(t: Double, v: Double)], at projected: Double) -> Candidate {
        let n = Double(data.count)
        let tm = data.reduce(0) { $0 + $1.t } / n
        let ym = data.reduce(0) { $0 + log($1.v) } / n
        let sxx = data.reduce(0) { $0 + ($1.t - tm) * ($1.t - tm) }
        let sxy = data.reduce(0) { $0 + ($1.t - tm) * (log($1.v) - ym) }
        let b = sxx > 0 ? sxy / sxx : 0
        let a = ym - b * tm
        let ssr = data.reduce(0) { s, p in let r = log(p.v) - (a + b * p.t); return s + r * r }
        let level = exp(a + b * projected)
        var s: Double?, levelError: Double?, rateError: Double?
        if data.count > 2 {
            let sigma = sqrt(ssr / (n - 2))
            s = sigma
            // Var(ŷ) = s²·(1/n + (t* − t̄)²/Sxx); Var(b) = s²/Sxx; delta method to level and rate.
            levelError = level * sigma * sqrt(1 / n + (projected - tm) * (projected - tm) / sxx)
            rateError = exp(b) * sigma / sqrt(sxx)
        }
        return Candidate(model: .monthlyRate, level: level, levelError: levelError,
                         parameters: [Parameter(name: "monthly_rate", value: exp(b) - 1, error: rateError)], residualError: s,
                         aicc: aicc(ssr: ssr, n: data.count, parameters: 2))
    }

    /// ln v = ln L − ln(1 + e^(−k(t − m))).
    static func logistic(_ data: [(t: Double, v: Double)], at projected: Double) -> Candidate? {
        let ys = data.map { log($0.v) }
        let ts = data.map(\.t)
        guard let vmax = data.map(\.v).max() else { return nil }
        func ssr(_ p: [Double]) -> Double {
            zip(ts, ys).reduce(0) { s, e in let r = e.1 - curve(p, e.0); return s + r * r }
        }
        // Start: for each ceiling L on a grid, ln(L/v − 1) = −k·t + k·m is a straight line.
        var best: [Double]?
        var bestSSR = Double.infinity
        for g in 0..<60 {
            let ceiling = vmax * exp(0.01 + Double(g) * log(1000) / 59)
            let z = data.map { log(ceiling / $0.v - 1) }
            let n = Double(data.count)
            let tm = ts.reduce(0, +) / n, zm = z.reduce(0, +) / n
            let sxx = ts.reduce(0) { $0 + ($1 - tm) * ($1 - tm) }
            guard sxx > 0 else { return nil }
            let slope = zip(ts, z).reduce(0) { $0 + ($1.0 - tm) * ($1.1 - zm) } / sxx
            let k = -slope
            guard k > 0 else { continue }
            let p = [log(ceiling), k, (zm - slope * tm) / k]
            let s = ssr(p)
            if s < bestSSR { bestSSR = s; best = p }
        }
        guard var p = best else { return nil }
        // Levenberg–Marquardt on all three parameters.
        var lambda = 1e-3
        for _ in 0..<100 {
            let (jtj, jtr) = normalEquations(p, ts, ys)
            var damped = jtj
            for i in 0..<3 { damped[i * 3 + i] *= 1 + lambda }
            guard let step = solve3(damped, jtr) else { break }
            let trial = zip(p, step).map { $0 + $1 }
            let s = ssr(trial)
            if s < bestSSR {
                let done = bestSSR - s < 1e-14 * max(bestSSR, 1e-300)
                p = trial
                bestSSR = s
                lambda /= 10
                if done { break }
            } else {
                lambda *= 10
                if lambda > 1e12 { break }
            }
        }
        guard p[1] > 0 else { return nil }
        let n = Double(data.count)
        let level = exp(curve(p, projected))
        var s: Double?, levelError: Double?, ceilingError: Double?, steepnessError: Double?
        let (jtj, _) = normalEquations(p, ts, ys)
        if data.count > 3, let inverse = invert3(jtj) {
            let sigma = sqrt(bestSSR / (n - 3))
            s = sigma
            // Gradient of ln v(t*) and of ln(ceiling / level) = ln L − ln v(t*).
            let g = gradient(p, projected)
            let c = [1 - g[0], -g[1], -g[2]]
            levelError = level * sigma * sqrt(max(0, quadratic(inverse, g)))
            ceilingError = exp(p[0]) / level * sigma * sqrt(max(0, quadratic(inverse, c)))
            steepnessError = sigma * sqrt(max(0, inverse[4]))
        }
        return Candidate(model: .logistic, level: level, levelError: levelError,
                         parameters: [Parameter(name: "ceiling", value: exp(p[0]) / level, error: ceilingError),
                                      Parameter(name: "steepness", value: p[1], error: steepnessError)],
                         residualError: s, aicc: aicc(ssr: bestSSR, n: data.count, parameters: 3))
    }

    static func curve(_ p: [Double], _ t: Double) -> Double {
        p[0] - softplus(-p[1] * (t - p[2]))
    }

    /// ln(1 + e^x) without overflow.
    static func softplus(_ x: Double) -> Double { x > 30 ? x : log1p(exp(x)) }

    /// ∂ curve / ∂(ln L, k, m).
    static func gradient(_ p: [Double], _ t: Double) -> [Double] {
        let x = -p[1] * (t - p[2])
        let s = x > 30 ? 1 : exp(x) / (1 + exp(x))
        return [1, s * (t - p[2]), -s * p[1]]
    }

    static func normalEquations(_ p: [Double], _ ts: [Double], _ ys: [Double]) -> ([Double], [Double]) {
        var jtj = [Double](repeating: 0, count: 9), jtr = [Double](repeating: 0, count: 3)
        for (t, y) in zip(ts, ys) {
            let g = gradient(p, t)
            let r = y - curve(p, t)
            for i in 0..<3 {
                jtr[i] += g[i] * r
                for j in 0..<3 { jtj[i * 3 + j] += g[i] * g[j] }
            }
        }
        return (jtj, jtr)
    }

    static func quadratic(_ m: [Double], _ v: [Double]) -> Double {
        var s = 0.0
        for i in 0..<3 { for j in 0..<3 { s += v[i] * m[i * 3 + j] * v[j] } }
        return s
    }

    static func determinant(_ m: [Double]) -> Double {
        m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] - m[4] * m[6])
    }

    static func invert3(_ m: [Double]) -> [Double]? {
        let d = determinant(m)
        guard abs(d) > 1e-300, d.isFinite else { return nil }
        let c = [m[4] * m[8] - m[5] * m[7], m[2] * m[7] - m[1] * m[8], m[1] * m[5] - m[2] * m[4],
                 m[5] * m[6] - m[3] * m[8], m[0] * m[8] - m[2] * m[6], m[2] * m[3] - m[0] * m[5],
                 m[3] * m[7] - m[4] * m[6], m[1] * m[6] - m[0] * m[7], m[0] * m[4] - m[1] * m[3]]
        return c.map { $0 / d }
    }

    static func solve3(_ m: [Double], _ b: [Double]) -> [Double]? {
        guard let inverse = invert3(m) else { return nil }
        return (0..<3).map { i in (0..<3).reduce(0) { $0 + inverse[i * 3 + $1] * b[$1] } }
    }
}
