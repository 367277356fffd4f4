import Foundation
import Testing
@testable import BreakevenCore

/// Seeded draws of every distribution: their mean and variance against the formulas, within
/// tolerances of about four standard errors (n = 100,000).
@Suite("Distributions: moments, truncation, quantiles")
struct DistributionTests {
    static let draws = 100_000
    static let wide = InputRange(lower: -1e9, upper: 1e9)

    static func sample(_ d: Distribution, _ range: InputRange = wide, seed: UInt64 = 11) -> [Double] {
        let sampler = InputSampler(d, range: range)
        return (0..<draws).map { t in
            var random = TrialRandom(seed: seed, trial: t, stream: 0)
            return sampler.sample(&random)
        }
    }

    static func moments(_ xs: [Double]) -> (mean: Double, variance: Double) {
        let mean = xs.reduce(0, +) / Double(xs.count)
        return (mean, xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count - 1))
    }

    @Test func uniform() {
        // [2, 4]: mean 3, variance (4 − 2)²/12 = 1/3
        let m = Self.moments(Self.sample(.uniform(lo: 2, hi: 4)))
        #expect(abs(m.mean - 3) < 0.01)
        #expect(abs(m.variance - 1.0 / 3) < 0.01)
    }

    @Test func triangular() {
        // [1, 2, 6]: mean (1 + 2 + 6)/3 = 3; variance (1 + 4 + 36 − 2 − 6 − 12)/18 = 21/18 = 7/6
        let m = Self.moments(Self.sample(.triangular(lo: 1, mode: 2, hi: 6)))
        #expect(abs(m.mean - 3) < 0.02)
        #expect(abs(m.variance - 7.0 / 6) < 0.03)
    }

    @Test func pert() {
        // [0, 1, 6]: mean (0 + 4·1 + 6)/6 = 5/3; variance (μ − lo)(hi − μ)/7 = (5/3)(13/3)/7 = 65/63
        let m = Self.moments(Self.sample(.pert(lo: 0, mode: 1, hi: 6)))
        #expect(abs(m.mean - 5.0 / 3) < 0.02)
        #expect(abs(m.variance - 65.0 / 63) < 0.03)
    }

    @Test func normal() {
        // far from the range's ends, so no truncation: mean 10, variance 2² = 4
        let m = Self.moments(Self.sample(.normal(mean: 10, sd: 2)))
        #expect(abs(m.mean - 10) < 0.03)
        #expect(abs(m.variance - 4) < 0.08)
    }

    @Test func lognormal() {
        // median 2, σ = 0.5: p90 = 2·e^(0.5 × 1.28155) = 3.7937; mean 2·e^(σ²/2) = 2·e^0.125 = 2.26630;
        // variance (e^σ² − 1)·e^(2μ + σ²) = (e^0.25 − 1) × 4 × e^0.25 = 1.45878
        let p90 = 2 * exp(0.5 * 1.2815515655446004)
        let m = Self.moments(Self.sample(.lognormal(median: 2, p90: p90)))
        #expect(abs(m.mean - 2.266297) < 0.01)
        #expect(abs(m.variance - 1.458782) < 0.05)
    }

    @Test func choice() {
        // values 1, 2, 5 with weights 1, 2, 1: mean (1 + 4 + 5)/4 = 2.5; E[x²] = (1 + 8 + 25)/4 = 8.5, variance 8.5 − 6.25 = 2.25
        let xs = Self.sample(.choice([.init(value: 1, weight: 1), .init(value: 2, weight: 2), .init(value: 5, weight: 1)]))
        let m = Self.moments(xs)
        #expect(abs(m.mean - 2.5) < 0.02)
        #expect(abs(m.variance - 2.25) < 0.04)
        #expect(Set(xs) == [1, 2, 5])
    }

    @Test func normalTruncatedAtTheTopOfItsRange() {
        // max_utilization is > 0 and ≤ 1. A normal with mean 1, sd 0.1 keeps its lower half: a
        // half-normal with mean 1 − 0.1·√(2/π) = 1 − 0.0797885 = 0.9202115.
        let xs = Self.sample(.normal(mean: 1, sd: 0.1), InputRange(lower: 0, lowerExclusive: true, upper: 1))
        #expect(xs.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(abs(Self.moments(xs).mean - 0.9202115) < 0.002)
    }

    @Test func lognormalTruncatedToAShare() {
        // median 0.5, p90 0.9 on a share (0 to 1): σ = ln(0.9/0.5)/1.28155 = 0.45865, and
        // P(X ≤ 1) = Φ(ln 2/σ) = Φ(1.51128) = 0.93464 is all that is kept. The median of what is
        // kept is the 0.5 × 0.93464 = 0.46732 quantile: z = −0.0820, x = 0.5·e^(−0.0820 × 0.45865) = 0.4815.
        let xs = Self.sample(.lognormal(median: 0.5, p90: 0.9), InputRange(lower: 0, upper: 1)).sorted()
        #expect(xs.allSatisfy { $0 > 0 && $0 <= 1 })
        #expect(abs(xs[xs.count / 2] - 0.4815) < 0.004)
        #expect(abs(InputSampler(.lognormal(median: 0.5, p90: 0.9), range: InputRange(lower: 0, upper: 1)).quantile(0.5) - 0.4815) < 0.0005)
    }

    @Test func integerInputsTakeRoundedValues() {
        // min_replicas uniform [1, 4], rounded half away from zero: [1, 1.5) → 1 (1/6 of draws),
        // [1.5, 2.5) → 2 (1/3), [2.5, 3.5) → 3 (1/3), [3.5, 4] → 4 (1/6)
        let xs = Self.sample(.uniform(lo: 1, hi: 4), InputRange(integersFrom: 0, to: 10_000))
        let share = { (v: Double) in Double(xs.filter { $0 == v }.count) / Double(xs.count) }
        #expect(Set(xs) == [1, 2, 3, 4])
        #expect(abs(share(1) - 1.0 / 6) < 0.01 && abs(share(2) - 1.0 / 3) < 0.01)
        #expect(abs(share(3) - 1.0 / 3) < 0.01 && abs(share(4) - 1.0 / 6) < 0.01)
    }

    @Test func zeroWidthDistributionsGiveTheirValue() {
        for d: Distribution in [.uniform(lo: 2.49, hi: 2.49), .triangular(lo: 2.49, mode: 2.49, hi: 2.49), .pert(lo: 2.49, mode: 2.49, hi: 2.49),
                                .normal(mean: 2.49, sd: 0), .lognormal(median: 2.49, p90: 2.49), .choice([.init(value: 2.49, weight: 3)])] {
            let sampler = InputSampler(d, range: Self.wide)
            var random = TrialRandom(seed: 1, trial: 0, stream: 0)
            #expect(sampler.sample(&random) == 2.49)
            #expect(sampler.quantile(0.1) == 2.49 && sampler.quantile(0.9) == 2.49)
        }
    }

    @Test func quantiles() {
        func q(_ d: Distribution, _ p: Double) -> Double { InputSampler(d, range: Self.wide).quantile(p) }
        // uniform [2, 4]: p10 = 2 + 0.1 × 2 = 2.2
        #expect(abs(q(.uniform(lo: 2, hi: 4), 0.1) - 2.2) < 1e-12)
        // triangular [0, 0, 10]: F(x) = 1 − (1 − x/10)², so p = 0.36 at x = 2
        #expect(abs(q(.triangular(lo: 0, mode: 0, hi: 10), 0.36) - 2) < 1e-12)
        // normal: p90 = mean + 1.2815515655446004 sd
        #expect(abs(q(.normal(mean: 10, sd: 2), 0.9) - (10 + 2 * 1.2815515655446004)) < 1e-9)
        // lognormal: p90 is the p90 given
        #expect(abs(q(.lognormal(median: 2, p90: 3), 0.9) - 3) < 1e-9)
        // pert [0, 0.5, 1] is symmetric (α = β = 3): the median is 0.5
        #expect(abs(q(.pert(lo: 0, mode: 0.5, hi: 1), 0.5) - 0.5) < 1e-9)
        // choice 1, 2, 5 with weights 1, 2, 1: a quarter of the weight at 1, three quarters up to 2
        let c = Distribution.choice([.init(value: 5, weight: 1), .init(value: 1, weight: 1), .init(value: 2, weight: 2)])
        #expect(q(c, 0.1) == 1 && q(c, 0.25) == 1 && q(c, 0.5) == 2 && q(c, 0.9) == 5)
    }

    @Test func betaQuantileInvertsTheBetaCDF() {
        // PERT's shapes run from α = 1 (mode at lo) to α = 5 (mode at hi), β = 6 − α. Closed forms where they
        // exist: Beta(1, 5) has F(x) = 1 − (1 − x)^5, so its p-quantile is 1 − (1 − p)^(1/5): p = 0.5 → 0.129449;
        // Beta(5, 1) has F(x) = x^5: p = 0.1 → 0.1^(1/5) = 0.630957.
        #expect(abs(InputSampler.betaQuantile(0.5, 1, 5) - (1 - pow(0.5, 0.2))) < 1e-12)
        #expect(abs(InputSampler.betaQuantile(0.1, 5, 1) - pow(0.1, 0.2)) < 1e-12)
        for (a, b) in [(1.0, 5.0), (1.8, 4.2), (3.0, 3.0), (4.6, 1.4), (5.0, 1.0)] {
            for p in [1e-9, 0.001, 0.1, 0.5, 0.9, 0.999, 1 - 1e-9] {
                let x = InputSampler.betaQuantile(p, a, b)
                #expect(abs(InputSampler.regularizedIncompleteBeta(x, a, b) - p) < 1e-12, "Beta(\(a), \(b)) at p = \(p)")
            }
        }
    }

    @Test func standardNormalInverseToFullPrecision() {
        for p in [1e-12, 0.001, 0.02425, 0.1, 0.5, 0.8, 0.975, 0.999_999] {
            let z = StandardNormal.quantile(p)
            #expect(abs(StandardNormal.cdf(z) - p) <= 1e-15 * max(1, p / 1e-3) + p * 1e-13)
        }
        #expect(abs(StandardNormal.quantile(0.975) - 1.959963984540054) < 1e-14)
    }

    @Test func drawsDependOnSeedTrialAndStreamOnly() {
        var a = TrialRandom(seed: 5, trial: 17, stream: 2), b = TrialRandom(seed: 5, trial: 17, stream: 2)
        #expect(a.next() == b.next())
        var c = TrialRandom(seed: 5, trial: 18, stream: 2), d = TrialRandom(seed: 6, trial: 17, stream: 2), e = TrialRandom(seed: 5, trial: 17, stream: 3)
        var f = TrialRandom(seed: 5, trial: 17, stream: 2)
        let x = f.next()
        #expect(c.next() != x && d.next() != x && e.next() != x)
        for _ in 0..<1000 {
            let u = a.unit()
            #expect(u > 0 && u < 1)
        }
    }
}
