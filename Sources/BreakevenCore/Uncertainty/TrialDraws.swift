import Foundation

/// Every input's value in one trial. An input outside every correlation draws from its own
/// counter-based stream exactly as it always has; correlated inputs go through a Gaussian copula
/// (Iman & Conover 1982 give the rank-correlation target; here the normal scores are correlated
/// directly): z_j = Φ⁻¹(u_j) from each input's stream, w = L·z with L the Cholesky factor of the
/// normal-score correlations, and the value is the input's own quantile at Φ(w_j).
struct TrialDraws: Sendable {
    /// The normal-score correlations are not a correlation matrix (not positive definite).
    struct Inconsistent: Error, Sendable {}

    let seed: UInt64
    let samplers: [InputSampler]
    /// The inputs in some correlation, in input order.
    let correlated: [Int]
    /// The others, in input order: each drawn from its own stream alone.
    let independent: [Int]
    /// Lower-triangular Cholesky factor of their normal-score correlation matrix, row-major.
    let factor: [Double]

    init(_ plan: UncertaintyPlan) throws(Inconsistent) {
        seed = plan.seed
        samplers = plan.inputs.map(\.sampler)
        let group = Array(Set(plan.correlations.flatMap { [$0.first, $0.second] })).sorted()
        correlated = group
        independent = samplers.indices.filter { !group.contains($0) }
        let n = group.count
        var matrix = [Double](repeating: 0, count: n * n)
        for i in 0..<n { matrix[i * n + i] = 1 }
        for c in plan.correlations {
            guard let a = group.firstIndex(of: c.first), let b = group.firstIndex(of: c.second) else { continue }
            matrix[a * n + b] = c.normalScoreCorrelation
            matrix[b * n + a] = c.normalScoreCorrelation
        }
        factor = try TrialDraws.cholesky(matrix, n)
    }

    /// Every input drawn independently, correlations left out.
    init(independentInputsOf plan: UncertaintyPlan) {
        seed = plan.seed
        samplers = plan.inputs.map(\.sampler)
        correlated = []
        independent = Array(samplers.indices)
        factor = []
    }

    /// L with L·Lᵀ = m (Cholesky–Banachiewicz); a pivot at or below 1e-12 means m is not
    /// positive definite.
    static func cholesky(_ m: [Double], _ n: Int) throws(Inconsistent) -> [Double] {
        var l = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0...i {
                var sum = m[i * n + j]
                for k in 0..<j { sum -= l[i * n + k] * l[j * n + k] }
                if i == j {
                    guard sum > 1e-12 else { throw Inconsistent() }
                    l[i * n + i] = sum.squareRoot()
                } else {
                    l[i * n + j] = sum / l[j * n + j]
                }
            }
        }
        return l
    }

    /// Input j's value in trial t at row[j], for every input.
    func fill(trial t: Int, _ row: UnsafeMutableBufferPointer<Double>) {
        // The samplers are read where they lie: an element read out of the array is copied
        // (a choice's values retained) for every input of every trial.
        samplers.withUnsafeBufferPointer { fill(trial: t, row, $0) }
    }

    private func fill(trial t: Int, _ row: UnsafeMutableBufferPointer<Double>, _ samplers: UnsafeBufferPointer<InputSampler>) {
        let key = TrialRandom.trialKey(seed: seed, trial: t)
        for j in independent {
            var random = TrialRandom(trialKey: key, stream: j)
            row[j] = samplers[j].sample(&random)
        }
        guard !correlated.isEmpty else { return }
        let n = correlated.count
        // Independent normal scores from each input's own stream, then correlated by L.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n) { z in
            for (a, j) in correlated.enumerated() {
                var random = TrialRandom(trialKey: key, stream: j)
                z[a] = StandardNormal.quantile(random.unit())
            }
            for (a, j) in correlated.enumerated() {
                var w = 0.0
                for b in 0...a { w += factor[a * n + b] * z[b] }
                // Kept inside (0, 1): beyond |w| ≈ 8.3, Φ rounds to 0 or 1 and a quantile would be infinite.
                let u = min(max(StandardNormal.cdf(w), 0x1p-53), 1 - 0x1p-53)
                row[j] = samplers[j].quantile(u)
            }
        }
    }
}
