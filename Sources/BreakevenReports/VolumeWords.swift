import BreakevenCore

/// A breakeven volume in the same words in every table: "any volume", "1,234,567", "below
/// 1,234,567" (an option cheaper only at low volume, such as pay per token against a flat
/// fee) or "never".
enum VolumeWords {
    static func tokens(_ o: OptionResult) -> String {
        if let v = o.breakevenTokensPerMonth { return tokens(v) }
        if let below = o.cheaperBelowTokensPerMonth { return "below " + tokens(below) }
        return "never"
    }

    static func requestsPerDay(_ o: OptionResult) -> String {
        if let r = o.breakevenRequestsPerDay { return requestsPerDay(r) }
        if let below = o.cheaperBelowRequestsPerDay { return "below " + requestsPerDay(below) }
        return o.breakevenTokensPerMonth == nil && o.cheaperBelowTokensPerMonth == nil ? "never" : "–"
    }

    /// A volume of tokens a month: "any volume" for 0, else whole tokens.
    static func tokens(_ v: Double) -> String { v == 0 ? "any volume" : Money.grouped(Money.fixed(v, decimals: 0)) }

    static func requestsPerDay(_ r: Double) -> String { r == 0 ? "any volume" : Verdict.requests(r) }
}
