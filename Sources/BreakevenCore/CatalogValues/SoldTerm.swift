/// A catalog price comes with the term it is sold for: 6 months at a 1-year price, or 24 at a
/// 3-year one, would owe less than the provider bills, and 24 at a 1-year price is a renewal
/// whose price nobody has quoted yet. So a term other than the one sold is refused unless the
/// price is written by hand.
enum SoldTerm {
    /// - Parameters:
    ///   - terms: what the catalog sells: `12 (reserved_1y)`.
    ///   - price: the key that writes a price for a contract of one's own.
    static func expectation(_ months: Int, terms: [String], price: String) -> String {
        let sold = terms.count > 1 ? terms.dropLast().joined(separator: ", ") + " or " + (terms.last ?? "") : terms.joined()
        return "expected the term the catalog's price is sold for, \(sold) months, found \(months): "
            + "a price is for its own term; give \(price) for a contract of another length"
    }
}
