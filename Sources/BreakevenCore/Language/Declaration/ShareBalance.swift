/// Shares that sum to 1 (request classes, mix routes). When some are given new values, the others
/// take what is left in proportion to what they held, so the list still sums to 1, and a sweep
/// point, a trial and `--set` that name the same share run the same scenario.
enum ShareBalance {
    /// Scales the shares of the elements not in `kept` to fill what the kept ones leave of 1;
    /// others that all hold 0 split it evenly. `share * (1 − kept) / rest`, in that order, so a
    /// single kept share moves the others exactly as it always has (the reports' last bits).
    static func rebalance<Element>(_ elements: inout [Element], _ share: FieldAccess<Element, Double?>,
                                   keeping kept: some Collection<Int>) {
        let taken = kept.reduce(0) { $0 + (share.get(elements[$1]) ?? 0) }
        let others = elements.indices.filter { !kept.contains($0) }
        let rest = others.reduce(0) { $0 + (share.get(elements[$1]) ?? 0) }
        for k in others {
            share.set(&elements[k], rest > 0 ? (share.get(elements[k]) ?? 0) * (1 - taken) / rest : (1 - taken) / Double(others.count))
        }
    }

    /// A sum of shares as a message gives it, rounded to a millionth (the tolerance of the
    /// check): 0.6 + 0.3 + 0.2 reads 1.1, not 1.0999999999999999.
    static func sumText(_ sum: Double) -> String {
        NumberBounds.format((sum * 1e6).rounded() / 1e6)
    }
}
