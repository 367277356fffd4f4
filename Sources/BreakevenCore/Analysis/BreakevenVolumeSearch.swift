import Foundation

/// The lowest monthly token volume above which an option stays at or below the baseline, or,
/// for an option cheaper only at low volume, the highest below which it does.
///
/// Costs are staircases (whole replicas, whole machines), so the difference between two
/// options can change sign many times: the search walks a dense logarithmic grid up to
/// 10^15 tokens a month, then bisects the last crossing from dearer to cheaper.
struct BreakevenVolumeSearch {
    static let ceiling = 1e15
    /// Grid points per decade: steps narrower than 1/200 of a decade (~1.2%) between two
    /// points can be missed; a replica step that narrow is a fleet of ~80 replicas.
    static let pointsPerDecade = 200

    let scenario: Scenario
    let option: ServingOption
    let baseline: ServingOption

    /// Tokens (input + output before multipliers) per request of month 1.
    var tokensPerRequest: Double {
        let t = scenario.workload.tokensPerRequest
        return t.input + t.output
    }

    /// Whether the option is at or below the baseline at this monthly token volume.
    func isCheaper(atTokens tokens: Double) -> Bool {
        let requests = tokens / tokensPerRequest
        guard let a = Simulator.monthOneRunRate(option, in: scenario, requests: requests) else { return false }
        guard let b = Simulator.monthOneRunRate(baseline, in: scenario, requests: requests) else { return true }
        // Floating-point rounding only: the relative 1e-9 of `atOrBelow` calls a $16 difference
        // on a $2e10 bill equal, and so found a crossing near the ceiling for an option that is
        // dearer by a constant at every high volume.
        return a <= b + 1e-12 * max(1, abs(b))
    }

    /// 0: cheaper at every volume; nil: dearer at the ceiling.
    func tokensPerMonth() -> Double? {
        guard tokensPerRequest > 0 else { return nil }
        guard isCheaper(atTokens: BreakevenVolumeSearch.ceiling) else { return nil }
        // Walk down from the ceiling to the last volume at which the option is dearer.
        let top = 15 * BreakevenVolumeSearch.pointsPerDecade
        if let volume = lastCheaper(walking: stride(from: top - 1, through: 0, by: -1), from: BreakevenVolumeSearch.ceiling) {
            return volume
        }
        // Cheaper down to one token a month; below that, no volume is meaningful.
        return isCheaper(atTokens: 0) ? 0 : 1
    }

    /// The other direction: where the option is cheaper at low volume and dearer at the
    /// ceiling (pay per token against a flat fee), the highest volume up to which it stays at
    /// or below the baseline: the grid is walked up from one token a month to the first volume
    /// at which it is dearer, and that crossing bisected. nil where it is dearer even at one
    /// token a month, or cheaper at the ceiling (`tokensPerMonth` answers then).
    func cheaperBelowTokensPerMonth() -> Double? {
        guard tokensPerRequest > 0, isCheaper(atTokens: 1), !isCheaper(atTokens: BreakevenVolumeSearch.ceiling) else { return nil }
        return lastCheaper(walking: 1...(15 * BreakevenVolumeSearch.pointsPerDecade), from: 1)
    }

    /// Walks grid points (10^(k / pointsPerDecade) tokens) from `start`, at which the option is
    /// cheaper, until one at which it is dearer, and bisects that crossing to 1e-9; nil if the
    /// walk ends without one.
    private func lastCheaper(walking grid: some Sequence<Int>, from start: Double) -> Double? {
        var good = start
        for k in grid {
            let v = pow(10, Double(k) / Double(BreakevenVolumeSearch.pointsPerDecade))
            if isCheaper(atTokens: v) {
                good = v
                continue
            }
            var bad = v
            for _ in 0..<100 where abs(good - bad) > 1e-9 * max(good, bad) {
                let mid = (bad + good) / 2
                if isCheaper(atTokens: mid) { good = mid } else { bad = mid }
            }
            return good
        }
        return nil
    }
}
