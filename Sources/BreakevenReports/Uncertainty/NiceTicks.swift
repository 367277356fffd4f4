import Foundation

/// Round axis ticks: steps of 1, 2 or 5 × 10^k covering a range, or whole decades on a log axis.
struct NiceTicks {
    let lower: Double
    let upper: Double
    let ticks: [Double]

    /// About `count` ticks; the range widened to whole steps around [lo, hi].
    init(_ lo: Double, _ hi: Double, count: Int = 5) {
        var lo = lo, hi = hi
        if !(hi > lo) {
            let pad = lo == 0 ? 1 : abs(lo) * 0.1
            lo -= pad
            hi += pad
        }
        let raw = (hi - lo) / Double(max(1, count))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        let first = (lo / step).rounded(.down), last = (hi / step).rounded(.up)
        lower = first * step
        upper = last * step
        ticks = stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// Decades from the one at or below lo to the one at or above hi (lo > 0).
    static func decades(_ lo: Double, _ hi: Double) -> [Double] {
        let first = floor(log10(lo)), last = ceil(log10(hi))
        return stride(from: first, through: last, by: 1).map { pow(10, $0) }
    }
}
