/// How the tensor-parallel degree is chosen when the scenario does not set it.
public enum TensorParallelPolicy: String, Sendable, Hashable, Codable {
    /// The smallest of 1, 2, 4, 8 that holds the weights plus the KV cache of one full request
    /// and meets the latency targets.
    case smallestThatFits = "smallest_that_fits"
    /// Among the degrees that fit and meet the targets, the one with the most output tokens per
    /// second per device (ties: the smaller). Avoids a replica that barely holds its weights and
    /// so runs at a batch of a few requests.
    case mostThroughputPerDevice = "most_throughput_per_device"
}
