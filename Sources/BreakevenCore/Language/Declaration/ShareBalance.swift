/// Shares that sum to 1 (request classes, mix routes). When some are given new values, the others
/// take what is left in proportion to what they held, so the list still sums to 1, and a sweep
/// point, a trial and `--set` that name the same share run the same scenario.
enum ShareBalance {
    /// Scales the shares of the elements `isKept` leaves out to fill what the kept ones, `taken`
    /// together, leave of 1; others that all hold 0 split it evenly. `share × (1 − taken) / rest`,
    /// in that order, so a single kept share moves the others exactly as it always has (the
    /// reports' last bits). A trial calls this for every uncertain share: the shares are read and
    /// written where they lie, not by copying each element out and back.
    static func rebalance<Element>(_ elements: inout [Element], _ share: FieldAccess<Element, Double?>, taken: Double,
                                   isKept: (Int) -> Bool) {
        elements.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var rest = 0.0, others = 0
            for k in buffer.indices where !isKept(k) {
                rest += share.get(UnsafePointer(base + k)) ?? 0
                others += 1
            }
            for k in buffer.indices where !isKept(k) {
                let held = share.get(UnsafePointer(base + k)) ?? 0
                share.set(&base[k], rest > 0 ? held * (1 - taken) / rest : (1 - taken) / Double(others))
            }
        }
    }

    /// A sum of shares as a message gives it, rounded to a millionth (the tolerance of the
    /// check): 0.6 + 0.3 + 0.2 reads 1.1, not 1.0999999999999999.
    static func sumText(_ sum: Double) -> String {
        NumberBounds.format((sum * 1e6).rounded() / 1e6)
    }
}
