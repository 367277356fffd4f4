/// How a Monte Carlo run was made: trials, seed and every uncertain input with what was drawn.
public struct UncertaintySummary: Sendable, Hashable, Codable {
    public var trials: Int
    public var seed: UInt64
    /// Trials whose scenario could not be built and were left out (normally 0).
    public var failedTrials: Int
    public var inputs: [Input]
    /// Inputs drawn together; nil (left out of the JSON) when every input is independent.
    public var correlations: [Correlation]?

    public struct Correlation: Sendable, Hashable, Codable {
        /// The two inputs' paths.
        public var between: [String]
        /// As the scenario asks.
        public var rankCorrelation: Double
        /// Spearman's ρ of the values the trials drew: the check that the copula did its work.
        public var achieved: Double

        enum CodingKeys: String, CodingKey {
            case between
            case rankCorrelation = "rank_correlation"
            case achieved = "achieved_rank_correlation"
        }
    }

    public struct Input: Sendable, Hashable, Codable {
        public var path: String
        /// As written: `triangular [1.9, 2.69, 3.5]`.
        public var distribution: String
        /// The scenario's own value, which the deterministic figures use.
        public var nominal: Double
        /// The values drawn.
        public var sampled: Percentiles
    }

    enum CodingKeys: String, CodingKey {
        case trials, seed
        case failedTrials = "failed_trials"
        case inputs, correlations
    }
}
