/// Quantiles of sorted values, in the two definitions the reports use (Hyndman & Fan, "Sample
/// Quantiles in Statistical Packages", 1996): interpolated where a figure may fall between two
/// values, nearest rank where it must be one of them (a month, a trial).
public enum Quantile {
    /// Linear interpolation between order statistics: the value at rank (n − 1)·p, counting from
    /// 0 (type 7: numpy's default, spreadsheets' PERCENTILE.INC). Next to an infinite value (an
    /// unpredicted point counts as an infinite error), the value at the rank where the rank is
    /// whole, else the higher neighbour: the formula would give NaN (0 × ∞, or ∞ − ∞). NaN for no
    /// values.
    public static func interpolated(_ sorted: [Double], _ p: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let h = Double(sorted.count - 1) * p
        let lo = Int(h.rounded(.down)), hi = min(lo + 1, sorted.count - 1)
        guard sorted[lo].isFinite, sorted[hi].isFinite else { return h == Double(lo) ? sorted[lo] : sorted[hi] }
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// The 1-based rank of quantile p among n sorted values by nearest rank: the smallest rank r
    /// with r / n ≥ p (type 1), so that the quantile is one of the values.
    static func nearestRank(_ p: Double, of n: Int) -> Int {
        min(n, max(1, Int((p * Double(n)).rounded(.up))))
    }
}
