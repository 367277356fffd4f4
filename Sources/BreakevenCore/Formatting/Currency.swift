/// The currency a scenario counts in: its code, and the sign reports put before its amounts.
public struct Currency: Sendable, Hashable {
    /// As the scenario writes it: "USD", "EUR".
    public let code: String

    public init(code: String) {
        self.code = code
    }

    public static let usd = Currency(code: "USD")

    /// US dollars, however the code is cased: the catalog's own currency.
    var isUSD: Bool { code.uppercased() == Currency.usd.code }

    /// "$", "€", "£" for the currencies that have a sign everyone reads the same way; otherwise
    /// the code and a space ("CHF 1,200.00"), which no one can misread.
    public var prefix: String {
        switch code.uppercased() {
        case "USD": return "$"
        case "EUR": return "€"
        case "GBP": return "£"
        default: return code + " "
        }
    }

    /// The unit of a price: "$/Mtok", "€/Mtok", "CHF/Mtok".
    public func per(_ unit: String) -> String {
        prefix.trimmingSuffix(" ") + "/" + unit
    }
}

private extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
