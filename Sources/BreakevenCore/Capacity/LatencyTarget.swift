/// Latency a replica must keep while loaded; nil means no target.
public struct LatencyTarget: Sendable, Hashable {
    var maxTimePerOutputTokenMs: Double?
    var maxTimeToFirstTokenMs: Double?


    public static let none = LatencyTarget()
}

/// The two latencies a target can bound.
public enum LatencyMetric: String, Sendable, Hashable {
    case timePerOutputToken = "time_per_output_token"
    case timeToFirstToken = "time_to_first_token"

    var phrase: String {
        switch self {
        case .timePerOutputToken: "time per output token"
        case .timeToFirstToken: "time to first token"
        }
    }
}
