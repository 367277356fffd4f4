import Foundation

/// Round axis ticks, the one algorithm every chart uses: a step of 1, 2 (2.5) or 5 × 10^k that
/// divides the range into about `count` parts, the range widened to whole steps. Total for any
/// input: non-finite, equal or vast ends give a usable axis, never a trap or a NaN.
struct NiceTicks: Sendable, Hashable {
    let lower: Double
    let upper: Double
    let step: Double
    let ticks: [Double]

    /// Steps of 1, 2 and 5 (sweeps, tornado, histogram).
    static let oneTwoFive: [Double] = [1, 2, 5]
    /// Steps of 1, 2, 2.5 and 5 (money axes of the cost charts: $250k rather than $200k).
    static let withTwoAndAHalf: [Double] = [1, 2, 2.5, 5]

    /// - Parameters:
    ///   - includeZero: the axis always shows 0 (costs); otherwise an empty range is padded by 10%.
    init(_ lo: Double, _ hi: Double, count: Int = 5, mantissas: [Double] = oneTwoFive, includeZero: Bool = false) {
        var lo = lo.isFinite ? lo : 0, hi = hi.isFinite ? hi : 0
        if lo > hi { swap(&lo, &hi) }
        if includeZero {
            lo = Swift.min(0, lo)
            hi = Swift.max(0, hi)
        }
        if !(hi > lo) {
            let pad = includeZero || lo == 0 ? 1 : abs(lo) * 0.1
            if includeZero { hi = lo + pad } else { (lo, hi) = (lo - pad, hi + pad) }
        }
        let parts = Double(Swift.max(1, count))
        var raw = (hi - lo) / parts
        // Ends of ±1e308 overflow the span: divided before subtracted.
        if !raw.isFinite { raw = hi / parts - lo / parts }
        let magnitude = pow(10, floor(log10(raw)))
        let residual = raw / magnitude
        let nice = mantissas.first { residual <= $0 } ?? 10
        let step = nice * magnitude
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        guard step > 0, step.isFinite, (first * step).isFinite, (last * step).isFinite, last - first <= 1000 else {
            // A span too small for a step (denormal ends) or whole steps beyond the largest double:
            // the ends themselves.
            lower = lo
            upper = hi
            self.step = (hi - lo).isFinite ? hi - lo : hi / 2 - lo / 2
            ticks = [lo, hi]
            return
        }
        self.step = step
        lower = first * step
        upper = last * step
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// Decades from the one at or below lo to the one at or above hi (lo > 0).
    static func decades(_ lo: Double, _ hi: Double) -> [Double] {
        guard lo > 0, hi >= lo, lo.isFinite, hi.isFinite else { return [] }
        let first = floor(log10(lo)), last = ceil(log10(hi))
        return stride(from: first, through: last, by: 1).map { pow(10, $0) }
    }
}
