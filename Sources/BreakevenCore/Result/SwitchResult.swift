/// When a switch happens and how much its month matters, as the result JSON gives it.
public struct SwitchResult: Sendable, Hashable, Codable {
    /// 1-based; nil: never switching.
    public var switchMonth: Int?
    /// The horizon cost for every switch month evaluated (`at_month: "best"`), then never (month null).
    public var candidates: [SwitchEvaluation.Candidate]
    /// Switch months whose NPV is within 5% of the best (null: never): how flat the optimum is.
    public var withinFivePercent: [Int?]

    public init(_ evaluation: SwitchEvaluation) {
        switchMonth = evaluation.chosenMonth
        candidates = evaluation.candidates
        withinFivePercent = evaluation.candidates.isEmpty ? [] : evaluation.monthsWithin(0.05)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(switchMonth, forKey: .switchMonth)
        try c.encode(candidates, forKey: .candidates)
        try c.encode(withinFivePercent, forKey: .withinFivePercent)
    }

    enum CodingKeys: String, CodingKey {
        case switchMonth = "switch_month"
        case candidates
        case withinFivePercent = "within_5_percent"
    }
}
