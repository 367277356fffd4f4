/// When a switch happens and how much its month matters, as the result JSON gives it.
public struct SwitchResult: Sendable, Hashable, Codable {
    /// 1-based; nil: never switching.
    @ExplicitNull public var switchMonth: Int?
    /// The horizon cost for every switch month evaluated (`at_month: "best"`), then never (month null).
    public var candidates: [SwitchEvaluation.Candidate]
    /// Switch months whose NPV is within 5% of the best (null: never): how flat the optimum is.
    public var withinFivePercent: [Int?]
    /// Months from the switch month in which both sides are billed (`overlap_months`).
    public var overlapMonths: Int

    init(_ evaluation: SwitchEvaluation, overlapMonths: Int = 0) {
        switchMonth = evaluation.chosenMonth
        candidates = evaluation.candidates
        withinFivePercent = evaluation.candidates.isEmpty ? [] : evaluation.monthsWithin(0.05)
        self.overlapMonths = overlapMonths
    }

    /// A result written before `overlap_months` existed had none.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switchMonth = try c.decodeIfPresent(Int.self, forKey: .switchMonth)
        candidates = try c.decode([SwitchEvaluation.Candidate].self, forKey: .candidates)
        withinFivePercent = try c.decode([Int?].self, forKey: .withinFivePercent)
        overlapMonths = try c.decodeIfPresent(Int.self, forKey: .overlapMonths) ?? 0
    }

    enum CodingKeys: String, CodingKey {
        case switchMonth = "switch_month"
        case candidates
        case withinFivePercent = "within_5_percent"
        case overlapMonths = "overlap_months"
    }
}
