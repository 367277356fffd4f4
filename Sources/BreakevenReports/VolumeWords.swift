import BreakevenCore

/// A breakeven volume in the same words in every table: "any volume", "1,234,567", "below
/// 1,234,567" (an option cheaper only at low volume, such as pay per token against a flat
/// fee) or "never".
enum VolumeWords {
    static func tokens(_ o: OptionResult) -> String {
        if let v = o.breakevenTokensPerMonth { return v == 0 ? "any volume" : Money.grouped(Money.fixed(v, decimals: 0)) }
        if let below = o.cheaperBelowTokensPerMonth { return "below " + Money.grouped(Money.fixed(below, decimals: 0)) }
        return "never"
    }

    static func requestsPerDay(_ o: OptionResult) -> String {
        if let r = o.breakevenRequestsPerDay { return r == 0 ? "any volume" : Verdict.requests(r) }
        if let below = o.cheaperBelowRequestsPerDay { return "below " + Verdict.requests(below) }
        return o.breakevenTokensPerMonth == nil && o.cheaperBelowTokensPerMonth == nil ? "never" : "–"
    }
}
