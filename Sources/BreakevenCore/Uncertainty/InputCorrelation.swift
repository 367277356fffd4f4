import Foundation

/// Two uncertain inputs that move together: a rank (Spearman) correlation between their draws,
/// as finance tools such as @RISK and Crystal Ball take it. API price trends fall together;
/// GPU-hour prices follow the same supply.
public struct InputCorrelation: Sendable, Hashable {
    /// Indices into the plan's inputs; `first` < `second`.
    public var first: Int
    public var second: Int
    /// Spearman's ρ between the two inputs' draws, strictly between −1 and 1.
    public var rank: Double


    /// The correlation of the normal scores whose Gaussian copula gives this rank correlation:
    /// ρ = 2·sin(π·ρs/6), the inverse of Pearson's (1907) ρs = (6/π)·arcsin(ρ/2) for a bivariate
    /// normal. Rank correlations survive any monotone marginal, so the inputs keep their own
    /// distributions and still have exactly ρs between them.
    var normalScoreCorrelation: Double {
        2 * sin(Double.pi * rank / 6)
    }

    /// Spearman's ρ of paired values: Pearson's correlation of their ranks, ties sharing the mean
    /// of the ranks they span; 0 when either side does not vary.
    static func spearman(_ x: [Double], _ y: [Double]) -> Double {
        let rx = ranks(x), ry = ranks(y)
        let n = Double(rx.count)
        guard n > 1 else { return 0 }
        let mx = rx.reduce(0, +) / n, my = ry.reduce(0, +) / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (a, b) in zip(rx, ry) {
            sxy += (a - mx) * (b - my)
            sxx += (a - mx) * (a - mx)
            syy += (b - my) * (b - my)
        }
        return sxx > 0 && syy > 0 ? sxy / (sxx * syy).squareRoot() : 0
    }

    /// 1-based ranks; tied values share the mean of their ranks.
    static func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { (values[$0], $0) < (values[$1], $1) }
        var out = [Double](repeating: 0, count: values.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count, values[order[j + 1]] == values[order[i]] { j += 1 }
            let shared = Double(i + j) / 2 + 1
            for k in i...j { out[order[k]] = shared }
            i = j + 1
        }
        return out
    }
}
