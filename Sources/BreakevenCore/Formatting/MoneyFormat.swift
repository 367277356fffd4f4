/// How amounts of one currency are written: a value built from a result's currency that each
/// renderer is given and calls (`format.amount(x)`, `format.compact(x)`), so that no function's
/// output depends on hidden state and a renderer cannot print "$" for euros by forgetting a
/// wrapper.
public struct MoneyFormat: Sendable, Hashable {
    public let currency: Currency

    public init(_ currency: Currency) {
        self.currency = currency
    }

    /// The format of a currency code as a scenario writes it ("USD", "EUR").
    public init(code: String) {
        self.init(Currency(code: code))
    }

    public static let usd = MoneyFormat(.usd)

    /// "$", "€", "CHF ": what every amount starts with.
    public var sign: String { currency.prefix }

    /// 1234567.891 → "$1,234,567.89"; negatives as "-$1.00" ("€1,234,567.89", "CHF 1,234.50").
    public func amount(_ x: Double) -> String {
        let text = Money.cents(x)
        return text.hasPrefix("-") ? "-" + sign + text.dropFirst() : sign + text
    }

    /// A price to `decimals` places: "$0.0123", "-$0.50".
    public func price(_ x: Double, decimals: Int) -> String {
        (x < 0 ? "-" : "") + sign + Money.fixed(abs(x), decimals: decimals)
    }

    /// Prose amounts: "$1.2M", "$240k", "$950", "-$3.4M".
    public func compact(_ x: Double) -> String {
        (x < 0 ? "-" : "") + sign + Money.abbreviated(abs(x))
    }

    /// An estimate to 3 significant digits (uncertainty figures, input values): "$0.0525",
    /// "$2.26", "$1,530", "$12.3k", "$220k", "-$1.25M".
    public func significant(_ x: Double) -> String {
        let a = abs(x)
        let body: String
        if a >= 1e4 { body = Money.count(a) }
        else if a >= 100 { body = Money.grouped(Money.fixed(a, decimals: 0)) }
        else if a >= 1 || a == 0 { body = Money.fixed(a, decimals: 2) }
        else { body = Money.significant(a, digits: 3) }
        return (x < 0 && body.contains { $0 != "0" && $0 != "." } ? "-" : "") + sign + body
    }

    /// Round amounts without cents: "$0", "$10", "-$500"; others as `compact`.
    public func round(_ x: Double) -> String {
        guard x == x.rounded(), abs(x) < 1000 else { return compact(x) }
        return (x < 0 ? "-" : "") + sign + Money.fixed(abs(x), decimals: 0)
    }

    /// The unit of a price: "$/Mtok", "€/Mtok", "CHF/Mtok".
    public func per(_ unit: String) -> String {
        currency.per(unit)
    }
}
